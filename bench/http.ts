/**
 * HTTP latency under load, against a RUNNING server on loopback:
 *   DATA_DIR=<the server's> npm run bench -- [--url http://127.0.0.1:3000] [--concurrency 20]
 *     [--seconds 20] [--think-ms 1000] [--endpoints home,section,page,api_page] [--timing-log FILE]
 * Signs in `concurrency` party members by opening sessions and API tokens directly in the
 * server's database (same DATA_DIR), then each virtual member cycles through the home page, its
 * section, a page it may read and the same page through the JSON API, pausing between two
 * requests for a random think time (exponential, mean `--think-ms`; people read what they
 * open). `--think-ms 0` makes every member fire its next request at once: the saturation
 * throughput of the one Node process, where latency is mostly queueing. With `--timing-log`
 * (the server started with COOPOL_TIMING_LOG set to the same file), every request also gets the
 * server's own time, which the figure is about.
 * Every member also requests Next's own floor in the same rotation: a trivial dynamic page
 * (app/bench-floor) and a trivial JSON route (app/api/bench-floor), which exist only in a server
 * started with COOPOL_BENCH_FLOOR=1. Pages are reported as ratios to the page floor, the API read
 * to the API floor, p50 to p50 and p95 to p95, and `pass` is judged on those ratios
 * (RATIO_TARGETS). Prints one JSON line.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { memberships, sessions, spaces, users } from '@/db/schema';
import { DEMO_PERSONAS } from '@/seeds/personas';
import { loadViewer } from '@/server/auth/load-viewer';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { env } from '@/server/env';
import { listPages } from '@/server/pages/page-service';
import { createApiToken, revokeApiToken } from '@/server/users/api-tokens';

const ENDPOINTS = ['home', 'section', 'page', 'api_page'] as const;
/** Not options of --endpoints: every run measures them, since the figures are ratios to them. */
const FLOORS = ['floor_page', 'floor_api'] as const;
type Measured = (typeof ENDPOINTS)[number];
type Floor = (typeof FLOORS)[number];
type Endpoint = Measured | Floor;
/** A page is measured against the cheapest page, a route handler against the cheapest route handler. */
const FLOOR_OF: Record<Measured, Floor> = { home: 'floor_page', section: 'floor_page', page: 'floor_page', api_page: 'floor_api' };
/**
 * Issue 10's figures: server time at most this many times the floor's (at p50 and at p95).
 * The home page has none: it is reported beside the others, not judged.
 */
const RATIO_TARGETS: Partial<Record<Measured, number>> = { section: 2, page: 2, api_page: 1.5 };
/** A hard ceiling on requests, whatever --seconds says. */
const MAX_REQUESTS = 2_000_000;
const REQUEST_TIMEOUT_MS = 30_000;

type Member = { userId: string; sectionId: string; pageId: string; cookie: string; bearer: string; tokenId: string; sessionToken: string };

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      concurrency: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '1' },
      'think-ms': { type: 'string', default: '1000' },
      endpoints: { type: 'string', default: ENDPOINTS.join(',') },
      'timing-log': { type: 'string' },
    },
  });
  const base = new URL(values.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) throw new Error('The bench only drives a server on loopback.');
  const int = (v: string, name: string, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`--${name} takes a whole number up to ${max}.`);
    return n;
  };
  const endpoints = values.endpoints.split(',').map((e) => e.trim());
  const unknown = endpoints.filter((e) => !(ENDPOINTS as readonly string[]).includes(e));
  if (unknown.length || endpoints.length === 0) throw new Error(`--endpoints takes some of ${ENDPOINTS.join(', ')}.`);
  return {
    base: base.origin,
    measured: endpoints as Measured[],
    endpoints: [...(endpoints as Endpoint[]), ...FLOORS],
    timingLog: values['timing-log'] ?? null,
    thinkMs: int(values['think-ms'], 'think-ms', 60_000),
    concurrency: Math.max(1, int(values.concurrency, 'concurrency', 500)),
    seconds: Math.max(1, int(values.seconds, 'seconds', 3600)),
    warmup: int(values.warmup, 'warmup', 100),
  };
}

/** Party members with a section and a page they may read, personas first. */
function signInMembers(count: number): Member[] {
  const personaEmails = DEMO_PERSONAS.map((p) => p.email);
  const personas = db()
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.email, personaEmails), eq(users.siteRole, 'member')))
    .all();
  const others = db()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.siteRole, 'member'))
    .orderBy(asc(users.createdAt))
    .limit(count * 5)
    .all();
  const candidates = [...new Set([...personas, ...others].map((u) => u.id))];
  const cookieName = sessionCookieName();
  const members: Member[] = [];
  for (const userId of candidates) {
    if (members.length >= count) break;
    const section = db()
      .select({ id: spaces.id })
      .from(memberships)
      .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
      .where(and(eq(memberships.userId, userId), eq(spaces.kind, 'section')))
      .get();
    if (!section) continue;
    const viewer = loadViewer(userId);
    const page = listPages(viewer, { spaceId: section.id, limit: 1 }).data[0] ?? listPages(viewer, { limit: 1 }).data[0];
    if (!page) continue;
    const session = createSession(userId, 3600);
    const token = createApiToken(userId, 'bench/http');
    members.push({
      userId,
      sectionId: section.id,
      pageId: page.id,
      cookie: `${cookieName}=${session.token}`,
      bearer: token.token,
      tokenId: token.id,
      sessionToken: session.token,
    });
  }
  if (members.length === 0) throw new Error('No party member with a section and a readable page: seed the database first (npm run cli -- seed:demo).');
  return members;
}

function signOut(members: Member[]): void {
  for (const m of members) {
    db().delete(sessions).where(eq(sessions.sessionToken, m.sessionToken)).run();
    revokeApiToken(m.userId, m.tokenId);
  }
}

function request(base: string, m: Member, endpoint: Endpoint): { url: string; headers: Record<string, string> } {
  switch (endpoint) {
    case 'home':
      return { url: `${base}/`, headers: { cookie: m.cookie } };
    case 'section':
      return { url: `${base}/espaces/${m.sectionId}`, headers: { cookie: m.cookie } };
    case 'page':
      return { url: `${base}/pages/${m.pageId}`, headers: { cookie: m.cookie } };
    case 'api_page':
      return { url: `${base}/api/v1/pages/${m.pageId}`, headers: { authorization: `Bearer ${m.bearer}`, accept: 'application/json' } };
    // Signed in like the others: the root layout reads the session for the language, the API
    // wrapper the viewer from the token.
    case 'floor_page':
      return { url: `${base}/bench-floor`, headers: { cookie: m.cookie } };
    case 'floor_api':
      return { url: `${base}/api/bench-floor`, headers: { authorization: `Bearer ${m.bearer}`, accept: 'application/json' } };
  }
}

type Sample = { id: string; ms: number; status: number };
type Row = {
  p50_ms: number | null;
  p95_ms: number | null;
  n: number;
  errors: number;
  statuses: Record<string, number>;
  server_p50_ms?: number | null;
  server_p95_ms?: number | null;
  server_n?: number;
};

let nextId = 0;
async function hit(base: string, m: Member, endpoint: Endpoint): Promise<Sample> {
  const { url, headers } = request(base, m, endpoint);
  const id = `b${process.pid}-${++nextId}`;
  const t = performance.now();
  try {
    const res = await fetch(url, { headers: { ...headers, 'x-bench-id': id }, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await res.arrayBuffer();
    return { id, ms: performance.now() - t, status: res.status };
  } catch {
    return { id, ms: performance.now() - t, status: 0 };
  }
}

/** The server's own time for each request id, from its timing log (see server/http/timing-log.ts). */
function readServerTimes(file: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [id, ms] = line.split(' ');
    if (id && ms) times.set(id, Number(ms));
  }
  return times;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 10) / 10;
}

async function main(): Promise<void> {
  const opts = options();
  env();
  const members = signInMembers(opts.concurrency);
  const samples = new Map<Endpoint, Sample[]>(opts.endpoints.map((e) => [e, []]));
  let elapsed = 0;
  let issued = 0;
  try {
    for (const f of FLOORS) {
      const probe = await hit(opts.base, members[0]!, f);
      if (probe.status !== 200) throw new Error(`${request(opts.base, members[0]!, f).url} answers ${probe.status}: start the server with COOPOL_BENCH_FLOOR=1.`);
    }
    // Warm-up rounds (route compilation in dev, caches), not measured.
    for (let r = 0; r < opts.warmup; r++) for (const e of opts.endpoints) await hit(opts.base, members[0]!, e);
    if (opts.timingLog) fs.writeFileSync(opts.timingLog, '');

    const started = Date.now();
    const deadline = started + opts.seconds * 1000;
    // Exponential think time: members do not march in step.
    const think = () => (opts.thinkMs ? new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * opts.thinkMs)) : null);
    await Promise.all(
      Array.from({ length: opts.concurrency }, async (_, w) => {
        const m = members[w % members.length]!;
        if (opts.thinkMs) await new Promise((r) => setTimeout(r, Math.random() * opts.thinkMs));
        for (let k = w; Date.now() < deadline && issued < MAX_REQUESTS; k++) {
          issued++;
          const e = opts.endpoints[k % opts.endpoints.length]!;
          samples.get(e)!.push(await hit(opts.base, m, e));
          await think();
        }
      }),
    );
    elapsed = (Date.now() - started) / 1000;
  } finally {
    signOut(members);
  }

  let server: Map<string, number> | null = null;
  if (opts.timingLog) {
    await new Promise((r) => setTimeout(r, 300)); // the server's log stream flushes
    server = readServerTimes(opts.timingLog);
    if (server.size === 0) throw new Error(`No server times in ${opts.timingLog}: start the server with COOPOL_TIMING_LOG=${opts.timingLog}.`);
  }
  const summary = (e: Endpoint) => {
    const list = samples.get(e)!;
    const okSamples = list.filter((s) => s.status >= 200 && s.status < 300);
    const ok = okSamples.map((s) => s.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const s of list) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
    const row: Row = { p50_ms: percentile(ok, 50), p95_ms: percentile(ok, 95), n: list.length, errors: list.length - ok.length, statuses };
    if (server) {
      const times = okSamples.map((s) => server.get(s.id)).filter((ms): ms is number => ms !== undefined).sort((a, b) => a - b);
      Object.assign(row, { server_p50_ms: percentile(times, 50), server_p95_ms: percentile(times, 95), server_n: times.length });
    }
    return row;
  };
  const results = Object.fromEntries(opts.measured.map((e) => [e, summary(e)])) as Partial<Record<Measured, Row>>;
  const floors = { floor_page: summary('floor_page'), floor_api: summary('floor_api') };
  // The figure is server time; without a timing log, the client's times (which also
  // hold the bench's own share of the CPU) are all there is.
  const at = (r: Row, p: 50 | 95) => (server ? r[`server_p${p}_ms`] : r[`p${p}_ms`]) ?? null;
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100);
  const ratios = Object.fromEntries(
    opts.measured.map((e) => {
      const floor = floors[FLOOR_OF[e]];
      const p50 = ratio(at(results[e]!, 50), at(floor, 50));
      const p95 = ratio(at(results[e]!, 95), at(floor, 95));
      const target = RATIO_TARGETS[e] ?? null;
      const pass = target === null ? null : results[e]!.errors === 0 && p50 !== null && p95 !== null && p50 <= target && p95 <= target;
      return [e, { of: FLOOR_OF[e] === 'floor_page' ? 'page' : 'api', p50, p95, target, pass }];
    }),
  );
  process.stdout.write(
    `${JSON.stringify({
      bench: 'http',
      url: opts.base,
      concurrency: opts.concurrency,
      think_ms: opts.thinkMs,
      seconds: opts.seconds,
      members: members.length,
      requests_per_s: Math.round((issued / Math.max(elapsed, 0.001)) * 10) / 10,
      loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
      results,
      floor: { page: floors.floor_page, api: floors.floor_api },
      ratios,
      judged_on: server ? 'server' : 'client',
      pass: [...Object.values(floors), ...Object.values(results)].every((r) => r.errors === 0) && Object.values(ratios).every((r) => r.pass !== false),
    })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
