import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';

// One process serves Coopol, so in-memory counters are exact; a Redis limiter slots in here later.
const g = globalThis as unknown as { __coopolLimiters?: Map<string, RateLimiterMemory> };

function limiter(name: string, points: number, durationS: number): RateLimiterMemory {
  g.__coopolLimiters ??= new Map();
  let l = g.__coopolLimiters.get(name);
  if (!l) {
    l = new RateLimiterMemory({ points, duration: durationS, keyPrefix: name });
    g.__coopolLimiters.set(name, l);
  }
  return l;
}

/** Consumes one point for `key`, or throws `rate_limited`. */
export async function limit(name: string, key: string, points: number, durationS: number): Promise<void> {
  try {
    await limiter(name, points, durationS).consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw new AppError('rate_limited');
    throw e;
  }
}
