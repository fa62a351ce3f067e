/**
 * The shared load harness (`../shared/bench/collab`: run.mjs, load.mjs, rooms.mjs and the anchor
 * servers). Our benches drive it as child processes and read the one JSON line each script prints.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_HARNESS = '../shared/bench/collab';

/** A bench cannot run as asked: the message says what to do, no stack trace. */
export class BenchError extends Error {}

/** The harness folder, checked: its scripts exist and its dependencies are installed. */
export function resolveHarness(dir: string = DEFAULT_HARNESS): string {
  const abs = path.resolve(dir);
  if (!fs.existsSync(path.join(abs, 'run.mjs'))) {
    throw new BenchError(`No collaboration harness at ${abs} (run.mjs missing). Pass --harness DIR.`);
  }
  if (!fs.existsSync(path.join(abs, 'node_modules', 'yjs')) || !fs.existsSync(path.join(abs, 'node_modules', '@hocuspocus', 'server'))) {
    throw new BenchError(
      `The harness at ${abs} has no node_modules. Install it once, outside the read-only shared folder:\n` +
        `  cp -r ${abs} /tmp/collab-bench && chmod -R u+w /tmp/collab-bench && (cd /tmp/collab-bench && npm install)\n` +
        `then pass --harness /tmp/collab-bench`,
    );
  }
  return abs;
}

export type Json = Record<string, unknown>;

/** Runs one harness script (`node <harness>/<script> …args`) and returns the JSON line it prints. */
export function runHarnessScript(harness: string, script: string, args: string[], timeoutMs = 600_000): Promise<Json> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(harness, script), ...args], { cwd: harness, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as Json);
      } catch {
        reject(new BenchError(`${script} exited ${code} without a JSON line.\nstdout: ${out.slice(-1000)}\nstderr: ${err.slice(-2000)}`));
      }
    });
  });
}
