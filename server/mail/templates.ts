/**
 * The mails Coopol sends, from the `mail` part of the message catalogue (server-only: it is not
 * one of the namespaces sent to the browser), in the recipient's language.
 */
import { createTranslator } from 'next-intl';
import type { Locale } from '@/db/schema';
import fr from '@/lib/i18n/messages/fr/mail.json';
import en from '@/lib/i18n/messages/en/mail.json';
import type { Mail } from './outbox';

const translators = {
  fr: createTranslator({ locale: 'fr', messages: { mail: fr }, namespace: 'mail' }),
  en: createTranslator({ locale: 'en', messages: { mail: en }, namespace: 'mail' }),
};

/** `validity`: how long the link lasts, as words ("1 heure"; server/auth/sign-in-link.ts). */
export function signInMail(to: string, url: string, opts: { locale: Locale; validity: string }): Mail {
  const t = translators[opts.locale];
  return { to, subject: t('signIn.subject'), text: t('signIn.text', { url, validity: opts.validity }) };
}

export function emailChangeMail(to: string, url: string, locale: Locale): Mail {
  const t = translators[locale];
  return { to, subject: t('emailChange.subject'), text: t('emailChange.text', { url }) };
}

/** A group's animator invites someone: the invitee accepts or declines on /groupes. */
export function groupInvitationMail(to: string, v: { group: string; inviter: string; url: string }, locale: Locale): Mail {
  const t = translators[locale];
  return { to, subject: t('groupInvitation.subject', v), text: t('groupInvitation.text', v) };
}

/** Told to a group's animators when someone's membership ended; never says why. */
export function memberLeftMail(to: string, v: { group: string; person: string; url: string }, locale: Locale): Mail {
  const t = translators[locale];
  return { to, subject: t('memberLeft.subject', v), text: t('memberLeft.text', v) };
}

/** To an address someone asked to move their account to, when another account already uses it. */
export function emailInUseMail(to: string, locale: Locale): Mail {
  const t = translators[locale];
  return { to, subject: t('emailInUse.subject'), text: t('emailInUse.text') };
}
