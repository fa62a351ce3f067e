import { describe, expect, it } from 'vitest';
import type { BallotChoice } from '@/lib/domain/enums';
import { tallyRanked, tallyYesNo, type PollOption } from './tally';

const ballots = (n: { for?: number; against?: number; abstain?: number }): BallotChoice[] => [
  ...Array<BallotChoice>(n.for ?? 0).fill('for'),
  ...Array<BallotChoice>(n.against ?? 0).fill('against'),
  ...Array<BallotChoice>(n.abstain ?? 0).fill('abstain'),
];

describe('tallyYesNo', () => {
  it('adopts with more for than against (simple majority); abstentions do not count against', () => {
    const r = tallyYesNo(ballots({ for: 3, against: 2, abstain: 5 }), 20, 0, 'simple');
    expect(r).toMatchObject({ kind: 'yesno', voters: 20, ballots: 10, turnoutPercent: 50, quorumReached: true, counts: { for: 3, against: 2, abstain: 5 }, outcome: 'adopted', reason: null });
  });

  it('rejects a tie, and a vote where nobody voted for', () => {
    expect(tallyYesNo(ballots({ for: 4, against: 4 }), 10, 0, 'simple')).toMatchObject({ outcome: 'rejected', reason: 'tie' });
    expect(tallyYesNo(ballots({ abstain: 3 }), 10, 0, 'simple')).toMatchObject({ outcome: 'rejected', reason: 'tie' });
    expect(tallyYesNo(ballots({ for: 2, against: 3 }), 10, 0, 'simple')).toMatchObject({ outcome: 'rejected', reason: 'majority' });
  });

  it('counts the quorum on ballots cast, abstentions included, against the voters’ list', () => {
    // 3 of 10 = 30 %: reached at 30, not at 31.
    expect(tallyYesNo(ballots({ for: 1, abstain: 2 }), 10, 30, 'simple')).toMatchObject({ quorumReached: true, outcome: 'adopted' });
    expect(tallyYesNo(ballots({ for: 1, abstain: 2 }), 10, 31, 'simple')).toMatchObject({ quorumReached: false, outcome: 'rejected', reason: 'quorum' });
    // Unanimous but too few: still rejected, and the reason says why.
    expect(tallyYesNo(ballots({ for: 2 }), 10, 25, 'simple')).toMatchObject({ outcome: 'rejected', reason: 'quorum', counts: { for: 2, against: 0, abstain: 0 } });
  });

  it('asks two-thirds: for ≥ 2 × against, and at least one for', () => {
    expect(tallyYesNo(ballots({ for: 6, against: 3 }), 9, 0, 'two_thirds')).toMatchObject({ outcome: 'adopted' });
    expect(tallyYesNo(ballots({ for: 5, against: 3 }), 9, 0, 'two_thirds')).toMatchObject({ outcome: 'rejected', reason: 'majority' });
    expect(tallyYesNo(ballots({ for: 3, against: 0, abstain: 10 }), 13, 0, 'two_thirds')).toMatchObject({ outcome: 'adopted' });
    expect(tallyYesNo(ballots({ abstain: 4 }), 4, 0, 'two_thirds')).toMatchObject({ outcome: 'rejected', reason: 'tie' });
  });

  it('says 0 % turnout for an empty voters’ list', () => {
    expect(tallyYesNo([], 0, 50, 'simple')).toMatchObject({ turnoutPercent: 0, quorumReached: true, outcome: 'rejected', reason: 'tie' });
  });
});

describe('tallyRanked', () => {
  const options: PollOption[] = [
    { id: 'current', label: 'Texte actuel', amendmentId: null },
    { id: 'am1', label: 'Amendement 1', amendmentId: 'am1' },
    { id: 'am2', label: 'Amendement 2', amendmentId: 'am2' },
  ];

  it('makes the Schulze winner win', () => {
    const r = tallyRanked([['am2', 'am1', 'current'], ['am2', 'current', 'am1'], ['am1', 'am2', 'current'], 'abstain'], 5, 0, options);
    expect(r).toMatchObject({ kind: 'ranked', ballots: 4, abstain: 1, winner: 'am2', tieBreak: null, outcome: 'adopted', reason: null });
    expect(r.ranking[0]).toEqual(['am2']);
  });

  it('breaks a tie at the top for the current wording, and says so', () => {
    const r = tallyRanked([['am1', 'current'], ['current', 'am1']], 2, 0, options);
    expect(r.ranking[0]).toEqual(['current', 'am1']);
    expect(r).toMatchObject({ winner: 'current', tieBreak: 'current_wording_then_listed_order', outcome: 'rejected', reason: 'current_wording' });
  });

  it('breaks a tie between two amendments for the one listed first', () => {
    const r = tallyRanked([['am2', 'am1', 'current'], ['am1', 'am2', 'current']], 2, 0, options);
    expect(r).toMatchObject({ winner: 'am1', tieBreak: 'current_wording_then_listed_order', outcome: 'adopted' });
  });

  it('leaves the text as it is below the quorum', () => {
    expect(tallyRanked([['am1']], 10, 50, options)).toMatchObject({ quorumReached: false, winner: null, outcome: 'rejected', reason: 'quorum' });
  });
});
