/**
 * Signed tokens for links sent to people (invitations now; RSVP and unsubscribe later):
 * `base64url(json).base64url(hmac)`, carrying a purpose, a subject, an expiry and, when asked,
 * single use (the token id is recorded as spent). Nothing is stored until a token is spent.
 */
import crypto from 'node:crypto';
import { db } from '@/db/client';
import { spentTokens } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { env } from '@/server/env';

type Claims = { p: string; s: string; e: number; j: string; u: 0 | 1 };

function sign(body: string): string {
  return crypto.createHmac('sha256', env().AUTH_SECRET).update(body).digest('base64url');
}

export function issueToken(opts: { purpose: string; subject: string; ttlMs: number; singleUse?: boolean }): string {
  const claims: Claims = { p: opts.purpose, s: opts.subject, e: Date.now() + opts.ttlMs, j: crypto.randomUUID(), u: opts.singleUse ? 1 : 0 };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(body)}`;
}

/** Checks signature, purpose and expiry without spending the token. Returns the subject. */
export function readToken(token: string, purpose: string, now = Date.now()): { subject: string; id: string; expiresAt: number; singleUse: boolean } {
  const parts = token.split('.');
  const [body, mac] = parts;
  if (parts.length !== 2 || !body || !mac) throw new AppError('invalid_input', 'Malformed link.', 'token', { key: 'linkInvalid' });
  // Compare bytes, not characters: a non-ASCII signature of the right length in characters
  // would make timingSafeEqual throw a RangeError (a 500) instead of refusing the link.
  const given = Buffer.from(mac);
  const expected = Buffer.from(sign(body));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw new AppError('invalid_input', 'This link is not valid.', 'token', { key: 'linkInvalid' });
  }
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Claims;
  if (claims.p !== purpose) throw new AppError('invalid_input', 'This link is not valid.', 'token', { key: 'linkInvalid' });
  if (claims.e < now) throw new AppError('invalid_input', 'This link has expired.', 'token', { key: 'linkExpired' });
  return { subject: claims.s, id: claims.j, expiresAt: claims.e, singleUse: claims.u === 1 };
}

/** Verifies and, for a single-use token, spends it (a second use fails). Returns the subject. */
export function consumeToken(token: string, purpose: string, now = Date.now()): string {
  const t = readToken(token, purpose, now);
  if (t.singleUse) {
    const res = db().insert(spentTokens).values({ tokenId: t.id, purpose, expiresAt: new Date(t.expiresAt) }).onConflictDoNothing().run();
    if (res.changes === 0) throw new AppError('invalid_input', 'This link was already used.', 'token', { key: 'linkUsed' });
  }
  return t.subject;
}
