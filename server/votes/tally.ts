/**
 * A closed poll's result from its ballots, written once into `polls.result` (JSON) and read by
 * the page. Pure: the counting rules are here, nowhere else.
 *
 * - Quorum: reached when ballots (abstentions included) ≥ quorumPercent % of the voters' list.
 *   Below it the text is rejected, whatever the counts (`reason: 'quorum'`).
 * - Simple majority: more for than against. Two-thirds: for ≥ 2 × against, and at least one for.
 *   Abstentions count for the quorum only. A tie (for = against) rejects (`reason: 'tie'`).
 * - Ranked (rival wordings of a passage): the Schulze ranking of the options; a tie at the top
 *   goes to the current wording if it is among the tied, else to the option listed first — the
 *   text stays as it is unless a wording beats it — and the result says a tie was broken.
 */
import { breakTies, schulze } from '@/lib/votes/schulze';
import type { Majority } from '@/lib/domain/enums';
import type { BallotChoiceValue, PollOption } from './ballot-choice';

/** A ranked poll's choice: an amendment, or (amendmentId null) the passage's current wording. */
export type { PollOption } from './ballot-choice';

export type PollOutcome = 'adopted' | 'rejected';
/** Why it was rejected: too few ballots, as many against as for, not enough for, the current wording won. */
export type RejectionReason = 'quorum' | 'tie' | 'majority' | 'current_wording';

type ResultBase = {
  /** People on the voters' list (the space's members when it opened). */
  voters: number;
  ballots: number;
  /** ballots / voters, in percent, one decimal. */
  turnoutPercent: number;
  quorumPercent: number;
  quorumReached: boolean;
  outcome: PollOutcome;
  reason: RejectionReason | null;
};

export type YesNoResult = ResultBase & { kind: 'yesno'; majority: Majority; counts: { for: number; against: number; abstain: number } };

export type RankedResult = ResultBase & {
  kind: 'ranked';
  abstain: number;
  /** The option ids in their Schulze tiers, best first (ties share a tier). */
  ranking: string[][];
  /** The winning option (the tie broken as `tieBreak` says); null below the quorum. */
  winner: string | null;
  /** Set when the top tier held several options: how the winner was chosen among them. */
  tieBreak: 'current_wording_then_listed_order' | null;
  /** Pairwise preferences, d[i][j] over `optionIds`, so that anyone can check the count. */
  optionIds: string[];
  pairwise: number[][];
};

export type PollResult = YesNoResult | RankedResult;

const turnout = (ballots: number, voters: number) => (voters === 0 ? 0 : Math.round((1000 * ballots) / voters) / 10);
const quorumReached = (ballots: number, voters: number, quorumPercent: number) => ballots * 100 >= quorumPercent * voters;

export function tallyYesNo(choices: readonly BallotChoiceValue[], voters: number, quorumPercent: number, majority: Majority): YesNoResult {
  const counts = { for: 0, against: 0, abstain: 0 };
  for (const c of choices) if (typeof c === 'string') counts[c]++;
  const ballots = choices.length;
  const quorum = quorumReached(ballots, voters, quorumPercent);
  const passes = majority === 'two_thirds' ? counts.for > 0 && counts.for >= 2 * counts.against : counts.for > counts.against;
  const reason: RejectionReason | null = !quorum ? 'quorum' : passes ? null : counts.for === counts.against ? 'tie' : 'majority';
  return {
    kind: 'yesno',
    voters,
    ballots,
    turnoutPercent: turnout(ballots, voters),
    quorumPercent,
    quorumReached: quorum,
    majority,
    counts,
    outcome: reason ? 'rejected' : 'adopted',
    reason,
  };
}

export function tallyRanked(choices: readonly BallotChoiceValue[], voters: number, quorumPercent: number, options: readonly PollOption[]): RankedResult {
  const optionIds = options.map((o) => o.id);
  const rankings = choices.filter((c): c is Exclude<BallotChoiceValue, string> => typeof c !== 'string');
  const { ranking, pairwise } = schulze(optionIds, rankings);
  const current = options.find((o) => o.amendmentId === null)?.id;
  const ordered = breakTies(ranking, current ? [current, ...optionIds] : optionIds);
  const ballots = choices.length;
  const quorum = quorumReached(ballots, voters, quorumPercent);
  const winner = quorum ? (ordered[0] ?? null) : null;
  const reason: RejectionReason | null = !quorum ? 'quorum' : winner === null || winner === current ? 'current_wording' : null;
  return {
    kind: 'ranked',
    voters,
    ballots,
    turnoutPercent: turnout(ballots, voters),
    quorumPercent,
    quorumReached: quorum,
    abstain: ballots - rankings.length,
    ranking,
    winner,
    tieBreak: (ranking[0]?.length ?? 0) > 1 ? 'current_wording_then_listed_order' : null,
    optionIds,
    pairwise,
    outcome: reason ? 'rejected' : 'adopted',
    reason,
  };
}
