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
    case 'passage': {
      const winner = winningAmendment(poll, result);
      return decideAmendments(tx, votedAmendments(poll), winner, winner && poll.subject === 'passage' ? PREFERRED_ELSEWHERE : rejectionNote(result));
    }
  }
}

/**
 * For a poll already closed: the acceptance its vote decided, if it has not happened yet (the
 * process stopped between the closing's commit and the acceptance). The closing job calls it
 * again, so a restart finishes what the vote decided.
 */
export function pendingPollOutcome(tx: OutcomeTx, poll: PollRow): AppliedOutcome {
  if (poll.status !== 'closed' || !poll.result || poll.subject === 'motion') return { afterCommit: [] };
  const winner = winningAmendment(poll, poll.result as PollResult);
  return winner ? acceptLater(tx, winner) : { afterCommit: [] };
}

/** The amendments a poll decides on. */
function votedAmendments(poll: PollRow): string[] {
  if (poll.subject === 'amendment') return poll.amendmentId ? [poll.amendmentId] : [];
  return ((poll.options as PollOption[] | null) ?? []).flatMap((o) => (o.amendmentId ? [o.amendmentId] : []));
}

/** The amendment the vote adopted, if any (none when the current wording won or the quorum failed). */
function winningAmendment(poll: PollRow, result: PollResult): string | null {
  if (result.outcome !== 'adopted') return null;
  if (poll.subject === 'amendment') return poll.amendmentId;
  if (result.kind !== 'ranked') return null;
  return ((poll.options as PollOption[] | null) ?? []).find((o) => o.id === result.winner)?.amendmentId ?? null;
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
  return winner && voting.has(winner) ? acceptLater(tx, winner) : { afterCommit: [] };
}

/** Accepting changes the live text in a transaction of its own: after the commit, if the amendment still waits for its vote. */
function acceptLater(tx: OutcomeTx, id: string): AppliedOutcome {
  const waiting = tx.select({ status: amendments.status }).from(amendments).where(eq(amendments.id, id)).get()?.status === 'voting';
  // A passage that changed meanwhile sends it back to the deciders (the amendments' service notes it on the amendment).
  return { afterCommit: waiting ? [() => void acceptAmendmentByVote(id)] : [] };
}
