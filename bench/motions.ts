/**
 * Issue 11's figures, against a RUNNING server on loopback and its database (same DATA_DIR), as
 * bench/http.ts:
 *   DATA_DIR=<the server's> node --import tsx bench/motions.ts --timing-log FILE [--url http://127.0.0.1:3000]
 *     [--requests 30] [--clients 50] [--writers 3] [--accepts 20] [--cps 10]
 * The server is started with COOPOL_TIMING_LOG=FILE and the collaboration limits raised
 * (BENCH_COLLAB_LIMITS: every client of this bench comes from 127.0.0.1). The database should
 * be a throwaway scale database (`npm run cli -- seed:scale`, ≥ 400 sections of ≥ 5 members):
 * the bench ADDS two motions and a draft page to it (titles starting « [bench] »), which stay.
 *
 * 1. Render: a motion (60 paragraphs) filed, signed by 2,000 members from 400 sections, opened
 *    for amendments, with 300 amendments (rivals on some passages) and a few supports — all through
 *    the domain functions — and a second motion with the same text at the same stage with neither.
 *    GET /pages/:id for a party member, the two interleaved, sequential; server times from the
 *    timing log; median and p95 of each and their ratio (target ≤ 2 at both).
 * 2. Accept under load: `--clients` real y-websocket clients on the motion (read-only: a motion in
 *    amendments is edited by nobody) and `--clients` on a draft page of its own, `--writers` of
 *    them typing `--cps` characters a second. `--accepts` amendments (disjoint passages) are
 *    accepted one after the other through POST /api/v1/amendments/:id/accept (the motion's author's
 *    bearer token): the time from the request sent to the changed text at each motion client;
 *    beside it each keystroke's time to each other client of the draft page. Target: accept
 *    delivery p99 ≤ 2 × keystroke p99, every accept and keystroke delivered everywhere.
 * Prints one JSON line; progress on stderr.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { and, asc, eq, sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { db } from '@/db/client';
import { memberships, sessions, spaces, users } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { env } from '@/server/env';
import { createPage } from '@/server/pages/page-service';
import { changeStage } from '@/server/motions/motion-service';
import { signMotion } from '@/server/motions/signatures';
import { proposeAmendment, supportAmendment } from '@/server/amendments/amendment-service';
import { MESSAGE_AMENDMENTS_CHANGED } from '@/lib/collab/messages';
import { createApiToken, revokeApiToken } from '@/server/users/api-tokens';
import { BenchError } from './lib/harness';
import { progress, runBench } from './lib/main';
import { BENCH_COLLAB_LIMITS } from './lib/servers';
import { round, summarizeMs } from './lib/stats';

const PARAGRAPHS = 60;
const SENTENCES = 4;
const AMENDMENTS = 300;
const SIGNATURES = 2_000;
const SIGNING_SECTIONS = 400;
const RATIO_TARGET = 2;
const DELIVERY_TIMEOUT_MS = 15_000;

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      'timing-log': { type: 'string' },
      requests: { type: 'string', default: '30' },
      clients: { type: 'string', default: '50' },
      writers: { type: 'string', default: '3' },
      accepts: { type: 'string', default: '20' },
      cps: { type: 'string', default: '10' },
    },
  });
  const base = new URL(values.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) throw new BenchError('The bench only drives a server on loopback.');
  if (!values['timing-log']) throw new BenchError('--timing-log FILE is required: start the server with COOPOL_TIMING_LOG=FILE and pass the same FILE.');
  if (!process.env.DATA_DIR) throw new BenchError('Set DATA_DIR to the running server\'s DATA_DIR (a throwaway scale database: the bench adds motions to it).');
  const int = (v: string, name: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new BenchError(`--${name} takes a whole number from ${min} to ${max}.`);
    return n;
  };
  const clients = int(values.clients, 'clients', 2, 500);
  return {
    base: base.origin,
    ws: `${base.protocol === 'https:' ? 'wss' : 'ws'}://${base.host}/collab`,
    timingLog: values['timing-log'],
    requests: int(values.requests, 'requests', 1, 1000),
    clients,
    writers: int(values.writers, 'writers', 1, clients - 1),
    accepts: int(values.accepts, 'accepts', 1, PARAGRAPHS),
    cps: int(values.cps, 'cps', 1, 50),
  };
}

// ——— The motion's text: 60 paragraphs of 4 sentences, each sentence opened by a unique « Point p.s : ».
const SUBJECTS = ['La section', 'Notre fédération', 'Le conseil municipal', 'Les habitants du quartier', 'Le groupe de travail', 'La commission logement', 'Le congrès', 'Chaque adhérent'];
const VERBS = ['propose', 'demande', 'défend', 'soutient', 'réclame', 'porte', 'examine', 'prépare'];
const OBJECTS = [
  'la rénovation des écoles', 'un plan de transport en commun', 'la gratuité des cantines', 'le plafonnement des loyers', 'un centre de santé public',
  'la création de logements sociaux', 'une régie publique de la distribution', 'des pistes cyclables sécurisées', 'un budget participatif', 'la rénovation thermique des logements',
];
// No apostrophes: the quotes must read exactly as the text stored from the Markdown.
const ENDINGS = ['avant la fin du mandat.', 'dans chaque quartier.', 'avec les associations locales.', 'pour les familles modestes.', 'en lien avec les syndicats.', 'dès la rentrée prochaine.'];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
/** The quoted part of sentence s of paragraph p (all but its ending): unique in the text. */
const head = (p: number, s: number) => `Point ${p + 1}.${s + 1} : ${pick(SUBJECTS, p + s)} ${pick(VERBS, p * 3 + s)} ${pick(OBJECTS, p * 7 + s * 3)}`;
const sentence = (p: number, s: number) => `${head(p, s)} ${pick(ENDINGS, p + s * 5)}`;
function motionMarkdown(): string {
  const paras: string[] = [];
  for (let p = 0; p < PARAGRAPHS; p++) paras.push(Array.from({ length: SENTENCES }, (_, s) => sentence(p, s)).join(' '));
  return paras.join('\n\n');
}
/** The replacement accepted in the accept phase: a marker found in the clients' text. */
const acceptMarker = (p: number) => `amendé-${p + 1}-accepté`;

type Actor = { userId: string; sectionId: string };

/** Party members (site role member) grouped by section: 400 sections of 5 signatories. */
function signatories(): { signers: Actor[]; sections: number } {
  const perSection = Math.ceil(SIGNATURES / SIGNING_SECTIONS);
  const rows = db()
    .select({ sectionId: memberships.spaceId, n: sql<number>`count(*)` })
    .from(memberships)
    .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(spaces.kind, 'section'), eq(users.siteRole, 'member')))
    .groupBy(memberships.spaceId)
    .having(sql`count(*) >= ${perSection}`)
    .orderBy(asc(memberships.spaceId))
    .limit(SIGNING_SECTIONS)
    .all();
  if (rows.length < SIGNING_SECTIONS) {
    throw new BenchError(
      `This database has ${rows.length} sections of at least ${perSection} members; the bench needs ${SIGNING_SECTIONS}. ` +
        'Fill a throwaway one: DATA_DIR=/tmp/scale-motions npm run cli -- seed:scale --federations 20 --sections 450 --members 6000 --groups 40 --pages 3000 --pool 200',
    );
  }
  const signers: Actor[] = [];
  for (const r of rows) {
    const ids = db()
      .select({ id: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.spaceId, r.sectionId), eq(users.siteRole, 'member')))
      .orderBy(asc(users.id))
      .limit(perSection)
      .all();
    for (const u of ids) signers.push({ userId: u.id, sectionId: r.sectionId });
  }
  return { signers: signers.slice(0, SIGNATURES), sections: rows.length };
}

type Setup = { full: string; bare: string; draft: string; section: string; decider: string; reader: Actor; writer: Actor; acceptIds: string[]; amendments: number; signatures: number; sections: number; supports: number };

/** Both motions and the draft page, through the domain functions. */
function setUp(acceptCount: number): Setup {
  const admin = db().select({ id: users.id }).from(users).where(eq(users.siteRole, 'admin')).orderBy(asc(users.createdAt)).get();
  if (!admin) throw new BenchError('No site admin in this database (the scale seed starts from the demo, which has one): seed it first.');
  const decider = loadViewer(admin.id);
  const { signers, sections } = signatories();
  const home = signers[0]!.sectionId;
  const reader = signers[0]!;
  const writer = signers[1]!;
  const stamp = new Date().toISOString().slice(0, 16);
  const markdown = motionMarkdown();
  const now = () => new Date();
  const deadline = new Date(Date.now() + 7 * 86_400_000);
  const motion = (title: string) => {
    const page = createPage(decider, { spaceId: home, title, kind: 'motion', visibility: 'members', markdown });
    changeStage(decider, page.id, { stage: 'filed' });
    return page.id;
  };
  progress('creating the two motions (same text, 60 paragraphs) and filing them');
  const full = motion(`[bench] Motion amendée ${stamp}`);
  const bare = motion(`[bench] Motion sans amendements ${stamp}`);
  progress(`${SIGNATURES} signatures from ${SIGNING_SECTIONS} sections`);
  for (const [i, s] of signers.entries()) {
    signMotion(loadViewer(s.userId), full, now());
    if ((i + 1) % 500 === 0) progress(`  ${i + 1} signed`);
  }
  changeStage(decider, full, { stage: 'amendments', deadline });
  changeStage(decider, bare, { stage: 'amendments', deadline });
  progress(`${AMENDMENTS} amendments`);
  // Per paragraph, five: sentence 2 replaced (the ones accepted later: disjoint passages), sentence 1
  // replaced three times (rivals, one on part of it), sentence 3 deleted.
  const acceptIds: string[] = [];
  let supports = 0;
  for (let i = 0; i < AMENDMENTS; i++) {
    const p = i % PARAGRAPHS;
    const kind = Math.floor(i / PARAGRAPHS) % 5;
    const author = loadViewer(signers[(i * 7) % signers.length]!.userId);
    const input =
      kind === 0
        ? { quote: head(p, 1), op: 'replace' as const, replacement: `${head(p, 1).split(' : ')[0]} : ${acceptMarker(p)}`, justification: 'Plus précis.' }
        : kind === 1
          ? { quote: head(p, 0), op: 'replace' as const, replacement: `${head(p, 0)} et des moyens pour la mettre en œuvre`, justification: 'Les moyens manquent.' }
          : kind === 2
            ? { quote: head(p, 0), op: 'replace' as const, replacement: `${head(p, 0)} après consultation des adhérents`, justification: 'Consulter d\'abord.' }
            : kind === 3
              ? { quote: head(p, 0).split(' ').slice(0, 6).join(' '), op: 'replace' as const, replacement: `Point ${p + 1}.1 : le congrès`, justification: 'Le congrès décide.' }
              : { quote: sentence(p, 2), op: 'delete' as const, replacement: '', justification: 'Redondant.' };
    const a = proposeAmendment(author, full, input);
    if (kind === 0 && p < acceptCount) acceptIds.push(a.id);
    if (i % 10 === 0) {
      for (let k = 1; k <= 3; k++) {
        supportAmendment(loadViewer(signers[(i * 13 + k * 101) % signers.length]!.userId), a.id);
        supports++;
      }
    }
    if ((i + 1) % 100 === 0) progress(`  ${i + 1} proposed`);
  }
  const draft = createPage(loadViewer(writer.userId), { spaceId: writer.sectionId, title: `[bench] Brouillon à plusieurs ${stamp}`, markdown: 'Texte en cours.' }).id;
  return { full, bare, draft, section: home, decider: admin.id, reader, writer, acceptIds, amendments: AMENDMENTS, signatures: signers.length, sections, supports };
}

type Credentials = { userId: string; sessionToken: string; cookie: string; tokenId: string; bearer: string };
function credentials(userId: string): Credentials {
  const session = createSession(userId, 3600);
  const token = createApiToken(userId, 'bench/motions');
  return { userId, sessionToken: session.token, cookie: `${sessionCookieName()}=${session.token}`, tokenId: token.id, bearer: token.token };
}
function revoke(c: Credentials): void {
  db().delete(sessions).where(eq(sessions.sessionToken, c.sessionToken)).run();
  revokeApiToken(c.userId, c.tokenId);
}

let nextId = 0;
const benchId = () => `m${process.pid}-${++nextId}`;

async function timedFetch(url: string, init: RequestInit): Promise<{ id: string; status: number; ms: number; body: string }> {
  const id = benchId();
  const t = performance.now();
  const res = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-bench-id': id }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  const body = await res.text();
  return { id, status: res.status, ms: performance.now() - t, body };
}

function serverTimes(file: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [id, ms] = line.split(' ');
    if (id && ms) times.set(id, Number(ms));
  }
  return times;
}

async function measureRender(opts: ReturnType<typeof options>, s: Setup, reader: Credentials) {
  const get = (pageId: string) => timedFetch(`${opts.base}/pages/${pageId}`, { headers: { cookie: reader.cookie } });
  for (let i = 0; i < 3; i++) for (const id of [s.full, s.bare]) {
    const r = await get(id);
    if (r.status !== 200) throw new BenchError(`GET /pages/${id} answers ${r.status} to a party member.`);
  }
  const ids: Record<'full' | 'bare', string[]> = { full: [], bare: [] };
  for (let i = 0; i < opts.requests; i++) {
    // Interleaved, in alternating order: background noise falls on both.
    for (const which of i % 2 ? (['bare', 'full'] as const) : (['full', 'bare'] as const)) {
      const r = await get(which === 'full' ? s.full : s.bare);
      if (r.status !== 200) throw new BenchError(`GET /pages/:id answered ${r.status} during the run.`);
      ids[which].push(r.id);
    }
    if ((i + 1) % 10 === 0) progress(`  render ${i + 1}/${opts.requests}`);
  }
  await new Promise((r) => setTimeout(r, 500)); // the server's log stream flushes
  const times = serverTimes(opts.timingLog);
  const of = (list: string[]) => list.map((id) => times.get(id)).filter((x): x is number => x !== undefined);
  const full = of(ids.full);
  const bare = of(ids.bare);
  if (full.length === 0 || bare.length === 0) throw new BenchError(`No server times in ${opts.timingLog}: start the server with COOPOL_TIMING_LOG=${opts.timingLog}.`);
  const f = summarizeMs(full);
  const b = summarizeMs(bare);
  const ratio = (a: number | null, c: number | null) => (a == null || c == null || c === 0 ? null : round(a / c, 2));
  const r50 = ratio(f.p50, b.p50);
  const r95 = ratio(f.p95, b.p95);
  return {
    requests: opts.requests,
    with: { p50_ms: f.p50, p95_ms: f.p95, n: f.n },
    without: { p50_ms: b.p50, p95_ms: b.p95, n: b.n },
    ratio_p50: r50,
    ratio_p95: r95,
    target: RATIO_TARGET,
    pass: r50 !== null && r95 !== null && r50 <= RATIO_TARGET && r95 <= RATIO_TARGET,
  };
}

type Client = { doc: Y.Doc; provider: WebsocketProvider; closed: number | null };

function connect(ws: string, pageId: string, token: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(ws, pageId, doc, { params: { token }, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, maxBackoffTime: 60_000 });
  // Coopol's notice that the amendments changed (after each accept): nothing to do here, and not an unknown message to log.
  provider.messageHandlers[MESSAGE_AMENDMENTS_CHANGED] = () => {};
  const c: Client = { doc, provider, closed: null };
  provider.on('connection-close', (e) => {
    if (e && c.closed === null) c.closed = e.code;
  });
  return c;
}

async function allSynced(clients: Client[], what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const refused = clients.find((c) => c.closed !== null && !c.provider.synced);
    if (refused) {
      const limits = Object.entries(BENCH_COLLAB_LIMITS).map(([k, v]) => `${k}=${v}`).join(' ');
      throw new BenchError(`A websocket client of the ${what} was closed (code ${refused.closed}). Start the server with the raised limits: ${limits}.`);
    }
    if (clients.every((c) => c.provider.synced)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new BenchError(`The ${what}'s ${clients.length} websocket clients did not all sync within 60 s.`);
}

const bodyText = (doc: Y.Doc) => doc.getXmlFragment('default').toString();

async function measureAccept(opts: ReturnType<typeof options>, s: Setup, readerToken: string, writerToken: string, decider: Credentials) {
  progress(`connecting ${opts.clients} clients to the motion and ${opts.clients} to the draft page`);
  process.setMaxListeners(2 * opts.clients + 10); // each y-websocket provider listens for the process's exit
  const motionClients = Array.from({ length: opts.clients }, () => connect(opts.ws, s.full, readerToken));
  const draftClients = Array.from({ length: opts.clients }, () => connect(opts.ws, s.draft, writerToken));
  try {
    await allSynced(motionClients, 'motion');
    await allSynced(draftClients, 'draft page');
    if (!bodyText(motionClients[0]!.doc).includes('Point 1.1')) throw new BenchError('The motion clients synced an empty text: is the server on the same DATA_DIR?');

    // Keystrokes: each writer appends one character to the draft's first paragraph every 1/cps s.
    const sentAt = new Map<string, number>();
    const keystrokeMs: number[] = [];
    const writers = draftClients.slice(0, opts.writers);
    const writerIds = new Set(writers.map((c) => c.doc.clientID));
    for (const c of draftClients) {
      c.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== c.provider) return;
        const at = performance.now();
        for (const st of Y.decodeUpdate(update).structs) {
          if (!(st instanceof Y.Item) || !writerIds.has(st.id.client) || st.deleted) continue;
          for (let k = 0; k < st.length; k++) {
            const t = sentAt.get(`${st.id.client}:${st.id.clock + k}`);
            if (t !== undefined) keystrokeMs.push(at - t);
          }
        }
      });
    }
    let typed = 0;
    let typing = true;
    const typists = writers.map(async (c, w) => {
      await new Promise((r) => setTimeout(r, (w * 1000) / opts.cps / opts.writers));
      const para = c.doc.getXmlFragment('default').get(0);
      const text = para instanceof Y.XmlElement ? para.get(0) : null;
      if (!(text instanceof Y.XmlText)) throw new BenchError('The draft page has no paragraph to type into.');
      while (typing) {
        const clock = Y.getState(c.doc.store, c.doc.clientID);
        sentAt.set(`${c.doc.clientID}:${clock}`, performance.now());
        text.insert(text.length, 'abcdefghij'[typed % 10]!);
        typed++;
        await new Promise((r) => setTimeout(r, 1000 / opts.cps));
      }
    });

    // Accepts, one after the other, while they type.
    await new Promise((r) => setTimeout(r, 2000));
    const acceptMs: number[] = [];
    const httpMs: number[] = [];
    const serverIds: string[] = [];
    let delivered = 0;
    let failures = 0;
    let pending: { marker: string; t0: number; arrived: Set<number> } | null = null;
    for (const [i, c] of motionClients.entries()) {
      c.doc.on('update', () => {
        if (!pending || pending.arrived.has(i) || !bodyText(c.doc).includes(pending.marker)) return;
        pending.arrived.add(i);
        acceptMs.push(performance.now() - pending.t0);
      });
    }
    // The first accept warms the route (its module is loaded on first use) and is not counted:
    // the keystrokes it is compared with are measured warm too.
    const warm = s.acceptIds.length > opts.accepts ? s.acceptIds.length - opts.accepts : 0;
    for (const [k, id] of s.acceptIds.entries()) {
      if (k < warm) {
        const r = await timedFetch(`${opts.base}/api/v1/amendments/${id}/accept`, {
          method: 'POST',
          headers: { authorization: `Bearer ${decider.bearer}`, 'content-type': 'application/json', accept: 'application/json' },
          body: '{}',
        });
        progress(`  warm-up accept: HTTP ${r.status} in ${Math.round(r.ms)} ms (not counted)`);
        await new Promise((res) => setTimeout(res, 500));
        continue;
      }
      pending = { marker: acceptMarker(k), t0: performance.now(), arrived: new Set() };
      const r = await timedFetch(`${opts.base}/api/v1/amendments/${id}/accept`, {
        method: 'POST',
        headers: { authorization: `Bearer ${decider.bearer}`, 'content-type': 'application/json', accept: 'application/json' },
        body: '{}',
      });
      httpMs.push(r.ms);
      serverIds.push(r.id);
      if (r.status !== 200) {
        failures++;
        progress(`  accept ${k + 1}: ${r.status} ${r.body.slice(0, 200)}`);
        pending = null;
        continue;
      }
      const until = Date.now() + DELIVERY_TIMEOUT_MS;
      while (pending.arrived.size < motionClients.length && Date.now() < until) await new Promise((res) => setTimeout(res, 20));
      delivered += pending.arrived.size;
      progress(`  accept ${k + 1}/${s.acceptIds.length}: HTTP ${Math.round(r.ms)} ms, at ${pending.arrived.size}/${motionClients.length} clients`);
      pending = null;
      await new Promise((res) => setTimeout(res, 500));
    }
    typing = false;
    await Promise.all(typists);
    await new Promise((r) => setTimeout(r, 2000)); // the last keystrokes arrive
    const converged = draftClients.every((c) => bodyText(c.doc) === bodyText(draftClients[0]!.doc));

    await new Promise((r) => setTimeout(r, 300));
    const times = serverTimes(opts.timingLog);
    const acceptServer = summarizeMs(serverIds.map((id) => times.get(id)).filter((x): x is number => x !== undefined));
    const accept = summarizeMs(acceptMs);
    const keystroke = summarizeMs(keystrokeMs);
    const expectedAccepts = (s.acceptIds.length - warm) * motionClients.length;
    const expectedKeys = typed * (draftClients.length - 1);
    const ratio = accept.p99 != null && keystroke.p99 ? round(accept.p99 / keystroke.p99, 2) : null;
    return {
      clients: opts.clients,
      writers: opts.writers,
      cps: opts.cps,
      accepts: s.acceptIds.length - warm,
      warm_up_accepts: warm,
      accept_failures: failures,
      delivery_ms: accept,
      delivery_ratio: round(delivered / expectedAccepts, 4),
      http_ms: summarizeMs(httpMs),
      server_ms: acceptServer,
      keystroke_ms: keystroke,
      keystrokes: typed,
      keystroke_delivery_ratio: round(keystrokeMs.length / Math.max(1, expectedKeys), 4),
      draft_converged: converged,
      ratio_p99: ratio,
      target: RATIO_TARGET,
      pass: failures === 0 && delivered === expectedAccepts && keystrokeMs.length === expectedKeys && converged && ratio !== null && ratio <= RATIO_TARGET,
    };
  } finally {
    for (const c of [...motionClients, ...draftClients]) c.provider.destroy();
  }
}

/** The checkout's commit (the running server's build may differ: say which one it was built from). */
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
    const probe = await fetch(`${opts.base}/`, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    await probe.arrayBuffer();
  } catch {
    throw new BenchError(`No server at ${opts.base}: start it (NODE_ENV=production, COOPOL_TIMING_LOG=${opts.timingLog}, the same DATA_DIR, the raised collaboration limits) and pass --url.`);
  }
  if (!fs.existsSync(opts.timingLog)) throw new BenchError(`${opts.timingLog} does not exist: start the server with COOPOL_TIMING_LOG=${opts.timingLog}.`);
  const t0 = Date.now();
  const s = setUp(Math.min(opts.accepts + 1, PARAGRAPHS)); // one more: the warm-up accept
  const setupSeconds = Math.round((Date.now() - t0) / 1000);
  progress(`set up in ${setupSeconds} s: ${s.signatures} signatures, ${s.amendments} amendments, ${s.supports} supports`);
  const creds = [credentials(s.reader.userId), credentials(s.writer.userId), credentials(s.decider)];
  const [reader, writer, decider] = creds as [Credentials, Credentials, Credentials];
  try {
    progress(`render: ${opts.requests} requests of each page, interleaved`);
    const render = await measureRender(opts, s, reader);
    progress(`  with ${render.with.p50_ms}/${render.with.p95_ms} ms, without ${render.without.p50_ms}/${render.without.p95_ms} ms (server p50/p95)`);
    const accept = await measureAccept(opts, s, reader.bearer, writer.bearer, decider);
    return {
      bench: 'motions',
      url: opts.base,
      commit: headCommit(),
      motion: { paragraphs: PARAGRAPHS, signatures: s.signatures, signing_sections: SIGNING_SECTIONS, amendments: s.amendments, supports: s.supports, setup_s: setupSeconds, page_ids: { with: s.full, without: s.bare, draft: s.draft } },
      loadavg: os.loadavg().map((l) => round(l, 2)),
      render,
      accept,
      pass: render.pass && accept.pass,
    };
  } finally {
    for (const c of creds) revoke(c);
  }
});
