import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { getSessionUserId } from '@/server/auth/current';
import { resolveLocale } from './locale';
import { loadMessages } from './messages';

/** The signed-in person's saved language wins; else cookie, else the browser, else French. */
export default getRequestConfig(async () => {
  const userId = await getSessionUserId().catch(() => null);
  const saved = userId ? db().select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get()?.locale : undefined;
  const locale = saved ?? (await resolveLocale(await cookies(), await headers()));
  return { locale, messages: await loadMessages(locale), timeZone: 'Europe/Paris' };
});
