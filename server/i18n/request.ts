/** next-intl's request configuration (named in next.config.js): server-only, it reads the session and the database. */
import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { eq, sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import { users } from '@/db/schema';
import { getSessionUserId } from '@/server/auth/current';
import { resolveLocale } from '@/lib/i18n/locale';
import { loadMessages } from '@/lib/i18n/messages';

/** The signed-in person's saved language wins; else cookie, else the browser, else French. */
export default getRequestConfig(async () => {
  const userId = await getSessionUserId().catch(() => null);
  const saved = userId
    ? prepared('locale', (d) => d.select({ locale: users.locale }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare()).get({ id: userId })?.locale
    : undefined;
  const locale = saved ?? (await resolveLocale(await cookies(), await headers()));
  return { locale, messages: await loadMessages(locale), timeZone: 'Europe/Paris' };
});
