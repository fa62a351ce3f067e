import { db } from '@/db/client';
import { enqueue, rateGate, startWorker, type Handler } from './queue';
import { BULK_MAIL_QUEUE, sendMailJob } from '@/server/mail/outbox';
import { purgeTrash } from '@/server/pages/page-service';
import { purgePendingAccounts } from '@/server/invitations/invitation-service';
import { AMENDMENTS_DEADLINE_QUEUE, closeAmendmentsAtDeadline } from '@/server/motions/amendments-deadline';
import { POLL_CLOSE_QUEUE } from '@/server/votes/polls';
import { closePollsJob } from '@/server/deliberations/close-polls';

const DAY = 86_400_000;

/** Work done once a day; each run enqueues the next (one per queue and day, deduped). */
const DAILY: Record<string, () => unknown> = {
  'purge-trash': purgeTrash,
  'purge-pending-accounts': purgePendingAccounts,
};

export function scheduleDaily(queue: string, at = new Date()): void {
  enqueue(db(), queue, {}, { runAt: at, dedupeKey: `${queue}:${at.toISOString().slice(0, 10)}` });
}

export function scheduleDailyJobs(at = new Date()): void {
  for (const queue of Object.keys(DAILY)) scheduleDaily(queue, at);
}

/** The handlers of every queue. */
export const handlers: Record<string, Handler> = {
  mail: sendMailJob,
  [BULK_MAIL_QUEUE]: sendMailJob,
  [AMENDMENTS_DEADLINE_QUEUE]: closeAmendmentsAtDeadline,
  [POLL_CLOSE_QUEUE]: closePollsJob,
  ...Object.fromEntries(
    Object.entries(DAILY).map(([queue, run]): [string, Handler] => [
      queue,
      () => {
        run();
        scheduleDaily(queue, new Date(Date.now() + DAY));
      },
    ]),
  ),
};

/** Bulk mail (invitations to thousands) a minute: `MAIL_RATE_PER_MINUTE`, 600 unless set; 0 for no limit. */
export function bulkMailRate(): number {
  const raw = process.env.MAIL_RATE_PER_MINUTE;
  return raw === undefined || raw === '' ? 600 : Number(raw);
}

export function startJobWorker(): () => Promise<void> {
  scheduleDailyJobs();
  return startWorker(handlers, Number(process.env.JOB_POLL_MS ?? 1000), { [BULK_MAIL_QUEUE]: rateGate(bulkMailRate()) });
}
