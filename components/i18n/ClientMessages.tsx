/**
 * The part of the message catalogue a screen's client components use. The root layout hands the
 * browser `common` and `search` (the shell, the search dialog, the error page) in its payload; a
 * screen wraps its content in `<ClientMessages ns={[…]}>` for the namespaces of its own client
 * components.
 *
 * Those come from the catalogue bundled with the client code (`ScreenMessagesFr` / `En`), not from
 * the payload: serialising a screen's namespaces into every response (17 KB on a section's page)
 * cost its render about 2 ms, and the browser downloaded them again on every page.
 */
import { getLocale, getMessages, getTimeZone } from 'next-intl/server';
import type { NAMESPACES } from '@/lib/i18n/messages';
import { ScreenMessagesEn } from './ScreenMessagesEn';
import { ScreenMessagesFr } from './ScreenMessagesFr';

export type Namespace = (typeof NAMESPACES)[number];

/** What every page's client components need. */
export const SHELL_NAMESPACES: readonly Namespace[] = ['common', 'search'];

/** A provider's messages replace its parent's: the shell's namespaces always come along. */
const withShell = (ns: readonly Namespace[]): Namespace[] => [...new Set([...SHELL_NAMESPACES, ...ns])];

/** The shell's namespaces and `ns`, from the request's catalogue (the root layout's provider). */
export async function pickMessages(ns: readonly Namespace[]): Promise<Record<string, unknown>> {
  const all = await getMessages();
  return Object.fromEntries(withShell(ns).filter((n) => n in all).map((n) => [n, all[n]]));
}

export async function ClientMessages({ ns, children }: { ns: readonly Namespace[]; children: React.ReactNode }) {
  const list = withShell(ns);
  const Provider = (await getLocale()) === 'en' ? ScreenMessagesEn : ScreenMessagesFr;
  return (
    <Provider ns={list} timeZone={await getTimeZone()}>
      {children}
    </Provider>
  );
}

