import { describe, expect, it } from 'vitest';
import { breakTies, schulze, type RankedBallot } from './schulze';

/** `count` voters casting `order` (one letter per candidate, best first). */
const profile = (rows: [count: number, order: string][]) => ({
  ballots: rows.map(([, order]) => [...order] as RankedBallot),
  weights: rows.map(([count]) => count),
});

describe('schulze', () => {
  it('ranks the 45-voter example of the method’s description E > A > C > B > D, with its matrices', () => {
    const { ballots, weights } = profile([
      [5, 'ACBED'],
      [5, 'ADECB'],
      [8, 'BEDAC'],
      [3, 'CABED'],
      [7, 'CAEBD'],
      [2, 'CBADE'],
      [7, 'DCEBA'],
      [8, 'EBADC'],
    ]);
    const r = schulze(['A', 'B', 'C', 'D', 'E'], ballots, weights);
    expect(r.pairwise).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(r.strongest).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(r.ranking).toEqual([['E'], ['A'], ['C'], ['B'], ['D']]);
  });

  it('gives the same result for the same ballots cast one by one', () => {
    const rows: [number, string][] = [
      [5, 'ACBED'],
      [5, 'ADECB'],
      [8, 'BEDAC'],
      [3, 'CABED'],
      [7, 'CAEBD'],
      [2, 'CBADE'],
      [7, 'DCEBA'],
      [8, 'EBADC'],
    ];
    const ballots = rows.flatMap(([count, order]) => Array.from({ length: count }, () => [...order]));
    expect(schulze(['A', 'B', 'C', 'D', 'E'], ballots).ranking).toEqual([['E'], ['A'], ['C'], ['B'], ['D']]);
  });

  it('finds the Condorcet winner when there is one, despite a cycle below it', () => {
    // W beats everyone; X > Y > Z > X is a cycle of equal strength.
    const r = schulze(['X', 'Y', 'Z', 'W'], [
      ['W', 'X', 'Y', 'Z'],
      ['W', 'Y', 'Z', 'X'],
      ['W', 'Z', 'X', 'Y'],
    ]);
    expect(r.ranking).toEqual([['W'], ['X', 'Y', 'Z']]);
  });

  it('ties two candidates preferred by as many voters each, and breakTies orders them as told', () => {
    const r = schulze(['a', 'b', 'c'], [
      ['a', 'b', 'c'],
      ['b', 'a', 'c'],
    ]);
    expect(r.ranking).toEqual([['a', 'b'], ['c']]);
    expect(breakTies(r.ranking, ['b', 'a', 'c'])).toEqual(['b', 'a', 'c']);
    expect(breakTies(r.ranking, ['c', 'a'])).toEqual(['a', 'b', 'c']);
  });

  it('reads ties inside a ballot and puts left-out candidates last', () => {
    const r = schulze(['a', 'b', 'c'], [[['a', 'b']], [['a', 'b']], ['c']]);
    // Two voters put a and b (tied) above c; one puts c above both.
    expect(r.pairwise).toEqual([
      [0, 0, 2],
      [0, 0, 2],
      [1, 1, 0],
    ]);
    expect(r.ranking).toEqual([['a', 'b'], ['c']]);
  });

  it('ties everyone when nobody voted, and refuses an unknown candidate', () => {
    expect(schulze(['a', 'b'], []).ranking).toEqual([['a', 'b']]);
    expect(() => schulze(['a', 'b'], [['a', 'z']])).toThrow(/Unknown candidate/);
  });
});
