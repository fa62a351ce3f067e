/**
 * The viewer of the current request, for pages, server actions and route handlers.
 */
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from './auth';
import { loadViewer } from './load-viewer';
import { sessionCookieName, sessionTokenFromCookieHeader, userIdFromSessionToken } from './session-cookie';
import { authenticateApiToken } from '@/server/users/api-tokens';
import type { Viewer } from '@/server/policy';
import { listMySpaces } from '@/server/spaces/queries';
import { getProfile } from '@/server/users/account-service';

export const getSessionUserId = cache(async (): Promise<string | null> => {
  const session = await auth();
  return session?.user?.id ?? null;
});

export const getViewer = cache(async (): Promise<Viewer> => {
  const id = await getSessionUserId();
  return id ? loadViewer(id) : null;
});

/** Signed-in viewer, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<NonNullable<Viewer>> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const hadSession = (await cookies()).has(sessionCookieName());
  redirect(`/connexion?${new URLSearchParams({ callbackUrl: returnTo, reason: hadSession ? 'expired' : 'required' })}`);
}

/**
 * API: a bearer token, else the session cookie. Reads the request itself (no Next request
 * scope needed), so route handlers can be tested by calling them with a `Request`.
 */
export async function viewerFromRequest(req: Request): Promise<{ viewer: Viewer; tokenInvalid: boolean }> {
  const header = req.headers.get('authorization');
  if (header) {
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    const userId = m ? authenticateApiToken(m[1]!) : null;
    return { viewer: userId ? loadViewer(userId) : null, tokenInvalid: !userId };
  }
  const session = sessionTokenFromCookieHeader(req.headers.get('cookie'));
  const userId = session ? userIdFromSessionToken(session) : null;
  return { viewer: userId ? loadViewer(userId) : null, tokenInvalid: false };
}

/** The signed-in person's profile and spaces, read once per request (the shell and the page both show them). */
export const getMyProfile = cache((userId: string) => getProfile(userId));
export const getMySpaces = cache((userId: string) => listMySpaces(userId));
