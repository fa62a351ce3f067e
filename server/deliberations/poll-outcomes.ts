/**
 * What a closed poll changes, applied in the closing's transaction (server/votes/polls closePoll):
 * - a motion's vote moves the motion to `adopted` or `rejected` (the note says why: `quorum`,
 *   `tie`, `majority`) and keeps the count as its outcome;
 * - a vote on one amendment accepts or rejects it;
 * - a ranked vote on a passage's rival wordings accepts the winner (unless the current wording
 *   won) and rejects the others.
 * What must wait for the commit (open editors re-checked) is returned to the caller.
 */
import type { Db } from '@/db/client';
import type { polls } from '@/db/schema';
import type { PollResult } from '@/server/votes/tally';
import { afterStageChange, getDeliberation, recordStageChange } from './stage-log';

type PollRow = typeof polls.$inferSelect;
export type OutcomeTx = Pick<Db, 'select' | 'insert' | 'update' | 'run'>;

export type AppliedOutcome = { afterCommit: (() => void)[] };

export function applyPollOutcome(tx: OutcomeTx, poll: PollRow, result: PollResult): AppliedOutcome {
  switch (poll.subject) {
    case 'motion':
      return applyMotionOutcome(tx, poll, result);
    case 'amendment':
    case 'passage':
      // Amendments decided by vote land with the amendments' service (helper A's contract).
      return { afterCommit: [] };
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
