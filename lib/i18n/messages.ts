/**
 * The message catalogue is split by namespace (one JSON file per area of the app, in
 * `messages/<locale>/<namespace>.json`) so each area is edited on its own.
 */
import type { Locale } from '@/lib/domain/enums';

export const NAMESPACES = ['common', 'auth', 'home', 'spaces', 'pages', 'account', 'admin', 'errors', 'editor', 'search', 'history', 'motions', 'membership', 'rsvp', 'events'] as const;

const loaded = new Map<Locale, Promise<Record<string, unknown>>>();

/** The catalogue of a locale, read once per process (it was imported again on every request). */
export function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = Promise.all(NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const)).then(Object.fromEntries);
    messages.catch(() => loaded.delete(locale)); // a failed read is tried again next time
    loaded.set(locale, messages);
  }
  return messages;
}
