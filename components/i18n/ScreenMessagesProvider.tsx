'use client';
import { NextIntlClientProvider } from 'next-intl';
import type { Namespace } from './ClientMessages';

export type ScreenMessagesProps = { ns: readonly Namespace[]; timeZone: string; children: React.ReactNode };

/** The namespaces a screen asked for, one object per catalogue and list (its identity stays across renders). */
const picked = new WeakMap<object, Map<string, Record<string, unknown>>>();

function pick(catalogue: Record<Namespace, unknown>, ns: readonly Namespace[]): Record<string, unknown> {
  let byKey = picked.get(catalogue);
  if (!byKey) picked.set(catalogue, (byKey = new Map()));
  const key = ns.join(',');
  let messages = byKey.get(key);
  if (!messages) byKey.set(key, (messages = Object.fromEntries(ns.map((n) => [n, catalogue[n]]))));
  return messages;
}

/** next-intl's client provider over part of a bundled catalogue (see ClientMessages). */
export function ScreenMessagesProvider({ catalogue, locale, ns, timeZone, children }: ScreenMessagesProps & { catalogue: Record<Namespace, unknown>; locale: 'fr' | 'en' }) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={pick(catalogue, ns)}>
      {children}
    </NextIntlClientProvider>
  );
}
