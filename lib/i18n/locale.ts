import type { Locale } from '@/lib/domain/enums';

export const LOCALE_COOKIE = 'coopol-locale';

type CookieReader = { get(name: string): { value: string } | undefined };
type HeaderReader = { get(name: string): string | null };

/**
 * French first: the person's saved choice (mirrored in a cookie when they sign in or switch),
 * else the browser's preference if it asks for English, else French.
 */
export async function resolveLocale(cookies: CookieReader, headers: HeaderReader): Promise<Locale> {
  const saved = cookies.get(LOCALE_COOKIE)?.value;
  if (saved === 'fr' || saved === 'en') return saved;
  const accept = headers.get('accept-language') ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}
