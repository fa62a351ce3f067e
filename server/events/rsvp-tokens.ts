/**
 * The RSVP links of invitation mails (oui / peut-être / non) and of anonymous registrations:
 * a signed token naming one guest of one event (subject `eventId:guestId`), valid until the
 * event ends, usable again (a guest may change their answer). Opening one needs no account: the
 * token is the credential, so it proves only that this guest's mailbox was opened.
 */
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { eventGuests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { issueToken, readToken } from '@/server/tokens/signed-token';
import { env } from '@/server/env';

export const RSVP_PURPOSE = 'event-rsvp';

/** A token for this guest of this event, expiring when the event ends. */
export function issueRsvpToken(eventId: string, guestId: string, endsAt: Date, now = Date.now()): string {
  return issueToken({ purpose: RSVP_PURPOSE, subject: `${eventId}:${guestId}`, ttlMs: endsAt.getTime() - now });
}

/** The link a mail carries; `response` pre-chooses the answer shown on the page (nothing is recorded by opening it). */
export function rsvpUrl(token: string, response?: 'yes' | 'maybe' | 'no'): string {
  return `${env().AUTH_URL}/rsvp/${token}${response ? `?r=${response}` : ''}`;
}

export type GuestRow = typeof eventGuests.$inferSelect;

/**
 * The guest a token names. Forged, expired or malformed → `invalid_input` (400, field `token`);
 * a guest that no longer exists, or whose event is not the one the token names (or the one the
 * caller expects) → `not_found` (404).
 */
export function guestFromRsvpToken(token: string, opts: { eventId?: string; now?: number } = {}): GuestRow {
  const { subject } = readToken(token, RSVP_PURPOSE, opts.now);
  const [eventId, guestId, ...rest] = subject.split(':');
  if (!eventId || !guestId || rest.length) throw new AppError('invalid_input', 'This link is not valid.', 'token', { key: 'linkInvalid' });
  if (opts.eventId !== undefined && opts.eventId !== eventId) throw new AppError('not_found');
  const guest = db().select().from(eventGuests).where(eq(eventGuests.id, guestId)).get();
  if (!guest || guest.eventId !== eventId) throw new AppError('not_found');
  return guest;
}
