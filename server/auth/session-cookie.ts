import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
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

/** The user behind a session token, if the session is still valid (API routes, websocket). */
export function userIdFromSessionToken(token: string): string | null {
  const row = db().select({ userId: sessions.userId, expires: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, token)).get();
  return row && row.expires > new Date() ? row.userId : null;
}

/** Reads the session token from a raw Cookie header. */
export function sessionTokenFromCookieHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  const name = sessionCookieName();
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}
