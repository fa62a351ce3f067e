import { describe, expect, it } from 'vitest';
import { collector } from './idle-memory';

describe('idle memory', () => {
  it('gets a full collector from V8 at run time, which gives back what is no longer referenced', () => {
    const gc = collector();
    expect(typeof gc).toBe('function');
    let garbage: number[][] | null = Array.from({ length: 200 }, () => Array.from({ length: 20_000 }, (_, i) => i));
    const held = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(200);
    garbage = null;
    gc!();
    expect(process.memoryUsage().heapUsed).toBeLessThan(held - 10 * 1024 * 1024);
  });
});
