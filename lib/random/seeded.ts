/**
 * A small seeded generator (mulberry32): the same seed always gives the same sequence, so a
 * generated database or a failing property-test case can be replayed from its seed.
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** A whole number in [0, n). */
  const int = (n: number) => Math.floor(next() * n);
  /** A whole number in [lo, hi], both included. */
  const between = (lo: number, hi: number) => lo + int(hi - lo + 1);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, between, pick };
}
