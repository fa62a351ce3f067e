/**
 * End-to-end tests: one built Coopol process (started by e2e/global-setup.ts with its own temp
 * DATA_DIR and a real SMTP server), Debian's chromium, French locale. Specs live in e2e/ and are
 * named after what a user does.
 */
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const isCI = Boolean(process.env.CI);
// E2E_DEV=1 (dev server, compiles each route on first visit) needs far longer waits.
const slow = process.env.E2E_DEV === '1' ? 4 : 1;

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  forbidOnly: true,
  // One server is shared; two workers keep both cores busy without starving it.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: isCI ? 1 : 0,
  timeout: 90_000 * slow,
  expect: { timeout: 15_000 * slow },
  reporter: 'list',
  // In dev mode, files written inside the project would make the dev server recompile and reload.
  outputDir: slow > 1 ? path.join(os.tmpdir(), 'coopol-e2e-results') : process.env.E2E_OUTPUT_DIR || 'test-results',
  use: {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    actionTimeout: 15_000 * slow,
    navigationTimeout: 45_000 * slow,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], locale: 'fr-FR' } }],
});
