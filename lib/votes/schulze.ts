/**
 * The Schulze method (Markus Schulze, 1997; the method LiquidFeedback, Debian and the Pirate
 * parties use): a ranked vote's winner and ranking from its ballots. No npm package of it is
 * kept up; this one follows the method's definition step by step.
 *
 * 1. `d[a][b]`: how many voters prefer a to b.
 * 2. `p[a][b]`: the strength of the strongest path from a to b (a path's strength is its
 *    weakest link; a link a→b exists when d[a][b] > d[b][a]), by Floyd–Warshall.
 * 3. a is ranked above b when p[a][b] > p[b][a]. This relation is transitive (Schulze's proof),
 *    so the ranking is read tier by tier: the candidates no remaining candidate beats, then the
 *    next, and so on. Candidates in one tier are tied.
 *
 * A ballot ranks candidates best first; an inner array is a tie (`['a', ['b', 'c'], 'd']`).
 * Candidates a ballot leaves out share its last place, below every candidate it ranks.
 */

/** A ballot: candidate ids best first, ties as nested arrays. */
export type RankedBallot = readonly (string | readonly string[])[];

export type SchulzeResult = {
  candidates: readonly string[];
  /** d[i][j]: voters preferring candidates[i] to candidates[j]. */
  pairwise: number[][];
  /** p[i][j]: strength of the strongest path from candidates[i] to candidates[j]. */
  strongest: number[][];
  /** Tiers, best first; candidates in one tier are tied (listed in the candidates' order). */
  ranking: string[][];
};

/** Where each candidate stands on a ballot (lower is better); left out → after every ranked one. */
function positions(ballot: RankedBallot, index: ReadonlyMap<string, number>, n: number): number[] {
  const pos = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  ballot.forEach((entry, rank) => {
    for (const id of typeof entry === 'string' ? [entry] : entry) {
      const i = index.get(id);
      if (i === undefined) throw new Error(`Unknown candidate in a ballot: ${id}`);
      pos[i] = Math.min(pos[i]!, rank);
    }
  });
  return pos;
}

/** Schulze's pairwise counts, strongest paths and ranking with ties. `weights[k]`: how many voters cast `ballots[k]` (default 1). */
export function schulze(candidates: readonly string[], ballots: readonly RankedBallot[], weights?: readonly number[]): SchulzeResult {
  const n = candidates.length;
  const index = new Map(candidates.map((c, i) => [c, i] as const));
  if (index.size !== n) throw new Error('Candidates must be distinct.');
  const d = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  ballots.forEach((ballot, k) => {
    const w = weights?.[k] ?? 1;
    const pos = positions(ballot, index, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && pos[i]! < pos[j]!) d[i]![j]! += w;
  });

  const p = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i !== j && d[i]![j]! > d[j]![i]! ? d[i]![j]! : 0)));
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const through = Math.min(p[i]![k]!, p[k]![j]!);
        if (through > p[i]![j]!) p[i]![j] = through;
      }
    }

  const ranking: string[][] = [];
  let remaining = candidates.map((_, i) => i);
  while (remaining.length > 0) {
    const tier = remaining.filter((i) => !remaining.some((j) => p[j]![i]! > p[i]![j]!));
    // Transitivity guarantees a tier; the guard keeps a malformed input from looping forever.
    const taken = tier.length > 0 ? tier : remaining;
    ranking.push(taken.map((i) => candidates[i]!));
    remaining = remaining.filter((i) => !taken.includes(i));
  }
  return { candidates, pairwise: d, strongest: p, ranking };
}

/**
 * One order from a ranking with ties: inside a tier, candidates go in the order of `priority`
 * (the tie-break the caller announces), then in the ranking's own order.
 */
export function breakTies(ranking: readonly (readonly string[])[], priority: readonly string[]): string[] {
  const at = (c: string) => {
    const i = priority.indexOf(c);
    return i === -1 ? Number.POSITIVE_INFINITY : i;
  };
  return ranking.flatMap((tier) => [...tier].sort((a, b) => at(a) - at(b)));
}
