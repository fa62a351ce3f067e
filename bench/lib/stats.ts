/** Small numeric helpers for the benches' one-line reports. */

export function round(x: number | null | undefined, digits = 1): number | null {
  return x == null || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
}

/** Nearest-rank percentile (p in 0–100) of an ascending list. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)]! : null;
}

/** p50/p95/p99/max of timings in ms. */
export function summarizeMs(values: number[]): { n: number; p50: number | null; p95: number | null; p99: number | null; max: number | null } {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50), 2), p95: round(percentile(s, 95), 2), p99: round(percentile(s, 99), 2), max: round(s[s.length - 1], 2) };
}
