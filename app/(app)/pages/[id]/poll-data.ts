/**
 * A poll as the vote screens show it, from the domain's PollView (server/votes/polls): the
 * motion's vote panel's data (for / against / abstention), and for the amendments' ballots the
 * same with a ranked vote's options and Schulze count.
 */
import type { AmendmentPollData, RankedPollResult } from '@/components/amendments/types';
import type { PollData } from '@/components/motions/types';
import type { PollView } from '@/server/votes/polls';

export function toPollData(p: PollView): PollData {
  const r = p.result && p.result.kind === 'yesno' ? p.result : null;
  return {
    id: p.id,
    status: p.phase,
    closesAt: p.closesAt,
    quorumPercent: p.quorumPercent,
    majority: p.majority,
    voters: p.votersCount,
    voted: p.ballotsCount,
    mayVote: p.isVoter,
    hasVoted: p.youVoted,
    result: r
      ? {
          for: r.counts.for,
          against: r.counts.against,
          abstain: r.counts.abstain,
          voters: r.voters,
          voted: r.ballots,
          quorumReached: r.quorumReached,
          outcome: r.outcome,
          reason: r.outcome === 'adopted' ? 'adopted' : r.reason === 'quorum' || r.reason === 'tie' ? r.reason : 'majority',
        }
      : null,
  };
}

function rankedResult(p: PollView): RankedPollResult | null {
  const r = p.result && p.result.kind === 'ranked' ? p.result : null;
  if (!r) return null;
  return {
    ranking: r.ranking,
    winner: r.winner,
    tieBroken: r.tieBreak !== null,
    abstain: r.abstain,
    voters: r.voters,
    voted: r.ballots,
    quorumReached: r.quorumReached,
    outcome: r.outcome,
    reason: r.reason === 'quorum' ? 'quorum' : r.outcome === 'adopted' ? 'adopted' : 'current_wording',
  };
}

export function toAmendmentPollData(p: PollView): AmendmentPollData {
  return {
    ...toPollData(p),
    subject: p.subject === 'passage' ? 'passage' : 'amendment',
    opensAt: p.opensAt,
    options: p.options,
    canVote: p.canVote,
    ranked: rankedResult(p),
  };
}
