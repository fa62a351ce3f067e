/**
 * The bulk mail rate (MAIL_RATE_PER_MINUTE): a queue worked at a rate never holds back the other
 * queues, and sends no faster than its rate, spread over the minute.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { jobs } from '@/db/schema';
import { drain, enqueue, rateGate } from './queue';
import { bulkMailRate } from './worker';

describe('rate gates', () => {
  afterEach(() => {
    delete process.env.MAIL_RATE_PER_MINUTE;
  });

  it('works a gated queue at its rate while the other queues run at once', async () => {
    const ran: string[] = [];
    const handlers = { slow: (p: unknown) => void ran.push(`slow${(p as { n: number }).n}`), fast: (p: unknown) => void ran.push(`fast${(p as { n: number }).n}`) };
    const t0 = Date.now() + 1000;
    for (let n = 1; n <= 5; n++) enqueue(db(), 'slow', { n }, { runAt: new Date(t0 - 1000) });
    enqueue(db(), 'fast', { n: 1 }, { runAt: new Date(t0) });
    // 120 a minute: two a second, a burst of two at most.
    const gates = { slow: rateGate(120) };
    expect(await drain(handlers, () => new Date(t0), undefined, gates)).toBe(3);
    expect(ran).toEqual(['slow1', 'slow2', 'fast1']);
    expect(await drain(handlers, () => new Date(t0 + 100), undefined, gates)).toBe(0);
    enqueue(db(), 'fast', { n: 2 }, { runAt: new Date(t0) });
    expect(await drain(handlers, () => new Date(t0 + 200), undefined, gates)).toBe(1);
    expect(await drain(handlers, () => new Date(t0 + 500), undefined, gates)).toBe(1);
    expect(await drain(handlers, () => new Date(t0 + 1000), undefined, gates)).toBe(1);
    expect(await drain(handlers, () => new Date(t0 + 60_000), undefined, gates)).toBe(1);
    expect(ran).toEqual(['slow1', 'slow2', 'fast1', 'fast2', 'slow3', 'slow4', 'slow5']);
    expect(db().select().from(jobs).where(eq(jobs.queue, 'slow')).all().every((j) => j.status === 'done')).toBe(true);
  });

  it('no limit at 0; the worker reads MAIL_RATE_PER_MINUTE (600 by default)', () => {
    const open = rateGate(0);
    for (let i = 0; i < 1000; i++) open.take(new Date(0));
    expect(open.open(new Date(0))).toBe(true);
    expect(bulkMailRate()).toBe(600);
    process.env.MAIL_RATE_PER_MINUTE = '1200';
    expect(bulkMailRate()).toBe(1200);
    const g = rateGate(bulkMailRate());
    let sent = 0;
    // Over one simulated minute, polled every 100 ms: 1,200 and no more (plus the first burst).
    for (let t = 0; t < 60_000; t += 100) {
      while (g.open(new Date(t))) {
        g.take(new Date(t));
        sent++;
      }
    }
    expect(sent).toBeGreaterThanOrEqual(1190);
    expect(sent).toBeLessThanOrEqual(1220);
  });
});
