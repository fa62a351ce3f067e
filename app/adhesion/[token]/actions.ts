'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { isAppError } from '@/lib/errors';
import { signOut } from '@/server/auth/auth';
import { getViewer } from '@/server/auth/current';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { notifyAccessChanged } from '@/server/documents/live-rooms';
import { actionError, runAction, type ActionResult } from '@/server/http/action';
import { acceptMemberInvitation } from '@/server/membership/member-invitations';

/**
 * Accepts the invitation of the link. A new account (or one never signed in) is signed in here,
 * as the sign-in link would: the invitation's link, sent to that address, proves it. Then the
 * person lands in the space they joined.
 */
export async function acceptInvitationAction(token: string, _prev: unknown): Promise<ActionResult> {
  let target: string;
  try {
    const viewer = await getViewer();
    const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
    const r = acceptMemberInvitation(viewer, token, { locale });
    if (r.signIn) {
      const { token: session, expires } = createSession(r.userId, undefined, (await headers()).get('user-agent'));
      (await cookies()).set(sessionCookieName(), session, { httpOnly: true, sameSite: 'lax', path: '/', expires, secure: sessionCookieName().startsWith('__Secure-') });
    }
    target = `/espaces/${r.spaceId}`;
  } catch (e) {
    if (isAppError(e) && e.detail) {
      const t = await getTranslations('membership.errors');
      if (t.has(e.detail.key)) return { ok: false, error: { ...actionError(e, await getTranslations('errors')), message: t(e.detail.key, e.detail.values) }, at: Date.now() };
    }
    return runAction(() => {
      throw e;
    });
  }
  redirect(target);
}

/** Signed in with another account: sign out and come back to the invitation. */
export async function signOutForInvitationAction(token: string): Promise<void> {
  try {
    await signOut({ redirectTo: `/adhesion/${encodeURIComponent(token)}` });
  } finally {
    notifyAccessChanged();
  }
}
