import { isValidElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import BenchFloor from './page';

/** What Next's notFound() throws: the route then answers the site's 404. */
const NOT_FOUND_DIGEST = 'NEXT_HTTP_ERROR_FALLBACK;404';

describe('the bench floor page', () => {
  afterEach(() => {
    delete process.env.COOPOL_BENCH_FLOOR;
  });

  it('is not found unless the server was started with COOPOL_BENCH_FLOOR=1', () => {
    for (const value of [undefined, '0', 'true']) {
      if (value === undefined) delete process.env.COOPOL_BENCH_FLOOR;
      else process.env.COOPOL_BENCH_FLOOR = value;
      expect(() => BenchFloor(), `COOPOL_BENCH_FLOOR=${value}`).toThrow(expect.objectContaining({ digest: NOT_FOUND_DIGEST }));
    }
  });

  it('renders a page with the flag', () => {
    process.env.COOPOL_BENCH_FLOOR = '1';
    expect(isValidElement(BenchFloor())).toBe(true);
  });
});
