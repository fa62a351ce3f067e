/**
 * Closing votes and applying what they decided: above both the votes (counting) and the texts
 * they decide (motions' stages, amendments), so that neither has to know the other.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import { db } from '@/db/client';
import { polls } from '@/db/schema';
import type { Handler } from '@/server/jobs/queue';
import { tallyPoll, type PollResult } from '@/server/votes/polls';
import { applyPollOutcome, pendingPollOutcome } from './poll-outcomes';

/**
 * Closes a poll whose time is up: counts, stores the result and applies its outcome in one
 * transaction; then runs what must follow the commit (open editors re-checked). Returns the
 * result (also when it was already closed), or null when the poll is unknown or not yet due.
 */
export function closePoll(pollId: string, now = new Date()): PollResult | null {
  const closed = db().transaction((tx) => {
    const poll = tx.select().from(polls).where(eq(polls.id, pollId)).get();
    if (!poll) return null;
    if (poll.status === 'closed') return { result: poll.result as PollResult, afterCommit: pendingPollOutcome(tx, poll).afterCommit };
    if (now.getTime() < poll.closesAt.getTime()) return null;
    const result = tallyPoll(tx, poll);
    tx.update(polls).set({ status: 'closed', result, closedAt: now }).where(eq(polls.id, pollId)).run();
    const { afterCommit } = applyPollOutcome(tx, { ...poll, status: 'closed', result, closedAt: now }, result);
    return { result, afterCommit };
  });
  for (const run of closed?.afterCommit ?? []) run();
  return closed?.result ?? null;
}

/** Closes every poll whose time is up (each in its own transaction); returns their ids. Throws at the end if one failed, so the job retries it. */
export function closeDuePolls(now = new Date()): string[] {
  const due = db()
    .select({ id: polls.id })
    .from(polls)
    .where(and(eq(polls.status, 'open'), lte(polls.closesAt, now)))
    .orderBy(asc(polls.closesAt))
    .all();
  const closed: string[] = [];
  const failures: string[] = [];
  for (const { id } of due) {
    try {
      if (closePoll(id, now)) closed.push(id);
    } catch (e) {
      failures.push(`${id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failures.length > 0) throw new Error(`Polls not closed: ${failures.join('; ')}`);
  return closed;
}

/**
 * The closing job: its own poll (closed, or finished if a restart cut the acceptance its vote
 * decided), then every other poll due by now.
 */
export const closePollsJob: Handler = (payload) => {
  const now = new Date();
  const pollId = (payload as { pollId?: unknown } | null)?.pollId;
  if (typeof pollId === 'string') closePoll(pollId, now);
  closeDuePolls(now);
};
