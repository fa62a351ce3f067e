/**
 * Issue 12's feed figure, against a RUNNING server on loopback and its database (same DATA_DIR),
 * as bench/motions.ts:
 *   DATA_DIR=<the server's> npm run bench:calendar -- --timing-log FILE [--url http://127.0.0.1:3000] [--requests 30] [--events 2000]
 * The server is started with COOPOL_TIMING_LOG=FILE. The database is a throwaway one (the demo or
 * the scale seed): the bench ADDS up to `--events` events (« [bench] Agenda … », over the two
 * years to come) to the first section that has a secretary, through createEvent, and they stay
 * (a second run reuses them).
 *
 * Measured: the section's calendar feed (GET /api/v1/spaces/:id/calendar.ics?token=, the
 * secretary's personal token: every event readable) beside a page view (GET /pages/:id of one of
 * those events, the secretary's session), interleaved and sequential; server times from the
 * timing log; median and p95 of each and their ratio (target ≤ 2). The feed is measured twice: as
 * a calendar polling it sees it (`feed`: unchanged since its last request, so its text is the one
 * already written), and right after one of its events changed (`feed_changed`: written again).
 * Both are judged. Prints one JSON line; progress on stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { and, asc, count, eq, like } from 'drizzle-orm';
import { db } from '@/db/client';
import { memberships, pages, sessions } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { env } from '@/server/env';
import { createCalendarToken, revokeCalendarToken } from '@/server/events/calendar-tokens';
import { createEvent, updateEvent } from '@/server/events/event-service';
import { BenchError } from './lib/harness';
import { progress, runBench } from './lib/main';
import { round, summarizeMs } from './lib/stats';

const RATIO_TARGET = 2;
const TITLE = '[bench] Agenda';

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      'timing-log': { type: 'string' },
      requests: { type: 'string', default: '30' },
      events: { type: 'string', default: '2000' },
    },
  });
  const base = new URL(values.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) throw new BenchError('The bench only drives a server on loopback.');
  if (!values['timing-log']) throw new BenchError('--timing-log FILE is required: start the server with COOPOL_TIMING_LOG=FILE and pass the same FILE.');
  if (!process.env.DATA_DIR) throw new BenchError("Set DATA_DIR to the running server's DATA_DIR (a throwaway database: the bench adds events to it).");
  const int = (v: string, name: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new BenchError(`--${name} takes a whole number from ${min} to ${max}.`);
    return n;
  };
  return { base: base.origin, timingLog: values['timing-log'], requests: int(values.requests, 'requests', 5, 1000), events: int(values.events, 'events', 10, 5000) };
}

/** The first section with a secretary, and that secretary; `events` bench events in it (made if missing). */
function setUp(wanted: number) {
  const sec = db()
    .select({ userId: memberships.userId, spaceId: memberships.spaceId })
    .from(memberships)
    .where(eq(memberships.role, 'secretary'))
    .orderBy(asc(memberships.createdAt))
    .get();
  if (!sec) throw new BenchError('No section with a secretary in this database: seed the demo or the scale database first.');
  const viewer = loadViewer(sec.userId);
  const have = db().select({ n: count() }).from(pages).where(and(eq(pages.spaceId, sec.spaceId), eq(pages.kind, 'event'), like(pages.title, `${TITLE}%`))).get()?.n ?? 0;
  const start = Date.now() + 86_400_000;
  for (let i = have; i < wanted; i++) {
    // Spread over two years, at 18:00-ish Paris, one in five with three slots.
    const at = new Date(start + Math.floor((i * 730 * 86_400_000) / wanted));
    const day = at.toISOString().slice(0, 10);
    createEvent(viewer, sec.spaceId, {
      title: `${TITLE} ${i + 1}`,
      startsAt: `${day}T18:00`,
      endsAt: `${day}T21:00`,
      place: `Salle ${i % 17}, ${i} rue de la République`,
      capacity: 40,
      slots: i % 5 === 0 ? [0, 1, 2].map((k) => ({ label: `Équipe ${k + 1}`, startsAt: `${day}T${18 + k}:00`, endsAt: `${day}T${19 + k}:00`, capacity: 4 })) : undefined,
      visibility: i % 3 === 0 ? 'public' : 'space',
    });
    if ((i + 1) % 250 === 0) progress(`  ${i + 1}/${wanted} events`);
  }
  const page = db().select({ id: pages.id }).from(pages).where(and(eq(pages.spaceId, sec.spaceId), eq(pages.kind, 'event'), like(pages.title, `${TITLE}%`))).orderBy(asc(pages.createdAt)).get()!;
  return { userId: sec.userId, spaceId: sec.spaceId, pageId: page.id, created: Math.max(0, wanted - have) };
}

let nextId = 0;
const benchId = () => `c${process.pid}-${++nextId}`;

async function timedFetch(url: string, init: RequestInit): Promise<{ id: string; status: number; bytes: number }> {
  const id = benchId();
  const res = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-bench-id': id }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  const body = await res.arrayBuffer();
  return { id, status: res.status, bytes: body.byteLength };
}

function serverTimes(file: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [id, ms] = line.split(' ');
    if (id && ms) times.set(id, Number(ms));
  }
  return times;
}

function headCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

runBench(async () => {
  const opts = options();
  env();
  try {
    await (await fetch(`${opts.base}/`, { redirect: 'manual', signal: AbortSignal.timeout(30_000) })).arrayBuffer();
  } catch {
    throw new BenchError(`No server at ${opts.base}: start it (NODE_ENV=production, COOPOL_TIMING_LOG=${opts.timingLog}, the same DATA_DIR) and pass --url.`);
  }
  if (!fs.existsSync(opts.timingLog)) throw new BenchError(`${opts.timingLog} does not exist: start the server with COOPOL_TIMING_LOG=${opts.timingLog}.`);
  const t0 = Date.now();
  progress(`setting up ${opts.events} events in a section`);
  const s = setUp(opts.events);
  const setupSeconds = Math.round((Date.now() - t0) / 1000);
  const session = createSession(s.userId, 3600);
  const feedToken = createCalendarToken(loadViewer(s.userId), { spaceId: s.spaceId });
  const cookie = `${sessionCookieName()}=${session.token}`;
  const feed = () => timedFetch(`${opts.base}/api/v1/spaces/${s.spaceId}/calendar.ics?token=${feedToken.token}`, {});
  const view = () => timedFetch(`${opts.base}/pages/${s.pageId}`, { headers: { cookie } });
  try {
    let feedBytes = 0;
    for (let i = 0; i < 3; i++) {
      const f = await feed();
      const v = await view();
      if (f.status !== 200) throw new BenchError(`The feed answered ${f.status}.`);
      if (v.status !== 200) throw new BenchError(`GET /pages/:id answered ${v.status} to the section's secretary.`);
      feedBytes = f.bytes;
    }
    const ids: Record<'feed' | 'changed' | 'view', string[]> = { feed: [], changed: [], view: [] };
    const organiser = loadViewer(s.userId);
    for (let i = 0; i < opts.requests; i++) {
      // Interleaved, in alternating order: background noise falls on all three.
      for (const which of i % 2 ? (['view', 'changed', 'feed'] as const) : (['feed', 'changed', 'view'] as const)) {
        // One event moves to another room just before: the feed's text is written again.
        if (which === 'changed') updateEvent(organiser, s.pageId, { place: `Salle ${i % 17}, ${i} rue de la République` });
        const r = await (which === 'view' ? view() : feed());
        if (r.status !== 200) throw new BenchError(`${which} answered ${r.status} during the run.`);
        ids[which].push(r.id);
      }
      if ((i + 1) % 10 === 0) progress(`  ${i + 1}/${opts.requests}`);
    }
    await new Promise((r) => setTimeout(r, 500)); // the server's log stream flushes
    const times = serverTimes(opts.timingLog);
    const of = (list: string[]) => list.map((id) => times.get(id)).filter((x): x is number => x !== undefined);
    const f = summarizeMs(of(ids.feed));
    const c = summarizeMs(of(ids.changed));
    const v = summarizeMs(of(ids.view));
    if (f.n === 0 || c.n === 0 || v.n === 0) throw new BenchError(`No server times in ${opts.timingLog}: start the server with COOPOL_TIMING_LOG=${opts.timingLog}.`);
    const ratio = (a: number | null, b: number | null) => (a == null || b == null || b === 0 ? null : round(a / b, 2));
    const r50 = ratio(f.p50, v.p50);
    const r95 = ratio(f.p95, v.p95);
    const c50 = ratio(c.p50, v.p50);
    const c95 = ratio(c.p95, v.p95);
    const within = (...rs: (number | null)[]) => rs.every((r) => r !== null && r <= RATIO_TARGET);
    return {
      bench: 'calendar-feed',
      url: opts.base,
      commit: headCommit(),
      events: opts.events,
      created_now: s.created,
      setup_s: setupSeconds,
      feed_bytes: feedBytes,
      requests: opts.requests,
      feed: { p50_ms: f.p50, p95_ms: f.p95, n: f.n },
      feed_changed: { p50_ms: c.p50, p95_ms: c.p95, n: c.n },
      page_view: { p50_ms: v.p50, p95_ms: v.p95, n: v.n },
      ratio_p50: r50,
      ratio_p95: r95,
      changed_ratio_p50: c50,
      changed_ratio_p95: c95,
      target: RATIO_TARGET,
      loadavg: os.loadavg().map((l) => round(l, 2)),
      pass: within(r50, r95, c50, c95),
    };
  } finally {
    db().delete(sessions).where(eq(sessions.sessionToken, session.token)).run();
    revokeCalendarToken(loadViewer(s.userId), feedToken.id);
  }
});
