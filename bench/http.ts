/**
 * HTTP latency under load, against a RUNNING server on loopback:
 *   DATA_DIR=<the server's> npm run bench -- [--url http://127.0.0.1:3000] [--concurrency 20] [--seconds 20]
 * Signs in `concurrency` party members by opening sessions and API tokens directly in the
 * server's database (same DATA_DIR), then each virtual member cycles through the home page, its
 * section, a page it may read and the same page through the JSON API. Prints one JSON line.
 */
import { parseArgs } from 'node:util';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { memberships, sessions, spaces, users } from '@/db/schema';
import { DEMO_PERSONAS } from '@/db/seed/personas';
import { loadViewer } from '@/server/auth/load-viewer';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { env } from '@/server/env';
import { listPages } from '@/server/pages/page-service';
import { createApiToken, revokeApiToken } from '@/server/users/api-tokens';

const ENDPOINTS = ['home', 'section', 'page', 'api_page'] as const;
type Endpoint = (typeof ENDPOINTS)[number];
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
    },
  });
  const base = new URL(values.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) throw new Error('The bench only drives a server on loopback.');
  const int = (v: string, name: string, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`--${name} takes a whole number up to ${max}.`);
    return n;
  };
  return {
    base: base.origin,
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
  }
}

type Sample = { ms: number; status: number };

async function hit(base: string, m: Member, endpoint: Endpoint): Promise<Sample> {
  const { url, headers } = request(base, m, endpoint);
  const t = performance.now();
  try {
    const res = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await res.arrayBuffer();
    return { ms: performance.now() - t, status: res.status };
  } catch {
    return { ms: performance.now() - t, status: 0 };
  }
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
  const samples = new Map<Endpoint, Sample[]>(ENDPOINTS.map((e) => [e, []]));
  try {
    // Warm-up rounds (route compilation in dev, caches), not measured.
    for (let r = 0; r < opts.warmup; r++) for (const e of ENDPOINTS) await hit(opts.base, members[0]!, e);

    const deadline = Date.now() + opts.seconds * 1000;
    let issued = 0;
    await Promise.all(
      Array.from({ length: opts.concurrency }, async (_, w) => {
        const m = members[w % members.length]!;
        for (let k = w; Date.now() < deadline && issued < MAX_REQUESTS; k++) {
          issued++;
          const e = ENDPOINTS[k % ENDPOINTS.length]!;
          samples.get(e)!.push(await hit(opts.base, m, e));
        }
      }),
    );
  } finally {
    signOut(members);
  }

  const results = Object.fromEntries(
    ENDPOINTS.map((e) => {
      const list = samples.get(e)!;
      const ok = list.filter((s) => s.status >= 200 && s.status < 300).map((s) => s.ms).sort((a, b) => a - b);
      const statuses: Record<string, number> = {};
      for (const s of list) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
      return [e, { p50_ms: percentile(ok, 50), p95_ms: percentile(ok, 95), n: list.length, errors: list.length - ok.length, statuses }];
    }),
  );
  process.stdout.write(
    `${JSON.stringify({ bench: 'http', url: opts.base, concurrency: opts.concurrency, seconds: opts.seconds, members: members.length, results })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
