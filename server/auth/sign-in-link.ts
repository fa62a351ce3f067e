/**
 * One-time sign-in links: the same verification tokens next-auth's e-mail provider checks
 * (stored hashed, expiring, deleted on use), so a link printed by the CLI and a link sent by
 * mail are interchangeable. A new link voids the older ones of the same address: a link left
 * in an old mail, or asked for by someone else, stops working once the person asks again.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { verificationTokens, type Locale } from '@/db/schema';
import { env } from '@/server/env';

/** How long a link stays valid, in seconds (`SIGN_IN_LINK_MAX_AGE`, 1 hour by default). */
export const signInLinkMaxAge = (): number => env().SIGN_IN_LINK_MAX_AGE;

/** "1 heure", "30 minutes", "2 days": the lifetime as the mail and the "check your mail" page say it. */
export function signInLinkValidity(locale: Locale): string {
  const s = signInLinkMaxAge();
  const [value, unit] = s % 86400 === 0 ? [s / 86400, 'day'] : s % 3600 === 0 ? [s / 3600, 'hour'] : [Math.ceil(s / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export function hashVerificationToken(token: string): string {
  return crypto.createHash('sha256').update(`${token}${env().AUTH_SECRET}`).digest('hex');
}

/** Stores a (hashed) token as the address's only valid one. next-auth's adapter stores through it too. */
export function storeSignInToken(row: { identifier: string; token: string; expires: Date }): void {
  db().transaction((tx) => {
    tx.delete(verificationTokens).where(eq(verificationTokens.identifier, row.identifier)).run();
    tx.insert(verificationTokens).values(row).run();
  });
}

export function createSignInLink(email: string, callbackPath = '/'): string {
  const token = crypto.randomBytes(32).toString('hex');
  const identifier = email.toLowerCase();
  storeSignInToken({ identifier, token: hashVerificationToken(token), expires: new Date(Date.now() + signInLinkMaxAge() * 1000) });
  const base = env().AUTH_URL;
  const q = new URLSearchParams({ callbackUrl: new URL(callbackPath, base).toString(), token, email: identifier });
  return `${base}/api/auth/callback/nodemailer?${q}`;
}
