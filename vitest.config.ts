import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**'],
    environment: 'node',
    setupFiles: ['./test/setup.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    // next-auth imports `next/server` in a form only a bundler resolves.
    server: { deps: { inline: ['next-auth'] } },
  },
});
