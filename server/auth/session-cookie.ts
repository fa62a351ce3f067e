import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { sessions } from '@/db/schema';
import { env } from '@/server/env';

/** The cookie next-auth reads its database session from (secure prefix behind HTTPS). */
export function sessionCookieName(): string {
  return env().AUTH_URL.startsWith('https:') ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

/** Opens a database session for a user, as next-auth does after an e-mail link. */
export function createSession(userId: string, maxAgeSeconds = env().SESSION_MAX_AGE): { token: string; expires: Date } {
  const token = crypto.randomUUID();
  const expires = new Date(Date.now() + maxAgeSeconds * 1000);
  db().insert(sessions).values({ sessionToken: token, userId, expires }).run();
  return { token, expires };
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
