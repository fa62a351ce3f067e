/** Document storage settings from the environment (benchmarks and tests lower them). */

/** Compact a page's update log once it holds this many rows (COLLAB_COMPACT_EVERY). */
export function compactEveryDefault(): number {
  const v = Number(process.env.COLLAB_COMPACT_EVERY);
  return Number.isFinite(v) && v > 0 ? v : 2000;
}
