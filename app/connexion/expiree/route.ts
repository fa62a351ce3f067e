import { NextResponse } from 'next/server';
import { safeReturnPath } from '@/lib/safe-redirect';
import { sessionCookieName } from '@/server/auth/session-cookie';
import { env } from '@/server/env';

/**
 * A session cookie that no longer opens a session: clear it (or every later visit would be
 * sent here again), then ask to sign in, back to where the person was.
 */
export function GET(req: Request) {
  const callbackUrl = safeReturnPath(new URL(req.url).searchParams.get('callbackUrl'), '/', env().AUTH_URL);
  const to = `/connexion?${new URLSearchParams({ callbackUrl, reason: 'expired' })}`;
  const res = new NextResponse(null, { status: 303, headers: { location: to } });
  const name = sessionCookieName();
  res.cookies.set(name, '', { maxAge: 0, path: '/', httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-') });
  return res;
}
