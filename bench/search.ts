/**
 * Search and backlinks at scale, in process against a database filled by `seed:scale` (200,000
 * pages): p95 of two-word French queries through `searchPages` as a party member, and p95 of
 * `listBacklinks` (and `countBacklinks`) for a page with 1,000 referrers (1,000 `page_links` rows
 * inserted for the run, removed after). Targets of issue 4: p95 < 50 ms each. Prints one JSON line.
 *   DATA_DIR=/tmp/scale node --import tsx bench/search.ts [--rounds 10]
 * Without DATA_DIR: /tmp/scale if it exists, else a scale database is built in a temp folder
 * (`npm run cli -- seed:scale`, a few minutes).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { memberships, pageLinks, pages, spaces, users } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { countBacklinks, listBacklinks } from '@/server/links/backlinks';
import { listPages } from '@/server/pages/page-service';
import { searchPages } from '@/server/search/search';
import { BenchError } from './lib/harness';
import { progress, runBench } from './lib/main';
import { benchTempDir, openDataDir } from './lib/seed';
import { round, summarizeMs } from './lib/stats';

const DEFAULT_SCALE_DIR = '/tmp/scale';
const TARGET_MS = 50;
const REFERRERS = 1000;
/** Two-word queries a militant would type; some without their accents (the index folds them). */
const QUERIES = [
  'logements sociaux', 'rénovation écoles', 'centre santé', 'transport commun', 'régie eau', 'pistes cyclables', 'budget participatif',
  'crèche municipale', 'assemblée générale', 'terres agricoles', 'gratuité cantines', 'maternité défense', 'marché producteurs', 'bureau poste',
  'tarifs piscine', 'agents contractuels', 'navettes villages', 'encadrement loyers', 'concertation habitants', 'regie publique',
  'creche municipale', 'renovation thermique', 'election section', 'prochaine assemblée',
];

function options() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { rounds: { type: 'string', default: '10' } } });
  return { rounds: Math.max(1, Number(values.rounds) || 10) };
}

/** The scale database to use, built when there is none. */
function scaleDataDir(): { dir: string; built: boolean } {
  if (process.env.DATA_DIR) return { dir: path.resolve(process.env.DATA_DIR), built: false };
  if (fs.existsSync(path.join(DEFAULT_SCALE_DIR, 'coopol.sqlite'))) return { dir: DEFAULT_SCALE_DIR, built: false };
  const dir = benchTempDir('bench-scale');
  progress(`no scale database: building one in ${dir} (seed:scale, a few minutes)`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'seed:scale'], { env: { ...process.env, DATA_DIR: dir }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new BenchError(`seed:scale failed (exit ${r.status}).`);
  return { dir, built: true };
}

/** A party member of a section: the demo persona when the scale seed kept it, else the first one. */
function partyMember(): string {
  const persona = db().select({ id: users.id }).from(users).where(eq(users.email, 'militante@coopol.test')).get();
  if (persona) return persona.id;
  const any = db()
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
    .where(and(eq(users.siteRole, 'member'), eq(spaces.kind, 'section')))
    .orderBy(asc(users.createdAt))
    .get();
  if (!any) throw new BenchError('No party member in this database: fill it with `npm run cli -- seed:scale` first.');
  return any.id;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const t = performance.now();
  const result = fn();
  return { ms: performance.now() - t, result };
}

runBench(async () => {
  const opts = options();
  const { dir, built } = scaleDataDir();
  openDataDir(dir);
  const pageCount = db().select({ n: sql<number>`count(*)` }).from(pages).get()?.n ?? 0;
  const viewer = loadViewer(partyMember());

  // Search: one warm-up pass (page cache), then `rounds` passes over every query.
  progress(`search: ${QUERIES.length} queries × ${opts.rounds} rounds over ${pageCount} pages`);
  for (const q of QUERIES) searchPages(viewer, q, { limit: 20 });
  const searchMs: number[] = [];
  const perQuery: Record<string, { results: number; median_ms: number | null }> = {};
  for (const q of QUERIES) {
    const times: number[] = [];
    let results = 0;
    for (let r = 0; r < opts.rounds; r++) {
      const t = time(() => searchPages(viewer, q, { limit: 20 }));
      times.push(t.ms);
      results = t.result.data.length;
    }
    searchMs.push(...times);
    perQuery[q] = { results, median_ms: summarizeMs(times).p50 };
  }
  const search = summarizeMs(searchMs);

  // Backlinks: a page the member reads, with 1,000 referrers spread over the whole database.
  const target = listPages(viewer, { limit: 1 }).data[0];
  if (!target) throw new BenchError('The member reads no page in this database.');
  const sources = db()
    .select({ id: pages.id })
    .from(pages)
    .where(and(ne(pages.id, target.id), sql`${pages}.rowid % ${Math.max(1, Math.floor(pageCount / (REFERRERS * 2)))} = 0`))
    .limit(REFERRERS)
    .all()
    .map((r) => r.id);
  const existing = new Set(
    db().select({ id: pageLinks.sourceId }).from(pageLinks).where(eq(pageLinks.targetId, target.id)).all().map((r) => r.id),
  );
  const added = sources.filter((id) => !existing.has(id));
  db().transaction((tx) => {
    for (const sourceId of added) tx.insert(pageLinks).values({ sourceId, targetId: target.id, snippet: `… voir la note sur ${target.title} …` }).run();
  });
  try {
    const referrers = existing.size + added.length;
    progress(`backlinks: ${referrers} referrers, ${opts.rounds * QUERIES.length} calls`);
    listBacklinks(viewer, target.id);
    const listMs: number[] = [];
    const countMs: number[] = [];
    let visible = 0;
    let firstPage = 0;
    for (let r = 0; r < opts.rounds * QUERIES.length; r++) {
      const l = time(() => listBacklinks(viewer, target.id));
      listMs.push(l.ms);
      firstPage = l.result.data.length;
      const c = time(() => countBacklinks(viewer, target.id));
      countMs.push(c.ms);
      visible = c.result;
    }
    const list = summarizeMs(listMs);
    const count = summarizeMs(countMs);
    const verdict = {
      search_p95_under_50ms: search.p95 != null && search.p95 < TARGET_MS,
      backlinks_p95_under_50ms: list.p95 != null && list.p95 < TARGET_MS,
    };
    return {
      bench: 'search',
      data_dir: built ? 'built for this run' : dir,
      pages: pageCount,
      viewer: 'party member (section)',
      node: process.version,
      loadavg: os.loadavg().map((x) => round(x, 2)),
      search: { queries: QUERIES.length, rounds: opts.rounds, limit: 20, latency_ms: search, per_query: perQuery },
      backlinks: { referrers, readable_by_viewer: visible, first_page_rows: firstPage, list_ms: list, count_ms: count },
      verdict,
      pass: Object.values(verdict).every(Boolean),
    };
  } finally {
    if (added.length) db().delete(pageLinks).where(and(eq(pageLinks.targetId, target.id), inArray(pageLinks.sourceId, added))).run();
    if (built) fs.rmSync(dir, { recursive: true, force: true });
  }
});
