import crypto from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { sessions } from '@/db/schema';
import { env } from '@/server/env';
import { notifyAccessChanged } from '@/server/documents/live-rooms';

/** The cookie next-auth reads its database session from (secure prefix behind HTTPS). */
export function sessionCookieName(): string {
  return env().AUTH_URL.startsWith('https:') ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

/** Longest User-Agent kept: enough for any real browser, not a place to store a payload. */
const MAX_USER_AGENT = 512;

/** The User-Agent as stored with a session (the account page names device and browser from it). */
export function storedUserAgent(header: string | null | undefined): string | null {
  return header ? header.slice(0, MAX_USER_AGENT) : null;
}

/** Opens a database session for a user, as next-auth does after an e-mail link. */
export function createSession(userId: string, maxAgeSeconds = env().SESSION_MAX_AGE, userAgent?: string | null): { token: string; expires: Date } {
  const token = crypto.randomUUID();
  const expires = new Date(Date.now() + maxAgeSeconds * 1000);
  db().insert(sessions).values({ sessionToken: token, userId, expires, userAgent: storedUserAgent(userAgent) }).run();
  return { token, expires };
}

/** Records the browser of a session next-auth just opened (its adapter knows nothing of requests). */
export function recordSessionUserAgent(token: string, userAgent: string | null | undefined): void {
  const ua = storedUserAgent(userAgent);
  if (ua) db().update(sessions).set({ userAgent: ua }).where(eq(sessions.sessionToken, token)).run();
}

/**
 * « Déconnecter les autres appareils »: ends every session of `userId` but the one in use, and
 * has the collab server recheck that person's sockets (those of the ended sessions close). Returns
 * how many ended.
 */
export function endOtherSessions(userId: string, currentToken: string): number {
  const ended = db()
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.sessionToken, currentToken)))
    .run().changes;
  if (ended > 0) notifyAccessChanged({ userIds: [userId] });
  return ended;
}

/** A session in use is pushed back to its full length at most once a day (next-auth's `updateAge`). */
export const SESSION_UPDATE_AGE_S = 24 * 3600;

/**
 * The user behind a session token, if the session is still valid — for pages, API routes and
 * the websocket alike — extending the session as next-auth's database strategy does (same
 * table, same rule). Pages read it here rather than through next-auth's `auth()`, which builds
 * its whole configuration, adapter and CSRF token on every call: a tenth of a page view.
 */
export function userIdFromSessionToken(token: string, now = Date.now()): string | null {
  const row = prepared('session', (d) =>
    d.select({ userId: sessions.userId, expires: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, sql.placeholder('token'))).prepare(),
  ).get({ token });
  if (!row || row.expires.getTime() <= now) return null;
  const maxAgeMs = env().SESSION_MAX_AGE * 1000;
  if (row.expires.getTime() - maxAgeMs + SESSION_UPDATE_AGE_S * 1000 < now) {
    db().update(sessions).set({ expires: new Date(now + maxAgeMs) }).where(eq(sessions.sessionToken, token)).run();
  }
  return row.userId;
}

/** Reads the session token from a raw Cookie header. */
export function sessionTokenFromCookieHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  const name = sessionCookieName();
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeCookieValue(v.join('='));
  }
  return null;
}

/** A cookie value that does not decode is kept as sent: it opens no session (it used to throw, a 500). */
function decodeCookieValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
