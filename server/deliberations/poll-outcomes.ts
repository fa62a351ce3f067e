/**
 * What a closed poll changes, applied in the closing's transaction (server/votes/polls closePoll):
 * - a motion's vote moves the motion to `adopted` or `rejected` (the note says why: `quorum`,
 *   `tie`, `majority`) and keeps the count as its outcome;
 * - a vote on one amendment accepts or rejects it;
 * - a ranked vote on a passage's rival wordings accepts the winner (unless the current wording
 *   won) and rejects the others.
 * What must wait for the commit (open editors re-checked) is returned to the caller.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { amendments, type polls } from '@/db/schema';
import { acceptAmendmentByVote, rejectAmendmentByVote } from '@/server/amendments/amendment-service';
import type { PollOption, PollResult } from '@/server/votes/tally';
import { afterStageChange, getDeliberation, recordStageChange } from './stage-log';

type PollRow = typeof polls.$inferSelect;
export type OutcomeTx = Pick<Db, 'select' | 'insert' | 'update' | 'run'>;

export type AppliedOutcome = { afterCommit: (() => void)[] };

export function applyPollOutcome(tx: OutcomeTx, poll: PollRow, result: PollResult): AppliedOutcome {
  switch (poll.subject) {
    case 'motion':
      return applyMotionOutcome(tx, poll, result);
    case 'amendment':
      return decideAmendments(tx, poll.amendmentId ? [poll.amendmentId] : [], result.outcome === 'adopted' ? poll.amendmentId : null, rejectionNote(result));
    case 'passage': {
      const options = (poll.options as PollOption[] | null) ?? [];
      const amendmentIds = options.flatMap((o) => (o.amendmentId ? [o.amendmentId] : []));
      const winner = result.kind === 'ranked' && result.outcome === 'adopted' ? (options.find((o) => o.id === result.winner)?.amendmentId ?? null) : null;
      return decideAmendments(tx, amendmentIds, winner, winner ? PREFERRED_ELSEWHERE : rejectionNote(result));
    }
  }
}

function applyMotionOutcome(tx: OutcomeTx, poll: PollRow, result: PollResult): AppliedOutcome {
  const deliberation = getDeliberation(poll.pageId, tx);
  // Only a motion still at its vote is decided by it (a stage moved by hand since is left alone).
  if (deliberation?.stage !== 'vote') return { afterCommit: [] };
  // Dated when voting ended, as the clock decided it (the count may run later, after a restart).
  recordStageChange(tx, poll.pageId, result.outcome, null, { note: result.reason, set: { outcome: { pollId: poll.id, ...result } }, now: poll.closesAt });
  return { afterCommit: [() => afterStageChange(poll.pageId)] };
}

const PREFERRED_ELSEWHERE = 'Rejeté par le vote des membres : une autre rédaction a été préférée.';

/** The amendment's decision note, in the words of the amendments' notes. */
function rejectionNote(result: PollResult): string {
  switch (result.reason) {
    case 'quorum':
      return 'Rejeté par le vote des membres : quorum non atteint.';
    case 'tie':
      return 'Rejeté par le vote des membres : égalité des voix.';
    case 'current_wording':
      return 'Rejeté par le vote des membres : la rédaction actuelle a été préférée.';
    default:
      return 'Rejeté par le vote des membres.';
  }
}

/**
 * The amendments a vote decided: the losers rejected in the closing's transaction, the winner
 * (if any) accepted once it has committed — accepting changes the live text in a transaction of
 * its own. Amendments no longer waiting for the vote (withdrawn meanwhile) are left alone.
 */
function decideAmendments(tx: OutcomeTx, ids: readonly string[], winner: string | null, note: string): AppliedOutcome {
  if (ids.length === 0) return { afterCommit: [] };
  const voting = new Set(
    tx
      .select({ id: amendments.id })
      .from(amendments)
      .where(and(inArray(amendments.id, [...ids]), eq(amendments.status, 'voting')))
      .all()
      .map((a) => a.id),
  );
  for (const id of ids) if (id !== winner && voting.has(id)) rejectAmendmentByVote(tx, id, { note });
  if (!winner || !voting.has(winner)) return { afterCommit: [] };
  return {
    afterCommit: [
      () => {
        // A passage that changed meanwhile sends it back to the deciders (the amendments' service says so on it).
        acceptAmendmentByVote(winner);
      },
    ],
  };
}
