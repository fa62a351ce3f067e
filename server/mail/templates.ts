import type { Locale } from '@/db/schema';
import type { Mail } from './outbox';

/** Mails are written here in both languages (the catalogue in lib/i18n serves the UI). */
export function signInMail(to: string, url: string, locale: Locale): Mail {
  if (locale === 'en') {
    return {
      to,
      subject: 'Your Coopol sign-in link',
      text: `Hello,\n\nTo sign in to Coopol, open this link (valid for 24 hours, usable once):\n\n${url}\n\nIf you did not ask for it, ignore this message.\n\n— Coopol`,
    };
  }
  return {
    to,
    subject: 'Votre lien de connexion à Coopol',
    text: `Bonjour,\n\nPour vous connecter à Coopol, ouvrez ce lien (valable 24 heures, une seule fois) :\n\n${url}\n\nSi vous n'avez rien demandé, ignorez ce message.\n\n— Coopol`,
  };
}
