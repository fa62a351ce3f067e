/**
 * The part of the message catalogue a screen's client components use, and nothing more. The
 * root layout hands the browser `common` and `search` (the shell, the search dialog, the error
 * page); a screen wraps its content in `<ClientMessages ns={[…]}>` for the namespaces of its own
 * client components. Sending the whole catalogue (26 KB) with every page doubled the size of
 * its payload and cost rendering time on every request.
 */
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { NAMESPACES } from '@/lib/i18n/messages';

export type Namespace = (typeof NAMESPACES)[number];

/** What every page's client components need. */
export const SHELL_NAMESPACES: readonly Namespace[] = ['common', 'search'];

export async function pickMessages(ns: readonly Namespace[]): Promise<Record<string, unknown>> {
  const all = await getMessages();
  return Object.fromEntries([...new Set([...SHELL_NAMESPACES, ...ns])].filter((n) => n in all).map((n) => [n, all[n]]));
}

export async function ClientMessages({ ns, children }: { ns: readonly Namespace[]; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await pickMessages(ns)}>{children}</NextIntlClientProvider>;
}
