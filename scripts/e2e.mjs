#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: the Playwright suite against the production build.
// Builds first when .next/ holds no build (a stale build is the caller's business: `npm test`
// always builds just before). E2E_DEV=1 runs against a dev server instead, without a build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (process.env.E2E_DEV !== '1' && !fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
  console.log('[e2e] no production build in .next/: running next build first');
  const build = spawnSync(bin('next'), ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const r = spawnSync(bin('playwright'), ['test', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
