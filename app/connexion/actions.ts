'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '@/lib/safe-redirect';
import { signIn } from '@/server/auth/auth';
import { requestSignIn } from '@/server/auth/request-sign-in';
import { demoSession } from '@/server/auth/demo-sign-in';
import { sessionCookieName } from '@/server/auth/session-cookie';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { getLocale } from 'next-intl/server';

/**
 * Sends a one-time sign-in link (creating a citizen account when allowed), then shows "check
 * your mail" — the same page whether or not the address may sign in.
 */
export async function sendSignInLinkAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const callbackUrl = safeReturnPath(str(form, 'callbackUrl'));
  const invitation = str(form, 'invitation') || undefined;
  const result = await runAction(async () => {
    const h = await headers();
    const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
    return requestSignIn({ email: str(form, 'email'), ip: h.get('x-coopol-ip') ?? 'unknown', invitation, locale });
  });
  if (!result?.ok) return result;
  // next-auth stores the verification token and queues the mail through the outbox.
  if (result.data.send) await signIn('nodemailer', { email: result.data.email, redirectTo: callbackUrl, redirect: false });
  redirect('/connexion/envoye');
}

/** Demo only: one click signs in as a persona. Refused outside `npm run demo`. */
export async function demoSignInAction(form: FormData): Promise<void> {
  const { token, expires } = demoSession(str(form, 'email'), (await headers()).get('user-agent'));
  (await cookies()).set(sessionCookieName(), token, { httpOnly: true, sameSite: 'lax', path: '/', expires, secure: sessionCookieName().startsWith('__Secure-') });
  redirect(safeReturnPath(str(form, 'callbackUrl')));
}
