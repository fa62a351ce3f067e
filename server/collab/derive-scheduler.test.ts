/** The derive scheduler alone: after a pause, at least every maxWait while edits go on, with everyone who edited. */
import { describe, expect, it } from 'vitest';
import { until } from '@/test/collab-harness';
import { DeriveScheduler } from './derive-scheduler';

describe('DeriveScheduler', () => {
  it('derives once after edits pause, with every editor since the last run', async () => {
    const runs: string[][] = [];
    const s = new DeriveScheduler({ deriveDebounceMs: 30, deriveMaxWaitMs: 10_000 }, (e) => runs.push(e));
    s.markDirty('a');
    s.markDirty('b');
    s.markDirty('a');
    expect(runs).toEqual([]);
    await until(() => runs.length === 1, 'derived');
    expect(runs).toEqual([['a', 'b']]);
    expect(s.flush()).toBe(false); // nothing pending
  });

  it('derives within maxWait even while edits keep coming', async () => {
    const runs: string[][] = [];
    const s = new DeriveScheduler({ deriveDebounceMs: 40, deriveMaxWaitMs: 60 }, (e) => runs.push(e));
    const started = Date.now();
    while (runs.length === 0 && Date.now() - started < 1000) {
      s.markDirty('a');
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(runs.length).toBe(1);
    expect(Date.now() - started).toBeLessThan(500);
    s.cancel();
  });
});
