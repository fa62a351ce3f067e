'use server';
import { cookies, headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/domain/enums';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { requireViewer } from '@/server/auth/current';
import { endOtherSessions, sessionCookieName } from '@/server/auth/session-cookie';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { createApiToken, revokeApiToken } from '@/server/users/api-tokens';
import { confirmEmailChange, deleteAccount, requestEmailChange, revokeSession, sessionId, updateProfile } from '@/server/users/account-service';

const ACCOUNT = '/compte';
/** Either word confirms, whatever the interface language: someone may switch language mid-way. */
const DELETE_WORDS = ['SUPPRIMER', 'DELETE'];

async function currentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

async function forgetSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}

export async function updateProfileAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(ACCOUNT);
  const locale = str(form, 'locale') as Locale; // validated by updateProfile before the cookie is set
  const r = await runAction(() => updateProfile(viewer.id, { name: str(form, 'name'), locale }));
  if (!r?.ok) return r;
  // The cookie mirrors the saved language, as the shell's language switch does.
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 86400, sameSite: 'lax' });
  revalidatePath('/', 'layout');
  return r;
}

/** The same answer whether the new address is free or another account's (see requestEmailChange). */
export async function requestEmailChangeAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(ACCOUNT);
  const ip = (await headers()).get('x-coopol-ip') ?? 'unknown';
  return runAction(() => requestEmailChange(viewer.id, str(form, 'email'), { ip }));
}

/** Opened from the e-mail, possibly on another device: the signed token is the proof, no session needed. */
export async function confirmEmailChangeAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const r = await runAction(() => confirmEmailChange(str(form, 'token')));
  if (r && !r.ok) {
    const t = await getTranslations('account');
    if (r.error.code === 'conflict') return { ...r, error: { ...r.error, message: t('email.taken') } };
    if (r.error.code === 'invalid_input') return { ...r, error: { ...r.error, message: t('email.invalid') } };
    return r;
  }
  revalidatePath('/', 'layout');
  return r;
}

export async function revokeSessionAction(id: string): Promise<ActionResult> {
  const viewer = await requireViewer(ACCOUNT);
  const token = await currentSessionToken();
  const r = await runAction(() => revokeSession(viewer.id, id));
  if (r?.ok && token && sessionId(token) === id) {
    await forgetSessionCookie();
    redirect('/connexion?reason=signed-out');
  }
  revalidatePath(ACCOUNT);
  return r;
}

/** « Déconnecter les autres appareils »: every session but this one ends; their sockets close. */
export async function endOtherSessionsAction(): Promise<ActionResult<{ ended: number }>> {
  const viewer = await requireViewer(ACCOUNT);
  const token = await currentSessionToken();
  const r = await runAction(() => ({ ended: token ? endOtherSessions(viewer.id, token) : 0 }));
  revalidatePath(ACCOUNT);
  return r;
}

export async function createApiTokenAction(_prev: unknown, form: FormData): Promise<ActionResult<{ value: string }>> {
  const viewer = await requireViewer(ACCOUNT);
  const r = await runAction(() => ({ value: createApiToken(viewer.id, str(form, 'name')).token }));
  revalidatePath(ACCOUNT);
  return r;
}

export async function revokeApiTokenAction(id: string): Promise<ActionResult> {
  const viewer = await requireViewer(ACCOUNT);
  const r = await runAction(() => revokeApiToken(viewer.id, id));
  revalidatePath(ACCOUNT);
  return r;
}

export async function deleteAccountAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(ACCOUNT);
  if (!DELETE_WORDS.includes(str(form, 'confirm').trim())) {
    const t = await getTranslations('account');
    return { ok: false, error: { code: 'invalid_input', message: t('delete.mismatch', { word: t('delete.word') }), field: 'confirm' }, at: Date.now() };
  }
  const r = await runAction(() => deleteAccount(viewer.id));
  if (!r?.ok) return r;
  await forgetSessionCookie();
  revalidatePath('/', 'layout');
  redirect('/compte/au-revoir');
}
