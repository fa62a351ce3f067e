/**
 * The amendments deadline, kept by the job runner: at `amendmentsCloseAt` the text's timeline
 * says « Dépôt des amendements clos » (the clock did it: no one's name). Proposals are already
 * refused from that instant by the policy (stageRefusal compares the deadline with the time), so
 * the job only records it; it is a row in the jobs table, so a server that was down at the time
 * records it when it starts again, dated at the deadline.
 */
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { stageChanges } from '@/db/schema';
import { afterStageChange, getDeliberation, recordStageChange } from '@/server/deliberations/stage-log';
import { enqueue, type JobWriter } from '@/server/jobs/queue';

export const AMENDMENTS_DEADLINE_QUEUE = 'amendments-deadline';
export const AMENDMENTS_CLOSED_NOTE = 'Dépôt des amendements clos';

const payloadSchema = z.object({ pageId: z.string().min(1), deadline: z.number().int() });

/** In the transaction that sets the deadline: one job per page and deadline. */
export function scheduleAmendmentsDeadline(tx: JobWriter, pageId: string, deadline: Date): void {
  enqueue(tx, AMENDMENTS_DEADLINE_QUEUE, { pageId, deadline: deadline.getTime() }, { runAt: deadline, dedupeKey: `${AMENDMENTS_DEADLINE_QUEUE}:${pageId}:${deadline.getTime()}` });
}

/**
 * The job's handler. Does nothing when the text has moved on (the vote opened, it was
 * withdrawn, the deadline changed) or the closing is already recorded.
 */
export function closeAmendmentsAtDeadline(payload: unknown): void {
  const { pageId, deadline } = payloadSchema.parse(payload);
  const done = db().transaction((tx) => {
    const d = getDeliberation(pageId, tx);
    if (!d || d.stage !== 'amendments' || d.amendmentsCloseAt?.getTime() !== deadline) return false;
    const last = tx.select({ note: stageChanges.note, at: stageChanges.at }).from(stageChanges).where(eq(stageChanges.pageId, pageId)).orderBy(desc(stageChanges.id)).limit(1).get();
    if (last?.note === AMENDMENTS_CLOSED_NOTE && last.at.getTime() === deadline) return false;
    recordStageChange(tx, pageId, 'amendments', null, { note: AMENDMENTS_CLOSED_NOTE, now: new Date(deadline) });
    return true;
  });
  if (done) afterStageChange(pageId);
}

