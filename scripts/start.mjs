#!/usr/bin/env node
// `npm start` / `npm run demo`: build if needed, then run the Coopol process (which migrates the
// database and, with --demo, seeds the demo content on an empty database).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const demo = process.argv.includes('--demo');

function needsBuild() {
  const id = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(id)) return true;
  if (process.env.COOPOL_SKIP_BUILD_CHECK === '1') return false;
  // Rebuild when a source file is newer than the last build.
  const built = fs.statSync(id).mtimeMs;
  const dirs = ['app', 'components', 'lib', 'server', 'db'];
  const stack = dirs.map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(p);
      else if (/\.(tsx?|json|css)$/.test(entry.name) && !entry.name.endsWith('.test.ts') && fs.statSync(p).mtimeMs > built) return true;
    }
  }
  return false;
}

if (needsBuild()) {
  console.log('[coopol] building the app (first start or sources changed)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'index.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', COOPOL_DEMO: demo ? '1' : '0' }, // the demo's one-click sign-in exists only in `npm run demo`
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
