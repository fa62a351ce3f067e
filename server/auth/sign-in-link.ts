/**
 * One-time sign-in links: the same verification tokens next-auth's e-mail provider checks
 * (stored hashed, expiring, deleted on use), so a link printed by the CLI and a link sent by
 * mail are interchangeable.
 */
import crypto from 'node:crypto';
import { db } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { env } from '@/server/env';

export const SIGN_IN_LINK_TTL_S = 24 * 3600;

export function hashVerificationToken(token: string): string {
  return crypto.createHash('sha256').update(`${token}${env().AUTH_SECRET}`).digest('hex');
}

export function createSignInLink(email: string, callbackPath = '/'): string {
  const token = crypto.randomBytes(32).toString('hex');
  db()
    .insert(verificationTokens)
    .values({ identifier: email.toLowerCase(), token: hashVerificationToken(token), expires: new Date(Date.now() + SIGN_IN_LINK_TTL_S * 1000) })
    .run();
  const base = env().AUTH_URL;
  const q = new URLSearchParams({ callbackUrl: new URL(callbackPath, base).toString(), token, email: email.toLowerCase() });
  return `${base}/api/auth/callback/nodemailer?${q}`;
}
