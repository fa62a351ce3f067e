/**
 * The viewer of the current request, for pages, server actions and route handlers.
 */
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { loadViewer } from './load-viewer';
import { sessionCookieName, sessionTokenFromCookieHeader, userIdFromSessionToken } from './session-cookie';
import { authenticateApiToken } from '@/server/users/api-tokens';
import type { Viewer } from '@/server/policy';
import { listMySpaces } from '@/server/spaces/queries';
import { getProfile } from '@/server/users/account-service';

export const getSessionUserId = cache(async (): Promise<string | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return token ? userIdFromSessionToken(token) : null;
});

export const getViewer = cache(async (): Promise<Viewer> => {
  const id = await getSessionUserId();
  return id ? loadViewer(id) : null;
});

/**
 * To the sign-in page, back to `returnTo` after. A session cookie that no longer opens a
 * session (expired, revoked) goes through `/connexion/expiree`, which clears it and says so.
 */
async function redirectToSignIn(returnTo: string): Promise<never> {
  const hadSession = (await cookies()).has(sessionCookieName());
  const query = new URLSearchParams({ callbackUrl: returnTo });
  redirect(hadSession ? `/connexion/expiree?${query}` : `/connexion?${query}&reason=required`);
}

/** Signed-in viewer, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<NonNullable<Viewer>> {
  const viewer = await getViewer();
  return viewer ?? redirectToSignIn(returnTo);
}

/**
 * For pages anonymous visitors may see too: the viewer, or `null` for a visitor; a person whose
 * session ended is asked to sign in again (and comes back to `returnTo`) instead of silently
 * reading the page as a stranger, or meeting a "not found" for a members' page.
 */
export async function getViewerOrResume(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer === null && (await cookies()).has(sessionCookieName())) return redirectToSignIn(returnTo);
  return viewer;
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
