import { enqueue, startWorker, type Handler } from './queue';
import { sendMailJob } from '@/server/mail/outbox';
import { purgeTrash } from '@/server/pages/page-service';

const DAY = 86_400_000;

/** The handlers of every queue; recurring jobs re-enqueue themselves (one per day, deduped). */
export const handlers: Record<string, Handler> = {
  mail: sendMailJob,
  'purge-trash': () => {
    purgeTrash();
    scheduleDailyPurge(new Date(Date.now() + DAY));
  },
};

export function scheduleDailyPurge(at = new Date()): void {
  enqueue('purge-trash', {}, { runAt: at, dedupeKey: `purge-trash:${at.toISOString().slice(0, 10)}` });
}

export function startJobWorker(): () => void {
  scheduleDailyPurge();
  return startWorker(handlers, Number(process.env.JOB_POLL_MS ?? 1000));
}
