/**
 * The job runner: one table (`jobs`), many queues. A job is claimed by moving it to `running`
 * with a lease; finished jobs are marked `done`, failures retry with backoff up to
 * `maxAttempts`. A restart picks up pending jobs and those whose lease expired, except a job
 * that died while delivering (`beginDelivery`: a mail handed to SMTP): whether it left cannot be
 * known, and it is never done twice, so it is marked failed instead of run again.
 */
import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { jobs } from '@/db/schema';

export type JobRow = typeof jobs.$inferSelect;
export type Handler = (payload: unknown, job: JobRow) => Promise<void> | void;

const LEASE_MS = 60_000;

/** Where a job is written: the transaction of the change that causes it, so both commit or neither does. */
export type JobWriter = Pick<Db, 'insert'>;

/**
 * Adds a job in `tx`, the caller's transaction: a mail or a notice exists only if its cause
 * committed. Outside any transaction, pass `db()`.
 */
export function enqueue(tx: JobWriter, queue: string, payload: unknown, opts: { runAt?: Date; dedupeKey?: string; maxAttempts?: number } = {}): void {
  tx.insert(jobs)
    .values({ queue, payload, runAt: opts.runAt ?? new Date(), dedupeKey: opts.dedupeKey, maxAttempts: opts.maxAttempts ?? 8 })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .run();
}

export const INTERRUPTED_DELIVERY = 'interrupted while delivering: not run again, so that it never happens twice';

/**
 * The handler is about to do what must never happen twice (hand a mail to SMTP). Should the
 * process die before the job completes, the job is not retried.
 */
export function beginDelivery(id: number, now = new Date()): void {
  db().update(jobs).set({ deliveringSince: now }).where(eq(jobs.id, id)).run();
}

/**
 * Atomically claims one due job of the given queues. An idle queue costs one read: the write
 * transaction (which takes the database's write lock) begins only when there is something to do.
 */
export function claimNext(queues: string[], now = new Date()): JobRow | null {
  const d = db();
  const interrupted = and(inArray(jobs.queue, queues), eq(jobs.status, 'running'), lte(jobs.lockedUntil, now), isNotNull(jobs.deliveringSince));
  const due = and(
    inArray(jobs.queue, queues),
    lte(jobs.runAt, now),
    or(eq(jobs.status, 'pending'), and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, now))),
  );
  if (!d.select({ id: jobs.id }).from(jobs).where(or(interrupted, due)).limit(1).get()) return null;
  return d.transaction((tx) => {
    // Jobs that died while delivering end here (their payload, personal data, goes too).
    tx.update(jobs)
      .set({ status: 'failed', payload: {}, lastError: INTERRUPTED_DELIVERY, finishedAt: now, lockedUntil: null })
      .where(interrupted)
      .run();
    const job = tx.select().from(jobs).where(due).orderBy(asc(jobs.runAt), asc(jobs.id)).limit(1).get();
    if (!job) return null;
    tx.update(jobs)
      .set({ status: 'running', lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, job.id))
      .run();
    return { ...job, attempts: job.attempts + 1 };
  });
}

/** A finished job keeps no payload: a sent mail holds personal data and one-time sign-in links. */
export function complete(id: number): void {
  db().update(jobs).set({ status: 'done', payload: {}, finishedAt: new Date(), lockedUntil: null, lastError: null }).where(eq(jobs.id, id)).run();
}

export function fail(job: JobRow, error: unknown, now = new Date()): void {
  const message = error instanceof Error ? error.message : String(error);
  const final = job.attempts >= job.maxAttempts;
  const backoff = Math.min(30_000 * 2 ** (job.attempts - 1), 3_600_000);
  db()
    .update(jobs)
    .set({
      status: final ? 'failed' : 'pending',
      runAt: new Date(now.getTime() + backoff),
      lockedUntil: null,
      // The delivery was refused (SMTP answered with an error): nothing left, trying again is safe.
      deliveringSince: null,
      lastError: message.slice(0, 500),
      finishedAt: final ? now : null,
    })
    .where(eq(jobs.id, job.id))
    .run();
}

/**
 * At most `perMinute` jobs a minute for a queue (a token bucket holding one second's worth, so
 * sends are spread evenly); 0 or less: no limit. A queue out of tokens is left out of the claim,
 * so the other queues keep running.
 */
export type RateGate = { open(now: Date): boolean; take(now: Date): void };

export function rateGate(perMinute: number): RateGate {
  if (!(perMinute > 0)) return { open: () => true, take: () => undefined };
  const capacity = Math.max(1, Math.ceil(perMinute / 60));
  const perMs = perMinute / 60_000;
  let tokens = capacity;
  let at: number | null = null;
  const refill = (now: Date) => {
    const t = now.getTime();
    if (at !== null) tokens = Math.min(capacity, tokens + Math.max(0, t - at) * perMs);
    at = at === null ? t : Math.max(at, t);
  };
  return {
    open(now) {
      refill(now);
      return tokens >= 1;
    },
    take(now) {
      refill(now);
      tokens -= 1;
    },
  };
}

/** Runs due jobs until none is left (or every queue with due jobs is out of its rate); returns how many ran. */
export async function drain(handlers: Record<string, Handler>, now = () => new Date(), stopped = () => false, gates: Record<string, RateGate> = {}): Promise<number> {
  const queues = Object.keys(handlers);
  let ran = 0;
  const next = () => {
    if (stopped()) return null;
    const at = now();
    const open = queues.filter((q) => gates[q]?.open(at) ?? true);
    return open.length ? claimNext(open, at) : null;
  };
  for (let job = next(); job; job = next()) {
    ran++;
    gates[job.queue]?.take(now());
    try {
      await handlers[job.queue]!(job.payload, job);
      complete(job.id);
    } catch (e) {
      fail(job, e, now());
    }
  }
  return ran;
}

/**
 * Polls the table in the server process. Returns a stop function, which resolves once the job
 * in progress (a mail being handed to SMTP) has finished: a SIGTERM does not cut a delivery.
 */
export function startWorker(handlers: Record<string, Handler>, intervalMs = 1000, gates: Record<string, RateGate> = {}): () => Promise<void> {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (current || stopped) return;
    current = drain(handlers, undefined, () => stopped, gates)
      .then(() => undefined)
      .catch((e: unknown) => console.error('[jobs] worker error', e instanceof Error ? e.message : e))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await current;
  };
}
