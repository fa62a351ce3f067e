import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { jobs, pages } from '@/db/schema';
import { deletePage } from '@/server/pages/page-service';
import { addMembership, makePage, makeTree, makeUser, setPageDates, viewerOf } from '@/test/factories';
import { claimNext, drain, enqueue, startWorker, type Handler } from './queue';
import { handlers as workerHandlers, scheduleDailyJobs } from './worker';

const jobsOf = (queue: string) => db().select().from(jobs).where(eq(jobs.queue, queue)).all();
const at = (t0: number, ms: number) => () => new Date(t0 + ms);

describe('job queue', () => {
  it('runs each due job once, in order; a second drain runs nothing', async () => {
    const seen: unknown[] = [];
    const handlers: Record<string, Handler> = { order: (p) => void seen.push(p) };
    enqueue(db(), 'order', { n: 1 });
    enqueue(db(), 'order', { n: 2 });
    enqueue(db(), 'order', { n: 3 }, { runAt: new Date(Date.now() + 60_000) }); // not due yet
    expect(await drain(handlers)).toBe(2);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await drain(handlers)).toBe(0);
    expect(await drain(handlers, () => new Date(Date.now() + 61_000))).toBe(1);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(jobsOf('order').every((j) => j.status === 'done' && j.finishedAt && j.lockedUntil === null)).toBe(true);
    // Done jobs keep no payload (sent mails hold personal data and sign-in links).
    expect(jobsOf('order').map((j) => j.payload)).toEqual([{}, {}, {}]);
  });

  it('an idle queue is polled without taking the write lock: another writer holding it does not block the poll', () => {
    const other = new Database(db().$client.name);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      // Before: BEGIN IMMEDIATE waited out the busy timeout, then threw SQLITE_BUSY.
      expect(claimNext(['idle-queue'])).toBeNull();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('a dedupe key makes enqueueing idempotent', () => {
    enqueue(db(), 'dedupe', { a: 1 }, { dedupeKey: 'k1' });
    enqueue(db(), 'dedupe', { a: 2 }, { dedupeKey: 'k1' });
    expect(jobsOf('dedupe').map((j) => j.payload)).toEqual([{ a: 1 }]);
  });

  it('only claims the queues it is given', async () => {
    enqueue(db(), 'other-queue', {});
    expect(await drain({ 'not-this-one': () => undefined })).toBe(0);
    expect(jobsOf('other-queue')[0]?.status).toBe('pending');
  });

  it('a failure is retried with exponential backoff, then gives up after maxAttempts', async () => {
    const t0 = Date.now();
    let calls = 0;
    const handlers: Record<string, Handler> = {
      flaky: () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
    };
    enqueue(db(), 'flaky', {}, { maxAttempts: 3, runAt: new Date(t0) }); // due exactly at t0, whatever the clock did since
    expect(await drain(handlers, at(t0, 0))).toBe(1);
    let [job] = jobsOf('flaky');
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom 1' });
    expect(job!.runAt.getTime()).toBe(t0 + 30_000);
    expect(await drain(handlers, at(t0, 29_000))).toBe(0); // still backing off
    expect(await drain(handlers, at(t0, 30_000))).toBe(1);
    [job] = jobsOf('flaky');
    expect(job).toMatchObject({ status: 'pending', attempts: 2, lastError: 'boom 2' });
    expect(job!.runAt.getTime()).toBe(t0 + 30_000 + 60_000);
    expect(await drain(handlers, at(t0, 90_000))).toBe(1);
    [job] = jobsOf('flaky');
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'boom 3' });
    expect(job!.finishedAt).toBeInstanceOf(Date);
    expect(await drain(handlers, at(t0, 10 * 3_600_000))).toBe(0);
    expect(calls).toBe(3);
  });

  it('a job claimed by a worker that crashed is resumed once its lease expires', async () => {
    const t0 = Date.now();
    let runs = 0;
    const handlers: Record<string, Handler> = { lease: () => void runs++ };
    enqueue(db(), 'lease', { x: 1 }, { runAt: new Date(t0) });
    const claimed = claimNext(['lease'], new Date(t0));
    expect(claimed).toMatchObject({ queue: 'lease', attempts: 1 });
    // The worker "crashes" here: never completes. Another worker must not take it during the lease...
    expect(claimNext(['lease'], new Date(t0 + 1000))).toBeNull();
    expect(await drain(handlers, at(t0, 59_000))).toBe(0);
    // ...and takes it over once the lease has expired.
    expect(await drain(handlers, at(t0, 60_001))).toBe(1);
    expect(runs).toBe(1);
    expect(jobsOf('lease')[0]).toMatchObject({ status: 'done', attempts: 2 });
    expect(await drain(handlers, at(t0, 10 * 60_000))).toBe(0);
  });
});

describe('the daily trash purge job', () => {
  it('purges pages deleted more than 30 days ago and schedules itself for the next day', async () => {
    const author = makeUser();
    const { section } = makeTree('Purge');
    addMembership(author, section);
    const old = makePage(author, section);
    const kept = makePage(author, section);
    deletePage(viewerOf(author), old.id);
    deletePage(viewerOf(author), kept.id);
    setPageDates(old.id, { deletedAt: new Date(Date.now() - 31 * 86_400_000) });

    scheduleDailyJobs();
    scheduleDailyJobs(); // deduped: one job per day
    expect(jobsOf('purge-trash').filter((j) => j.status === 'pending')).toHaveLength(1);
    expect(await drain({ 'purge-trash': workerHandlers['purge-trash']! })).toBe(1);
    expect(db().select().from(pages).where(eq(pages.id, old.id)).get()).toBeUndefined();
    expect(db().select().from(pages).where(eq(pages.id, kept.id)).get()).toBeDefined();
    const next = jobsOf('purge-trash').filter((j) => j.status === 'pending');
    expect(next).toHaveLength(1);
    expect(next[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(await drain({ 'purge-trash': workerHandlers['purge-trash']! })).toBe(0);
  });

  it('stopping the worker waits for the job in progress and claims no other', async () => {
    let release!: () => void;
    const started: number[] = [];
    const handlers: Record<string, Handler> = {
      slow: (payload) => {
        started.push((payload as { n: number }).n);
        return new Promise<void>((r) => (release = r));
      },
    };
    enqueue(db(), 'slow', { n: 1 }, { runAt: new Date(Date.now() - 1000) });
    enqueue(db(), 'slow', { n: 2 }, { runAt: new Date(Date.now() - 1000) });
    const stop = startWorker(handlers, 10_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(started).toEqual([1]);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false); // the delivery in progress is not cut
    release();
    await stopping;
    expect(started).toEqual([1]);
    expect(jobsOf('slow').map((j) => j.status)).toEqual(['done', 'pending']);
  });
});
