/**
 * Issue 12's invitation figure, against a RUNNING server on loopback and its database (same
 * DATA_DIR), as bench/motions.ts:
 *   DATA_DIR=<the server's> node --import tsx bench/event-invitations.ts [--url http://127.0.0.1:3000]
 *     [--invitations 5000] [--rate 3000] [--seconds 15] [--concurrency 2] [--smtp-port 2526]
 * The server is started with SMTP_URL=smtp://127.0.0.1:<smtp-port> (this bench listens there and
 * counts what arrives) and MAIL_RATE_PER_MINUTE=<rate> (the bench is told the same, to compare).
 * The database needs a section with a secretary and another member (the demo's, or a scale one);
 * the bench ADDS an event « [bench] … » and its guests, which stay.
 *
 * 1. Before: for `--seconds`, `--concurrency` loops GET two pages for a member of the section
 *    (the event's page and the section's page), back to back; client-side latency.
 * 2. The secretary invites `--invitations` addresses (inviteGuests, in this process, as the API
 *    does): one transaction, the mails queued in the outbox's bulk queue.
 * 3. During: the same page views for `--seconds` while the server's worker sends the mails at its
 *    rate; the mails the SMTP sink receives in that window give the measured rate.
 * Target: page-view p95 during ≤ 1.5 × before (same run), and the mails never faster than the
 * configured rate (+15 %); `rate_reached` says how much of it the sender reached (on a loaded
 * machine the sender, one mail at a time, may stay below it). Invitations still queued at the end
 * are dropped (not sent once the bench is gone). Start the server with a pooled SMTP transport
 * (`SMTP_URL=smtp://127.0.0.1:2526/?pool=true`): a new SMTP connection per mail costs more than the mail.
 * Prints one JSON line; progress on stderr.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { db } from '@/db/client';
import { jobs, memberships, sessions, spaces } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { createEvent } from '@/server/events/event-service';
import { inviteGuests } from '@/server/events/guests';
import { BULK_MAIL_QUEUE } from '@/server/mail/outbox';
import { BenchError } from './lib/harness';
import { progress, runBench } from './lib/main';
import { round, summarizeMs } from './lib/stats';

const RATIO_TARGET = 1.5;
const RATE_TOLERANCE = 0.15;

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      invitations: { type: 'string', default: '5000' },
      rate: { type: 'string', default: process.env.MAIL_RATE_PER_MINUTE ?? '3000' },
      seconds: { type: 'string', default: '15' },
      concurrency: { type: 'string', default: '2' },
      'smtp-port': { type: 'string', default: '2526' },
    },
  });
  const base = new URL(values.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) throw new BenchError('The bench only drives a server on loopback.');
  if (!process.env.DATA_DIR) throw new BenchError("Set DATA_DIR to the running server's DATA_DIR (the bench adds an event and its guests to it).");
  const int = (v: string, name: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new BenchError(`--${name} takes a whole number from ${min} to ${max}.`);
    return n;
  };
  return {
    base: base.origin,
    invitations: int(values.invitations, 'invitations', 1, 10_000),
    rate: int(values.rate, 'rate', 1, 100_000),
    seconds: int(values.seconds, 'seconds', 3, 600),
    concurrency: int(values.concurrency, 'concurrency', 1, 20),
    smtpPort: int(values['smtp-port'], 'smtp-port', 1, 65535),
  };
}

/** An SMTP sink that counts what it receives, with the time of each mail. */
async function smtpSink(port: number): Promise<{ received: number[]; close: () => Promise<void> }> {
  const received: number[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 10_000_000,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(Date.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', (e: NodeJS.ErrnoException) => reject(new BenchError(`Cannot listen on 127.0.0.1:${port} for SMTP (${e.code}): choose another --smtp-port.`)));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { received, close: () => new Promise((r) => server.close(() => r())) };
}

function setup(invitations: number) {
  const row = db()
    .select({ spaceId: memberships.spaceId, userId: memberships.userId })
    .from(memberships)
    .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
    .where(and(eq(memberships.role, 'secretary'), eq(spaces.kind, 'section')))
    .limit(1)
    .get();
  if (!row) throw new BenchError('No section with a secretary in this database: seed the demo or a scale database first.');
  const reader = db()
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.spaceId, row.spaceId), eq(memberships.role, 'member')))
    .limit(1)
    .get();
  if (!reader) throw new BenchError('The section has no other member to view pages.');
  const stamp = Date.now().toString(36);
  const starts = new Date(Date.now() + 3 * 86_400_000);
  const { pageId } = createEvent(loadViewer(row.userId), row.spaceId, {
    title: `[bench] Réunion d'information ${stamp}`,
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
    place: 'Salle des fêtes',
    visibility: 'space',
  });
  const emails = Array.from({ length: invitations }, (_, i) => `bench-${stamp}-${i}@exemple.invalid`);
  const session = createSession(reader.userId, 3600);
  return { organiser: row.userId, sectionId: row.spaceId, pageId, emails, stamp, session: session.token, cookie: `${sessionCookieName()}=${session.token}` };
}

/** Page views for `seconds`, `concurrency` loops at once; latencies in ms. */
async function pageViews(base: string, paths: string[], cookie: string, seconds: number, concurrency: number): Promise<number[]> {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < until; i++) {
      const t = performance.now();
      const res = await fetch(`${base}${paths[i % paths.length]}`, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      if (res.status !== 200) throw new BenchError(`GET ${paths[i % paths.length]} answered ${res.status}.`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
  return times;
}

runBench(async () => {
  const opts = options();
  const sink = await smtpSink(opts.smtpPort);
  const s = setup(opts.invitations);
  const paths = [`/pages/${s.pageId}`, `/espaces/${s.sectionId}`];
  const load0 = os.loadavg()[0];
  try {
    progress('warming up');
    await pageViews(opts.base, paths, s.cookie, 3, 1);
    if (sink.received.length > 0) progress(`note: ${sink.received.length} mails arrived before the invitations (other work of the server)`);
    progress(`before: ${opts.seconds} s of page views`);
    const before = await pageViews(opts.base, paths, s.cookie, opts.seconds, opts.concurrency);

    progress(`inviting ${opts.invitations} addresses`);
    const t0 = performance.now();
    const invited = inviteGuests(loadViewer(s.organiser), s.pageId, { emails: s.emails });
    const inviteMs = performance.now() - t0;
    if (invited.mailed !== opts.invitations) throw new BenchError(`Only ${invited.mailed} invitations were queued.`);

    progress(`during: ${opts.seconds} s of page views while the mails leave`);
    const windowStart = Date.now();
    const during = await pageViews(opts.base, paths, s.cookie, opts.seconds, opts.concurrency);
    const windowMs = Date.now() - windowStart;
    // The first mail starts the clock: the worker polls once a second.
    const inWindow = sink.received.filter((t) => t >= windowStart && t <= windowStart + windowMs);
    const span = inWindow.length > 1 ? (inWindow.at(-1)! - inWindow[0]!) / 60_000 : null;
    const measuredRate = span ? (inWindow.length - 1) / span : null;

    const dropped = db()
      .delete(jobs)
      .where(and(eq(jobs.queue, BULK_MAIL_QUEUE), eq(jobs.status, 'pending'), sql`json_extract(${jobs.payload}, '$.to') like ${`bench-${s.stamp}-%`}`))
      .run().changes;

    const b = summarizeMs(before);
    const d = summarizeMs(during);
    const ratioP95 = b.p95 && d.p95 ? d.p95 / b.p95 : null;
    const ratioP50 = b.p50 && d.p50 ? d.p50 / b.p50 : null;
    const rateOk = measuredRate !== null && measuredRate <= (1 + RATE_TOLERANCE) * opts.rate;
    return {
      bench: 'event-invitations',
      invitations: opts.invitations,
      invite_ms: round(inviteMs),
      rate_configured_per_min: opts.rate,
      rate_measured_per_min: round(measuredRate),
      rate_reached: measuredRate === null ? null : round(measuredRate / opts.rate, 2),
      mails_in_window: inWindow.length,
      window_s: round(windowMs / 1000),
      left_unsent_and_dropped: dropped,
      page_before: b,
      page_during: d,
      ratio_p50: round(ratioP50, 2),
      ratio_p95: round(ratioP95, 2),
      target: { ratio_p95: RATIO_TARGET, rate_at_most: round((1 + RATE_TOLERANCE) * opts.rate) },
      pass: ratioP95 !== null && ratioP95 <= RATIO_TARGET && rateOk,
      loadavg: [round(load0, 2), round(os.loadavg()[0], 2)],
      cpus: os.cpus().length,
    };
  } finally {
    db().delete(sessions).where(eq(sessions.sessionToken, s.session)).run();
    await sink.close();
  }
});
