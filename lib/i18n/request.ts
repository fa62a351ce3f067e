import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { resolveLocale } from './locale';
import { loadMessages } from './messages';

export default getRequestConfig(async () => {
  const locale = await resolveLocale(await cookies(), await headers());
  return { locale, messages: await loadMessages(locale), timeZone: 'Europe/Paris' };
});
