/**
 * The HTTP bench's floor for the JSON API (`bench/http.ts`): the cheapest route handler, through
 * the same wrapper as every API route (the viewer from the bearer token) and nothing else. The
 * bench reports the API read's server time as a ratio to this one's. It exists only in a server
 * started with COOPOL_BENCH_FLOOR=1; anywhere else it answers `not_found`.
 */
import { AppError } from '@/lib/errors';
import { apiRoute } from '@/server/http/api';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(() => {
  if (process.env.COOPOL_BENCH_FLOOR !== '1') throw new AppError('not_found');
  return { status: 'ok' };
});
