import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import { env } from '@/server/env';
import { makeUser } from '@/test/factories';
import { createSession, endOtherSessions, recordSessionUserAgent, sessionCookieName, sessionTokenFromCookieHeader, userIdFromSessionToken, SESSION_UPDATE_AGE_S } from './session-cookie';

const expiresOf = (token: string) => db().select({ e: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, token)).get()!.e.getTime();

describe('userIdFromSessionToken', () => {
  it('finds the user, extends a session used a day after its last extension, and refuses an ended one', () => {
    const user = makeUser();
    const maxAge = env().SESSION_MAX_AGE * 1000;
    const { token, expires } = createSession(user.id);
    const now = Date.now();
    // Used within the day: left alone.
    expect(userIdFromSessionToken(token, now + 1000)).toBe(user.id);
    expect(expiresOf(token)).toBe(expires.getTime());
    // Used two days later: pushed back to its full length from then.
    const later = now + 2 * SESSION_UPDATE_AGE_S * 1000;
    expect(userIdFromSessionToken(token, later)).toBe(user.id);
    expect(expiresOf(token)).toBe(later + maxAge);
    // Past its end: no one, and nothing extended.
    const after = later + maxAge + 1;
    expect(userIdFromSessionToken(token, after)).toBeNull();
    expect(expiresOf(token)).toBe(later + maxAge);
    expect(userIdFromSessionToken('not-a-session')).toBeNull();
  });
});

describe('sessionTokenFromCookieHeader', () => {
  it('reads the session cookie, and a value that does not decode opens no session instead of throwing', () => {
    const user = makeUser();
    const { token } = createSession(user.id);
    const name = sessionCookieName();
    expect(sessionTokenFromCookieHeader(`a=1; ${name}=${encodeURIComponent(token)}`)).toBe(token);
    for (const bad of ['%E0%A4%A', '%', '%ZZ', `${token}%`]) {
      const read = sessionTokenFromCookieHeader(`${name}=${bad}`);
      expect(read === null ? null : userIdFromSessionToken(read)).toBeNull();
    }
  });
});

describe('endOtherSessions', () => {
  it('ends every other session of the person, keeps the one in use and other people’s', () => {
    const me = makeUser();
    const someone = makeUser();
    const here = createSession(me.id, undefined, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0');
    const phone = createSession(me.id);
    const laptop = createSession(me.id);
    const theirs = createSession(someone.id);
    expect(endOtherSessions(me.id, here.token)).toBe(2);
    expect(userIdFromSessionToken(here.token)).toBe(me.id);
    expect(userIdFromSessionToken(phone.token)).toBeNull();
    expect(userIdFromSessionToken(laptop.token)).toBeNull();
    expect(userIdFromSessionToken(theirs.token)).toBe(someone.id);
    expect(endOtherSessions(me.id, here.token)).toBe(0);
  });
});

describe('session user agent', () => {
  it('is stored with the session, cut to a sane length', () => {
    const me = makeUser();
    const { token } = createSession(me.id, undefined, 'Firefox');
    const uaOf = (t: string) => db().select({ ua: sessions.userAgent }).from(sessions).where(eq(sessions.sessionToken, t)).get()!.ua;
    expect(uaOf(token)).toBe('Firefox');
    const other = createSession(me.id);
    expect(uaOf(other.token)).toBeNull();
    recordSessionUserAgent(other.token, `Mozilla/5.0 ${'x'.repeat(5000)}`);
    expect(uaOf(other.token)!.length).toBe(512);
  });
});
