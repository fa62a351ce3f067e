/**
 * The message catalogue is split by namespace (one JSON file per area of the app, in
 * `messages/<locale>/<namespace>.json`) so each area is edited on its own.
 */
import type { Locale } from '@/db/schema/users';

export const NAMESPACES = ['common', 'auth', 'home', 'spaces', 'pages', 'account', 'admin', 'errors', 'editor', 'search', 'history'] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
