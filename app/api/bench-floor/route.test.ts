import { afterEach, describe, expect, it } from 'vitest';
import { GET } from './route';

const get = () => GET(new Request('http://localhost:3999/api/bench-floor'));

describe('GET /api/bench-floor', () => {
  afterEach(() => {
    delete process.env.COOPOL_BENCH_FLOOR;
  });

  it('is not found unless the server was started with COOPOL_BENCH_FLOOR=1', async () => {
    for (const value of [undefined, '0', 'true']) {
      if (value === undefined) delete process.env.COOPOL_BENCH_FLOOR;
      else process.env.COOPOL_BENCH_FLOOR = value;
      const res = await get();
      expect(res.status, `COOPOL_BENCH_FLOOR=${value}`).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('answers ok with the flag', async () => {
    process.env.COOPOL_BENCH_FLOOR = '1';
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
