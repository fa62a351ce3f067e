/**
 * Memory per open page: 500 pages, one editor each, each typing a short burst (the harness's
 * rooms.mjs), then everyone leaves. Reports our server's RSS per open page, and whether RSS comes
 * back within 20% of where it started once the idle rooms are unloaded (COLLAB_IDLE_UNLOAD_MS is
 * set small for the run). Hocuspocus (in memory, defaults) runs the same load for reference.
 * Prints one JSON line.
 *   node --import tsx bench/collab-rooms.ts [--harness DIR] [--pages 500] [--chars 2000] [--settle 10]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_HARNESS, resolveHarness, runHarnessScript, type Json } from './lib/harness';
import { progress, runBench } from './lib/main';
import { benchTempDir, closeDataDir, seedBenchWorld } from './lib/seed';
import { coopolStats, startCoopol, startHocuspocus } from './lib/servers';
import { round } from './lib/stats';

const IDLE_UNLOAD_MS = 1000;

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      harness: { type: 'string', default: DEFAULT_HARNESS },
      pages: { type: 'string', default: '500' },
      chars: { type: 'string', default: '2000' },
      settle: { type: 'string', default: '10' },
      'no-anchor': { type: 'boolean', default: false },
    },
  });
  return { ...values, pages: Math.max(1, Number(values.pages) || 500) };
}

const pick = (r: Json, keys: string[]) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null]));
const ROOM_FIGURES = ['rss_mb_before', 'rss_mb_open', 'kb_per_doc', 'rss_mb_after_close', 'open_ms', 'sync_ms', 'errors'];

runBench(async () => {
  const opts = options();
  const harness = resolveHarness(opts.harness);
  const dataDir = benchTempDir('bench-rooms');
  try {
    progress(`seeding ${opts.pages} pages`);
    const world = seedBenchWorld(dataDir, opts.pages);
    closeDataDir();
    const idsFile = path.join(dataDir, 'page-ids.txt');
    fs.writeFileSync(idsFile, `${world.pageIds.join('\n')}\n`);
    const roomsArgs = ['--root', 'prosemirror', '--per-doc', '1', '--chars', opts.chars, '--settle', opts.settle];

    const server = await startCoopol(dataDir, { COLLAB_IDLE_UNLOAD_MS: String(IDLE_UNLOAD_MS) });
    let coopol: Json;
    try {
      progress(`coopol: ${opts.pages} pages open, one editor each`);
      const r = await runHarnessScript(harness, 'rooms.mjs', ['--url', `ws://127.0.0.1:${server.port}/collab`, '--ids', idsFile, '--token', world.token, '--server-pid', String(server.pid), ...roomsArgs]);
      const after = await coopolStats(server.port);
      const before = r.rss_mb_before as number;
      const closed = r.rss_mb_after_close as number;
      coopol = {
        ...pick(r, ROOM_FIGURES),
        rooms_after_close: after.rooms,
        heap_used_mb_after_close: after.heapUsedMb,
        rss_after_vs_before: round(closed / before, 3),
      };
    } finally {
      await server.stop();
    }

    let hocuspocus: Json | null = null;
    if (!opts['no-anchor']) {
      const hp = await startHocuspocus(harness);
      try {
        progress(`hocuspocus: ${opts.pages} documents open, one editor each`);
        const r = await runHarnessScript(harness, 'rooms.mjs', ['--url', `ws://127.0.0.1:${hp.port}`, '--protocol', 'hocuspocus', '--docs', String(opts.pages), '--server-pid', String(hp.pid), ...roomsArgs]);
        hocuspocus = pick(r, ROOM_FIGURES);
      } finally {
        await hp.stop();
      }
    }

    const verdict = {
      all_pages_opened: !coopol.errors,
      rooms_unloaded: coopol.rooms_after_close === 0,
      rss_back_within_20pct: typeof coopol.rss_after_vs_before === 'number' && coopol.rss_after_vs_before <= 1.2,
    };
    return {
      bench: 'collab-rooms',
      pages: opts.pages,
      per_page: 1,
      chars: Number(opts.chars),
      idle_unload_ms: IDLE_UNLOAD_MS,
      settle_s: Number(opts.settle),
      node: process.version,
      loadavg: os.loadavg().map((x) => round(x, 2)),
      coopol,
      hocuspocus,
      verdict,
      pass: Object.values(verdict).every(Boolean),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
