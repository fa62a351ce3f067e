'use server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { signOut } from '@/server/auth/auth';
import { notifyAccessChanged } from '@/server/collab/bridge';
import { getSessionUserId } from '@/server/auth/current';
import { setLocale } from '@/server/users/account-service';

export async function signOutAction(): Promise<void> {
  try {
    await signOut({ redirectTo: '/connexion?reason=signed-out' });
  } finally {
    // signOut ends by throwing its redirect: the session is gone by then, so the live editors it
    // opened close now (4401), not at the next periodic re-check.
    notifyAccessChanged();
  }
}

export async function setLocaleAction(locale: 'fr' | 'en'): Promise<void> {
  if (locale !== 'fr' && locale !== 'en') return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 86400, sameSite: 'lax' });
  const userId = await getSessionUserId();
  if (userId) setLocale(userId, locale);
  revalidatePath('/', 'layout');
}
