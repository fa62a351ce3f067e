/** A person's own data: profile, sessions and deletion (GDPR art. 17); the export is export-data.ts. */
import { emailChangeMail, emailInUseMail } from '@/server/mail/templates';
import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { accounts, apiTokens, memberships, sessions, users, verificationTokens, LOCALES } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { env } from '@/server/env';
import { queueMail } from '@/server/mail/outbox';
import { limit } from '@/server/http/rate-limit';
import { parseInput } from '@/lib/parse-input';
import { notifyAccessChanged } from '@/server/documents/live-rooms';
import { consumeToken, issueToken } from '@/server/tokens/signed-token';
import { emailSchema } from '@/server/auth/request-sign-in';
import { endGroupMemberships } from '@/server/spaces/space-service';

export function getProfile(userId: string) {
  const u = prepared('getProfile', (d) => d.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare()).get({ id: userId });
  if (!u || u.deletedAt) throw new AppError('not_found');
  return u;
}

export const profileInput = z.object({ name: z.string().trim().min(1).max(100), locale: z.enum(LOCALES) });

export function updateProfile(userId: string, raw: z.input<typeof profileInput>): void {
  const input = parseInput(profileInput, raw);
  db().update(users).set(input).where(eq(users.id, userId)).run();
}

export function setLocale(userId: string, locale: (typeof LOCALES)[number]): void {
  db().update(users).set({ locale: parseInput(z.enum(LOCALES), locale) }).where(eq(users.id, userId)).run();
}

/**
 * Sends a confirmation link to the new address; the change happens when it is opened. The
 * answer is the same whether the address is free or another account's (that would tell who has
 * an account): a taken address only receives a notice that someone tried. Rate-limited per
 * person and per IP, as each request mails an address the requester chose.
 */
export async function requestEmailChange(userId: string, rawEmail: string, opts: { ip: string }): Promise<void> {
  const email = parseInput(emailSchema, rawEmail);
  await limit('email-change-ip', opts.ip || 'unknown', 20, 60 * 60);
  await limit('email-change-user', userId, 5, 60 * 60);
  const user = getProfile(userId);
  const holder = db().select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, email)).get();
  if (holder) {
    if (holder.id !== userId) queueMail(db(), emailInUseMail(email, holder.locale));
    return;
  }
  const token = issueToken({ purpose: 'email-change', subject: `${userId} ${email}`, ttlMs: 86_400_000, singleUse: true });
  const url = `${env().AUTH_URL}/compte/email?token=${encodeURIComponent(token)}`;
  queueMail(db(), emailChangeMail(email, url, user.locale));
}

export function confirmEmailChange(token: string): void {
  const [userId, email] = consumeToken(token, 'email-change').split(' ');
  if (!userId || !email) throw new AppError('invalid_input', 'This link is not valid.', 'token', { key: 'linkInvalid' });
  const taken = db().select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (taken) throw new AppError('conflict', 'This e-mail address is already used by an account.', 'email', { key: 'emailTaken' });
  // A link still pending when its account was deleted must not put an e-mail back on it.
  const res = db().update(users).set({ email, emailVerified: new Date() }).where(and(eq(users.id, userId), isNull(users.deletedAt))).run();
  if (res.changes === 0) throw new AppError('invalid_input', 'This link is not valid.', 'token', { key: 'linkInvalid' });
}

/** Sessions are listed by a hash of their token: the secret itself never leaves the server. */
export const sessionId = (token: string) => crypto.createHash('sha256').update(token).digest('hex').slice(0, 24);

export function listSessions(userId: string, currentToken?: string) {
  return db()
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expires, new Date())))
    .orderBy(desc(sessions.createdAt))
    .all()
    .map((s) => ({ id: sessionId(s.sessionToken), createdAt: s.createdAt, expires: s.expires, isCurrent: s.sessionToken === currentToken, userAgent: s.userAgent }));
}

export function revokeSession(userId: string, id: string): void {
  const mine = db().select({ token: sessions.sessionToken }).from(sessions).where(eq(sessions.userId, userId)).all();
  const target = mine.find((s) => sessionId(s.token) === id);
  if (!target) throw new AppError('not_found');
  db().delete(sessions).where(eq(sessions.sessionToken, target.token)).run();
  notifyAccessChanged({ userIds: [userId] });
}

/**
 * Deletes an account: personal data, sessions, tokens and memberships go; texts stay,
 * attributed to "ancien membre".
 */
export function deleteAccount(userId: string): void {
  db().transaction((tx) => {
    const email = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email;
    // A pending sign-in link keeps the e-mail address (personal data) and, once the account's
    // e-mail is wiped, would sign its holder into a brand-new account past the registration rules.
    if (email) tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email)).run();
    tx.delete(accounts).where(eq(accounts.userId, userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    tx.delete(apiTokens).where(eq(apiTokens.userId, userId)).run();
    endGroupMemberships(tx, userId); // their groups' animators are told, while the name is still there
    tx.delete(memberships).where(eq(memberships.userId, userId)).run();
    tx.update(users).set({ name: null, email: null, image: null, emailVerified: null, deletedAt: new Date(), siteRole: 'citizen' }).where(eq(users.id, userId)).run();
  });
  notifyAccessChanged({ userIds: [userId] });
}
