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

/** Told to a section's secretaries when one of its members joined another section; never says why. */
export function memberMovedMail(to: string, v: { person: string; from: string; section: string; url: string }, locale: Locale): Mail {
  const t = translators[locale];
  return { to, subject: t('memberMoved.subject', v), text: t('memberMoved.text', v) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * An invitation by e-mail to join a section (or a group): HTML and text. `expiry` is already
 * written out in the recipient's language and time zone; `message` is the inviter's own words.
 */
export function memberInvitationMail(
  to: string,
  v: { kind: 'section' | 'group'; space: string; inviter: string; message: string; url: string; expiry: string },
  locale: Locale,
): Mail {
  const t = translators[locale];
  const intro = t('memberInvitation.intro', { inviter: v.inviter, kind: v.kind, space: v.space });
  const message = v.message.trim();
  const text = [
    t('memberInvitation.greeting'),
    intro,
    message ? `${t('memberInvitation.messageLabel')}\n\n${message.replace(/^/gm, '> ')}` : null,
    `${t('memberInvitation.linkIntro')}\n\n${v.url}`,
    t('memberInvitation.expiry', { expiry: v.expiry }),
    t('memberInvitation.ignore'),
    t('memberInvitation.signature'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const p = (s: string) => `<p style="margin:0 0 16px">${s}</p>`;
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">`,
    p(escapeHtml(t('memberInvitation.greeting'))),
    p(escapeHtml(intro)),
    message
      ? `${p(escapeHtml(t('memberInvitation.messageLabel')))}<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #d1d5db;white-space:pre-wrap">${escapeHtml(message)}</blockquote>`
      : '',
    p(`<a href="${escapeHtml(v.url)}" style="display:inline-block;background:#b91c1c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(t('memberInvitation.action'))}</a>`),
    p(`${escapeHtml(t('memberInvitation.linkIntro'))}<br><a href="${escapeHtml(v.url)}">${escapeHtml(v.url)}</a>`),
    p(escapeHtml(t('memberInvitation.expiry', { expiry: v.expiry }))),
    p(`<small>${escapeHtml(t('memberInvitation.ignore'))}</small>`),
    p(escapeHtml(t('memberInvitation.signature'))),
    '</body></html>',
  ].join('\n');
  return { to, subject: t('memberInvitation.subject', { kind: v.kind, space: v.space }), text, html };
}

/**
 * To a space's deciders when requests to enter it arrive (a join, a transfer, a group on
 * request): at most one per decider, space and hour (the caller's dedupe key), naming nobody.
 */
export function joinRequestsWaitingMail(to: string, v: { space: string; url: string }, locale: Locale): Mail {
  const t = translators[locale];
  return { to, subject: t('joinRequestsWaiting.subject', v), text: t('joinRequestsWaiting.text', v) };
}

/**
 * To the person who asked to join a section (`join`), to move to it (`transfer`) or to join a
 * group: the decision and the decider's words (a decline's message), never who decided.
 */
export function joinRequestAnsweredMail(
  to: string,
  v: { kind: 'join' | 'transfer' | 'group'; accepted: boolean; space: string; answer: string; url: string },
  locale: Locale,
): Mail {
  const t = translators[locale];
  const key = v.accepted ? 'joinRequestAccepted' : 'joinRequestDeclined';
  const answer = v.answer.trim();
  const text = [
    t(`${key}.text`, { kind: v.kind, space: v.space }),
    v.accepted ? null : answer ? `${t('joinRequestDeclined.messageLabel')}\n\n${answer.replace(/^/gm, '> ')}` : t('joinRequestDeclined.noMessage'),
    v.url,
    '— Coopol',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { to, subject: t(`${key}.subject`, { kind: v.kind, space: v.space }), text };
}

type EventFacts = { title: string; when: string; place: string };

/** A mail about an event in HTML: paragraphs of text (escaped here) and buttons (label, url). */
function eventHtml(locale: Locale, blocks: ({ text: string } | { buttons: { label: string; url: string }[] } | { link: string; intro: string })[]): string {
  const p = (s: string) => `<p style="margin:0 0 16px">${s}</p>`;
  const button = (b: { label: string; url: string }) =>
    `<a href="${escapeHtml(b.url)}" style="display:inline-block;margin:0 8px 8px 0;background:#b91c1c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(b.label)}</a>`;
  const body = blocks.map((b) =>
    'text' in b ? p(escapeHtml(b.text).replace(/\n/g, '<br>')) : 'buttons' in b ? p(b.buttons.map(button).join(' ')) : p(`${escapeHtml(b.intro)}<br><a href="${escapeHtml(b.link)}">${escapeHtml(b.link)}</a>`),
  );
  return `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">\n${body.join('\n')}\n</body></html>`;
}

function eventFactLines(t: (typeof translators)['fr'], v: EventFacts): string {
  return [t('event.when', { when: v.when }), v.place ? t('event.where', { place: v.place }) : null].filter(Boolean).join('\n');
}

/**
 * An invitation to an event, or the reminder to answer it: three RSVP links that need no account
 * (oui / peut-être / non), the event's page when the guest may read it, the event as an `.ics`.
 */
export function eventInvitationMail(
  to: string,
  v: EventFacts & { inviter: string; links: { yes: string; maybe: string; no: string }; pageUrl: string | null; reminder: boolean; ics: string },
  locale: Locale,
): Mail {
  const t = translators[locale];
  const intro = v.reminder ? t('eventInvitation.reminderIntro', { title: v.title }) : t('eventInvitation.intro', { inviter: v.inviter, title: v.title });
  const answers = [
    { label: t('eventInvitation.yes'), url: v.links.yes },
    { label: t('eventInvitation.maybe'), url: v.links.maybe },
    { label: t('eventInvitation.no'), url: v.links.no },
  ];
  const text = [
    t('event.greeting'),
    intro,
    eventFactLines(t, v),
    `${t('eventInvitation.question')}\n\n${answers.map((a) => `${a.label} : ${a.url}`).join('\n\n')}`,
    v.pageUrl ? `${t('eventInvitation.page')}\n${v.pageUrl}` : null,
    t('eventInvitation.ics'),
    t('eventInvitation.privacy'),
    t('event.signature'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const html = eventHtml(locale, [
    { text: t('event.greeting') },
    { text: intro },
    { text: eventFactLines(t, v) },
    { text: t('eventInvitation.question') },
    { buttons: answers },
    ...(v.pageUrl ? [{ intro: t('eventInvitation.page'), link: v.pageUrl }] : []),
    { text: t('eventInvitation.ics') },
    { text: t('eventInvitation.privacy') },
    { text: t('event.signature') },
  ]);
  const subject = t(v.reminder ? 'eventInvitation.reminderSubject' : 'eventInvitation.subject', { title: v.title });
  return { to, subject, text, html, attachments: [{ filename: 'evenement.ics', content: v.ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] };
}

/** An anonymous visitor's answer to a public event counts once they open this link (the same mail whoever the address belongs to). */
export function eventRegistrationMail(to: string, v: EventFacts & { url: string }, locale: Locale): Mail {
  const t = translators[locale];
  const text = [t('event.greeting'), t('eventRegistration.intro', { title: v.title }), eventFactLines(t, v), `${t('eventRegistration.linkIntro')}\n\n${v.url}`, t('eventRegistration.ignore'), t('event.signature')].join('\n\n');
  const html = eventHtml(locale, [
    { text: t('event.greeting') },
    { text: t('eventRegistration.intro', { title: v.title }) },
    { text: eventFactLines(t, v) },
    { buttons: [{ label: t('eventRegistration.action'), url: v.url }] },
    { intro: t('eventRegistration.linkIntro'), link: v.url },
    { text: t('eventRegistration.ignore') },
    { text: t('event.signature') },
  ]);
  return { to, subject: t('eventRegistration.subject', { title: v.title }), text, html };
}

/** To the first in line when a seat frees: they now have it, and a link to give it up. */
export function eventPromotedMail(to: string, v: EventFacts & { url: string }, locale: Locale): Mail {
  const t = translators[locale];
  const text = [t('event.greeting'), t('eventPromoted.intro', { title: v.title }), eventFactLines(t, v), `${t('eventPromoted.linkIntro')}\n\n${v.url}`, t('event.signature')].join('\n\n');
  const html = eventHtml(locale, [
    { text: t('event.greeting') },
    { text: t('eventPromoted.intro', { title: v.title }) },
    { text: eventFactLines(t, v) },
    { intro: t('eventPromoted.linkIntro'), link: v.url },
    { text: t('event.signature') },
  ]);
  return { to, subject: t('eventPromoted.subject', { title: v.title }), text, html };
}
