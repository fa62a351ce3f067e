/**
 * Server processes for the benches: Coopol's collaboration server (bench/lib/collab-server.ts over
 * a given DATA_DIR) and the harness's anchor servers. Each prints `listening <port>` when ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { BenchError } from './harness';

export type ServerProcess = {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  /** Spawn → listening, in ms. */
  listenMs: number;
  stop(): Promise<void>;
};

/** Limits raised for a load run: every harness client comes from 127.0.0.1. */
export const BENCH_COLLAB_LIMITS: Record<string, string> = {
  COLLAB_MAX_CONN_PER_PAGE: '5000',
  COLLAB_MAX_CONN_PER_IP: '20000',
  COLLAB_MESSAGE_RATE: '10000',
  COLLAB_MESSAGE_BURST: '50000',
};

function startProcess(name: string, args: string[], env: Record<string, string>, cwd: string): Promise<ServerProcess> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let ready = false;
    child.stdout!.on('data', (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (!m || ready) return;
      ready = true;
      resolve({
        name,
        child,
        pid: child.pid!,
        port: Number(m[1]),
        listenMs: performance.now() - t0,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
    child.on('exit', (code) => {
      if (!ready) reject(new BenchError(`${name} exited ${code} before listening: ${err.slice(-2000)}`));
    });
  });
}

/** Coopol's collaboration server (auth on, persist-before-relay) over `dataDir`, on a free port. */
export function startCoopol(dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  const root = process.cwd();
  return startProcess('coopol', [...nodeArgs, '--import', 'tsx', path.join(root, 'bench', 'lib', 'collab-server.ts')], { NODE_ENV: 'production', ...BENCH_COLLAB_LIMITS, ...env, DATA_DIR: dataDir, PORT: '0' }, root);
}

/** `@hocuspocus/server` with its defaults; with `db`, `@hocuspocus/extension-sqlite` on that file. */
export function startHocuspocus(harness: string, db?: string): Promise<ServerProcess> {
  return startProcess('hocuspocus', [path.join(harness, 'servers', 'hocuspocus.mjs')], { PORT: '0', ...(db ? { DB: db } : {}) }, harness);
}

/** What our bench server says about itself (GET /stats). */
export async function coopolStats(port: number): Promise<{ rooms: number; rssMb: number; heapUsedMb: number }> {
  const res = await fetch(`http://127.0.0.1:${port}/stats`);
  return (await res.json()) as { rooms: number; rssMb: number; heapUsedMb: number };
}
