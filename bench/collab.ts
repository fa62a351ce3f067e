/**
 * Co-editing latency, side by side: Coopol's collaboration server (auth on, every update in
 * SQLite before it is relayed) and `@hocuspocus/server` with its defaults (in memory), each
 * fresh, each driven by the shared harness's run.mjs with the same workload (default: 200 clients
 * on one page, 5 typing 20 chars/s for 20 s, tiptap's document layout). Prints one JSON line with
 * both results and a verdict per figure of issue 4.
 *   node --import tsx bench/collab.ts [--harness DIR] [--clients 200] [--writers 5] [--seconds 20] [--reps 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { resolveHarness, runHarnessScript, DEFAULT_HARNESS, type Json } from './lib/harness';
import { progress, runBench } from './lib/main';
import { closeDataDir, benchTempDir, seedBenchWorld } from './lib/seed';
import { startCoopol, startHocuspocus, type ServerProcess } from './lib/servers';
import { median, round } from './lib/stats';

const TARGETS = ['coopol', 'hocuspocus'] as const;
type Target = (typeof TARGETS)[number];

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      harness: { type: 'string', default: DEFAULT_HARNESS },
      clients: { type: 'string', default: '200' },
      writers: { type: 'string', default: '5' },
      seconds: { type: 'string', default: '20' },
      interval: { type: 'string', default: '50' },
      awareness: { type: 'string', default: 'join' },
      reps: { type: 'string', default: '3' },
      /** Write a V8 CPU profile of our server per rep into this folder. */
      'cpu-prof': { type: 'string' },
      targets: { type: 'string', default: TARGETS.join(',') },
    },
  });
  const targets = values.targets.split(',').filter((t): t is Target => (TARGETS as readonly string[]).includes(t));
  return { ...values, reps: Math.max(1, Number(values.reps) || 1), targets };
}

type RunSummary = {
  latency_ms: { p50: number; p95: number; p99: number; max: number } | null;
  echo_p50_ms: number | null;
  delivery_ratio: number | null;
  converged: boolean;
  server_cpu_pct: number | null;
  server_rss_mb_peak: number | null;
  join_ms: number | null;
  harness_cpu_pct: number | null;
  harness_loop_delay_p99_ms: number | null;
  loadavg_before: number[] | null;
  errors?: unknown;
};

function summarizeRun(r: Json): RunSummary {
  const get = (key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), r);
  const num = (key: string) => (typeof get(key) === 'number' ? (get(key) as number) : null);
  const lat = get('latency_ms') as { p50: number; p95: number; p99: number; max: number } | undefined;
  return {
    latency_ms: lat && typeof lat.p99 === 'number' ? { p50: lat.p50, p95: lat.p95, p99: lat.p99, max: lat.max } : null,
    echo_p50_ms: num('echo_ms.p50'),
    delivery_ratio: num('delivery_ratio'),
    converged: get('converged') === true,
    server_cpu_pct: num('server.cpu_pct'),
    server_rss_mb_peak: num('server.rss_mb_peak'),
    join_ms: num('join.total_ms'),
    harness_cpu_pct: num('harness.cpu_pct'),
    harness_loop_delay_p99_ms: num('harness.loop_delay_p99_ms'),
    loadavg_before: (get('loadavg_before') as number[] | undefined) ?? null,
    ...(get('errors') ? { errors: get('errors') } : {}),
  };
}

/** Median of each figure over the reps; delivery and convergence must hold in every rep. */
function aggregate(runs: RunSummary[]) {
  const m = (f: (r: RunSummary) => number | null | undefined) => round(median(runs.map(f)), 2);
  return {
    reps: runs.length,
    latency_ms: { p50: m((r) => r.latency_ms?.p50), p95: m((r) => r.latency_ms?.p95), p99: m((r) => r.latency_ms?.p99), max: m((r) => r.latency_ms?.max) },
    echo_p50_ms: m((r) => r.echo_p50_ms),
    delivery_ratio: runs.every((r) => r.delivery_ratio === 1) ? 1 : Math.min(...runs.map((r) => r.delivery_ratio ?? 0)),
    converged: runs.every((r) => r.converged),
    server_cpu_pct: m((r) => r.server_cpu_pct),
    server_rss_mb_peak: m((r) => r.server_rss_mb_peak),
    join_ms: m((r) => r.join_ms),
    harness_cpu_pct: m((r) => r.harness_cpu_pct),
  };
}

runBench(async () => {
  const opts = options();
  const harness = resolveHarness(opts.harness);
  const dataDir = benchTempDir('bench-collab');
  try {
    // One fresh page per rep: every rep types into an empty document, as hocuspocus's fresh room.
    const world = seedBenchWorld(dataDir, opts.reps);
    closeDataDir();
    const workload = ['--root', 'prosemirror', '--clients', opts.clients, '--writers', opts.writers, '--seconds', opts.seconds, '--interval', opts.interval, '--awareness', opts.awareness];
    const runs: Record<Target, RunSummary[]> = { coopol: [], hocuspocus: [] };
    const raw: Record<Target, Json[]> = { coopol: [], hocuspocus: [] };
    // Interleaved (ours, theirs, ours, …): background noise on the shared machine falls on both.
    for (let rep = 0; rep < opts.reps; rep++) {
      for (const target of opts.targets) {
        let server: ServerProcess | null = null;
        try {
          const profile = opts['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', opts['cpu-prof']] : [];
          server = target === 'coopol' ? await startCoopol(dataDir, {}, profile) : await startHocuspocus(harness);
          await new Promise((r) => setTimeout(r, 500));
          const url = target === 'coopol' ? `ws://127.0.0.1:${server.port}/collab` : `ws://127.0.0.1:${server.port}`;
          const args =
            target === 'coopol'
              ? ['--url', url, '--doc', world.pageIds[rep]!, '--token', world.token]
              : ['--url', url, '--protocol', 'hocuspocus', '--doc', `bench-${rep}`];
          progress(`rep ${rep + 1}/${opts.reps} ${target}: ${opts.clients} clients, ${opts.writers} writers, ${opts.seconds} s`);
          const r = await runHarnessScript(harness, 'run.mjs', [...args, ...workload, '--server-pid', String(server.pid), '--label', target]);
          raw[target].push(r);
          const s = summarizeRun(r);
          runs[target].push(s);
          progress(`  p50 ${s.latency_ms?.p50} p99 ${s.latency_ms?.p99} ms, delivery ${s.delivery_ratio}, converged ${s.converged}, cpu ${s.server_cpu_pct}%, rss ${s.server_rss_mb_peak} MB`);
        } finally {
          await server?.stop();
        }
      }
    }
    const coopol = aggregate(runs.coopol);
    const hocuspocus = aggregate(runs.hocuspocus);
    const verdict = {
      p99_no_worse_than_hocuspocus: coopol.latency_ms.p99 != null && hocuspocus.latency_ms.p99 != null && coopol.latency_ms.p99 <= hocuspocus.latency_ms.p99,
      delivery_ratio_1: coopol.delivery_ratio === 1,
      converged: coopol.converged,
      cpu_no_higher_than_hocuspocus: coopol.server_cpu_pct != null && hocuspocus.server_cpu_pct != null && coopol.server_cpu_pct <= hocuspocus.server_cpu_pct,
    };
    return {
      bench: 'collab',
      clients: Number(opts.clients),
      writers: Number(opts.writers),
      seconds: Number(opts.seconds),
      interval_ms: Number(opts.interval),
      root: 'prosemirror',
      node: process.version,
      cpus: os.cpus().length,
      coopol,
      hocuspocus,
      verdict,
      pass: Object.values(verdict).every(Boolean),
      runs: Object.fromEntries(TARGETS.map((t) => [t, runs[t]])),
      anchor_valid: hocuspocus.delivery_ratio === 1 && hocuspocus.converged,
      ...(process.env.BENCH_RAW === '1' ? { raw } : {}),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
