/**
 * The outbox against a real SMTP server (smtp-server on port 0) through the real job runner.
 */
import net from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { jobs } from '@/db/schema';
import { beginDelivery, claimNext, drain, INTERRUPTED_DELIVERY } from '@/server/jobs/queue';
import { queueMail, sendMailJob } from './outbox';

const handlers = { mail: sendMailJob };
const received: ParsedMail[] = [];
let server: SMTPServer;
let smtpUrl = '';

function startSmtp(): Promise<number> {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as net.AddressInfo).port)));
}

/** A port nobody listens on: bind, note the port, close. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const mailJobs = () => db().select().from(jobs).where(eq(jobs.queue, 'mail')).all();

beforeAll(async () => {
  smtpUrl = `smtp://127.0.0.1:${await startSmtp()}`;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  process.env.SMTP_URL = smtpUrl;
  received.length = 0;
});

describe('outbox', () => {
  it('delivers a queued mail once, with a Message-ID stable for its job', async () => {
    queueMail(db(), { to: 'militante@coopol.test', subject: 'Bienvenue', text: 'Bonjour et bienvenue.' });
    expect(await drain(handlers)).toBe(1);
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.subject).toBe('Bienvenue');
    expect(mail.text?.trim()).toBe('Bonjour et bienvenue.');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('militante@coopol.test');
    expect(mail.from?.text).toContain('ne-pas-repondre@coopol.test');
    const job = mailJobs().at(-1)!;
    expect(job.status).toBe('done');
    expect(mail.messageId).toBe(`<job-${job.id}-${job.createdAt.getTime()}@coopol>`);
    // Nothing left to send.
    expect(await drain(handlers)).toBe(0);
    expect(await drain(handlers, () => new Date(Date.now() + 3_600_000))).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('a mail joins the transaction it is queued in: gone with a rollback, kept with a commit', () => {
    const rolledBack = 'rolled-back@coopol.test';
    expect(() =>
      db().transaction((tx) => {
        queueMail(tx, { to: rolledBack, subject: 'Jamais', text: 'La cause a échoué.' });
        throw new Error('the cause fails');
      }),
    ).toThrow('the cause fails');
    db().transaction((tx) => queueMail(tx, { to: 'committed@coopol.test', subject: 'Envoyé', text: 'La cause a réussi.' }));
    const to = mailJobs().map((j) => (j.payload as { to: string }).to);
    expect(to).not.toContain(rolledBack);
    expect(to).toContain('committed@coopol.test');
  });

  it('the committed mail is the only one sent', async () => {
    expect(await drain(handlers)).toBe(1);
    expect(received.map((m) => m.subject)).toEqual(['Envoyé']);
  });

  it('the same dedupe key queues one mail only', async () => {
    queueMail(db(), { to: 'a@coopol.test', subject: 'Une fois', text: '1' }, 'once:a');
    queueMail(db(), { to: 'a@coopol.test', subject: 'Une fois', text: '1' }, 'once:a');
    expect(await drain(handlers)).toBe(1);
    expect(received.map((m) => m.subject)).toEqual(['Une fois']);
  });

  it('a failing send is retried with backoff and succeeds once the server answers', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
    queueMail(db(), { to: 'retry@coopol.test', subject: 'Réessai', text: 'Encore.' });
    const t0 = Date.now(); // after enqueueing, so the job is due at t0
    expect(await drain(handlers, () => new Date(t0))).toBe(1);
    let job = mailJobs().at(-1)!;
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(job.runAt.getTime()).toBe(t0 + 30_000);
    expect(received).toHaveLength(0);
    // During the backoff nothing is tried, even with the server back.
    process.env.SMTP_URL = smtpUrl;
    expect(await drain(handlers, () => new Date(t0 + 20_000))).toBe(0);
    expect(await drain(handlers, () => new Date(t0 + 30_000))).toBe(1);
    job = mailJobs().at(-1)!;
    expect(job).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(received.map((m) => m.subject)).toEqual(['Réessai']);
    expect(await drain(handlers, () => new Date(t0 + 3_600_000))).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('a mail job whose worker crashed before handing it to SMTP is resumed after its lease and sent', async () => {
    queueMail(db(), { to: 'crash@coopol.test', subject: 'Après panne', text: 'Reprise.' });
    const t0 = Date.now(); // after enqueueing, so the job is due at t0
    expect(claimNext(['mail'], new Date(t0))?.queue).toBe('mail'); // claimed, then the process dies
    expect(await drain(handlers, () => new Date(t0 + 1_000))).toBe(0);
    expect(received).toHaveLength(0);
    expect(await drain(handlers, () => new Date(t0 + 61_000))).toBe(1);
    expect(received.map((m) => m.subject)).toEqual(['Après panne']);
    expect(mailJobs().at(-1)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await drain(handlers, () => new Date(t0 + 3_600_000))).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('a mail whose worker died while handing it to SMTP is never sent again (it may have left)', async () => {
    queueMail(db(), { to: 'mid-send@coopol.test', subject: 'Peut-être parti', text: 'Une fois au plus.' });
    const t0 = Date.now();
    const job = claimNext(['mail'], new Date(t0))!;
    beginDelivery(job.id, new Date(t0)); // the SMTP exchange began, then the process died
    expect(await drain(handlers, () => new Date(t0 + 61_000))).toBe(0);
    expect(await drain(handlers, () => new Date(t0 + 3_600_000))).toBe(0);
    expect(received).toHaveLength(0);
    expect(mailJobs().at(-1)).toMatchObject({ status: 'failed', lastError: INTERRUPTED_DELIVERY, payload: {} });
  });

  it('a refused delivery (SMTP down) is tried again later: nothing left', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
    queueMail(db(), { to: 'refused@coopol.test', subject: 'Refusé puis parti', text: 'Deuxième essai.' });
    const t0 = Date.now();
    expect(await drain(handlers, () => new Date(t0))).toBe(1);
    expect(mailJobs().at(-1)).toMatchObject({ status: 'pending', deliveringSince: null });
    process.env.SMTP_URL = smtpUrl;
    expect(await drain(handlers, () => new Date(t0 + 31_000))).toBe(1);
    expect(received.map((m) => m.subject)).toEqual(['Refusé puis parti']);
  });
});
