/**
 * The outbox: every e-mail is a job in the `mail` queue, sent by the worker with retries. Each
 * mail carries a stable Message-ID derived from its job, so a receiving server can drop the
 * rare duplicate after a crash between "sent" and "marked done".
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { beginDelivery, enqueue, type JobRow, type JobWriter } from '@/server/jobs/queue';
import { env } from '@/server/env';

export type MailAttachment = { filename: string; content: string; contentType: string };
export type Mail = { to: string; subject: string; text: string; html?: string; attachments?: MailAttachment[] };

/** Queues `mail` in `tx`, the transaction of what it tells: a rolled-back change sends nothing. */
export function queueMail(tx: JobWriter, mail: Mail, dedupeKey?: string): void {
  enqueue(tx, 'mail', mail, { dedupeKey });
}

/**
 * Mail sent to many at once (an event's invitations and reminders) goes through its own queue,
 * worked at `MAIL_RATE_PER_MINUTE` (server/jobs/worker.ts): a sign-in link never waits behind
 * 5,000 invitations, and the SMTP relay is not flooded.
 */
export const BULK_MAIL_QUEUE = 'mail-bulk';

export function queueBulkMail(tx: JobWriter, mail: Mail, dedupeKey?: string): void {
  enqueue(tx, BULK_MAIL_QUEUE, mail, { dedupeKey });
}

let transport: Transporter | null = null;
let transportUrl: string | undefined;

function getTransport(): Transporter | null {
  // Read at send time, not from the cached env(): the transport follows a changed SMTP_URL.
  const url = process.env.SMTP_URL || undefined;
  if (!url) return null;
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url);
    transportUrl = url;
  }
  return transport;
}

export async function sendMailJob(payload: unknown, job: JobRow): Promise<void> {
  const mail = payload as Mail;
  const t = getTransport();
  if (!t) {
    // No SMTP configured (development, demo): the mail goes to the server log instead.
    console.log(`[mail] to=${mail.to} subject="${mail.subject}"\n${mail.text}\n`);
    return;
  }
  // From here the mail may leave: if the process dies before the job completes, it is not sent
  // again (a second sign-in link or invitation would be worse than asking for a new one).
  beginDelivery(job.id);
  await t.sendMail({
    from: env().MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments,
    messageId: `<job-${job.id}-${job.createdAt.getTime()}@coopol>`,
  });
}
