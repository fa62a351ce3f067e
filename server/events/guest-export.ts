/**
 * The guest list as CSV for the organisers (the same rows and the same addresses as the screen).
 * A spreadsheet runs a cell that starts with = + - @ (or a tab, a carriage return) as a formula:
 * such cells get a leading apostrophe, so a guest's name never runs in an organiser's sheet.
 */
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '@/db/schema';
import type { Viewer } from '@/server/policy';
import { listGuests } from './guests';

/** OWASP's CSV injection rule: neutralise what a spreadsheet would evaluate. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const HEADERS = {
  fr: ['Nom', 'Adresse', 'Réponse', 'Créneau', "Liste d'attente", 'Confirmé', 'Présent', 'Répondu le'],
  en: ['Name', 'Address', 'Answer', 'Slot', 'Waiting list', 'Confirmed', 'Attended', 'Answered on'],
};
const ANSWERS = {
  fr: { yes: 'oui', maybe: 'peut-être', no: 'non', none: 'sans réponse' },
  en: { yes: 'yes', maybe: 'maybe', no: 'no', none: 'no answer' },
};
const YES_NO: Record<Locale, [string, string]> = { fr: ['oui', 'non'], en: ['yes', 'no'] };

export function exportGuestsCsv(viewer: Viewer, eventId: string, opts: { locale?: Locale } = {}): string {
  const locale = opts.locale ?? 'fr';
  const { guests, slots } = listGuests(viewer, eventId, { locale });
  const [yes, no] = YES_NO[locale];
  const slotLabel = new Map(slots.map((s) => [s.id, [s.label, s.when].filter(Boolean).join(' ')]));
  const rows = guests.map((g) => [
    g.name,
    g.email ?? '',
    ANSWERS[locale][g.response ?? 'none'],
    g.slotId ? (slotLabel.get(g.slotId) ?? '') : '',
    g.position === null ? '' : String(g.position),
    g.confirmed ? yes : no,
    g.attended ? yes : no,
    g.respondedAt ? g.respondedAt.toISOString() : '',
  ]);
  // A byte-order mark, so a spreadsheet opens the accents right.
  return '\ufeff' + stringify([HEADERS[locale], ...rows].map((r) => r.map(neutraliseCell)));
}
