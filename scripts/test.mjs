#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure:
// chromium present → types → lint → unit tests → production build → end-to-end tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const stages = [
  { name: 'chromium', cmd: 'bash', args: [path.join(root, 'scripts', 'ensure-chromium.sh')] },
  { name: 'typecheck (tsc --noEmit)', cmd: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint (eslint --max-warnings 0)', cmd: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'unit tests (vitest run)', cmd: bin('vitest'), args: ['run'] },
  { name: 'build (next build)', cmd: bin('next'), args: ['build'], env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } },
  { name: 'e2e (playwright test)', cmd: process.execPath, args: [path.join(root, 'scripts', 'e2e.mjs')] },
];

const results = [];
for (const stage of stages) {
  console.log(`\n━━ ${stage.name} ━━`);
  const started = Date.now();
  const r = spawnSync(stage.cmd, stage.args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...stage.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  results.push({ name: stage.name, status: ok ? 'passed' : 'FAILED', seconds });
  if (!ok) {
    if (r.error) console.error(`${stage.name}: ${r.error.message}`);
    break;
  }
}

const passed = results.filter((r) => r.status === 'passed').length;
const failed = results.length - passed;
const skipped = stages.length - results.length;
console.log('\n━━ summary ━━');
for (const r of results) console.log(`  ${r.status === 'passed' ? '✓' : '✗'} ${r.name} (${r.seconds} s)`);
for (const s of stages.slice(results.length)) console.log(`  - ${s.name} (not run)`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} not run` : ''}`);
process.exit(failed ? 1 : 0);
