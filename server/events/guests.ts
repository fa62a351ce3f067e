/**
 * An event's guests: invitations (a space's or a group's members, or addresses), answers (by an
 * account, by an RSVP link, or by an anonymous visitor of a public event who confirms their
 * address), the waiting list, the organisers' list and the check-in at the door.
 *
 * Privacy: a guest invited by address lives in `event_guests` only, attached to this event; it is
 * never matched to an account (an address that belongs to a member stays an address, and nothing
 * tells anyone so) and never copied into anyone's contacts. Addresses are shown to those who
 * manage the event's space, and, for guests invited by address, to the event's organisers.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Db } from '@/db/client';
import { eventGuests, eventSlots, events, memberships, pageVersions, users, type Locale } from '@/db/schema';
import { EVENT_RESPONSES, type EventGuestSource, type EventResponse } from '@/lib/domain/enums';
import { AppError } from '@/lib/errors';
import { foldText } from '@/lib/text/fold';
import { env } from '@/server/env';
import { queueBulkMail, queueMail, type Mail } from '@/server/mail/outbox';
import { eventInvitationMail, eventPromotedMail, eventRegistrationMail } from '@/server/mail/templates';
import { loadPage, type LoadedPage } from '@/server/pages/load-page';
import { authorizePage, authorizeSpace, canPage, managesSpace, type Viewer } from '@/server/policy';
import { getSpaceRow, toSpaceRef } from '@/server/spaces/queries';
import { displayName, sectionNameSql } from '@/server/users/display-name';
import { eventIcs } from './event-ics';
import { formatEventRange, formatTimeRange } from './event-time';
import { guestFromRsvpToken, issueRsvpToken, rsvpUrl } from './rsvp-tokens';
import { matchesGuestFilter, type GuestFilter } from '@/lib/events/guest-filter';
import { fillFreedSeats, hasSeat, seatsTaken, waitlistPosition, type EventRow, type GuestRow, type SlotRow } from './waitlist';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

/** Most guests one call invites (a section of several thousand members fits). */
export const MAX_INVITATIONS = 10_000;

export type EventContext = { page: LoadedPage; event: EventRow; slots: SlotRow[] };

/** The event page with its side table and slots; not_found for anything else (or a deleted page). */
export function loadEvent(eventId: string): EventContext {
  const page = loadPage(eventId);
  const event = db().select().from(events).where(eq(events.pageId, eventId)).get();
  if (!event || page.row.kind !== 'event') throw new AppError('not_found');
  const slots = db().select().from(eventSlots).where(eq(eventSlots.eventId, eventId)).orderBy(asc(eventSlots.position), asc(eventSlots.startsAt)).all();
  return { page, event, slots };
}

const isOver = (ctx: EventContext, now: Date) => ctx.event.endsAt.getTime() <= now.getTime();

function refuseIfOver(ctx: EventContext, now: Date): void {
  if (isOver(ctx, now)) throw new AppError('conflict', 'This event is over: answers are closed.', undefined, { key: 'eventOver' });
}

// ---------------------------------------------------------------------------------------------
// Mails

type Facts = { title: string; when: string; place: string };

/**
 * Mails say what was announced: the published version's title (a rename since is not published),
 * as the event's .ics does.
 */
function factsOf(ctx: EventContext, locale: Locale): Facts {
  const published = ctx.page.row.publishedVersionId
    ? db().select({ title: pageVersions.title }).from(pageVersions).where(eq(pageVersions.id, ctx.page.row.publishedVersionId)).get()?.title
    : undefined;
  return { title: published ?? ctx.page.row.title, when: formatEventRange(ctx.event.startsAt, ctx.event.endsAt, locale, ctx.event.timeZone), place: ctx.event.place };
}

/** Where a guest's mail goes, in which language (an account's own address and language). */
type Recipient = { email: string | null; locale: Locale };

function recipientsOf(tx: Pick<Db, 'select'>, guests: readonly GuestRow[]): Map<string, Recipient> {
  const userIds = guests.flatMap((g) => (g.userId ? [g.userId] : []));
  const accounts = userIds.length
    ? new Map(tx.select({ id: users.id, email: users.email, locale: users.locale, deletedAt: users.deletedAt }).from(users).where(inArray(users.id, userIds)).all().map((u) => [u.id, u]))
    : new Map();
  return new Map(
    guests.map((g) => {
      const account = g.userId ? accounts.get(g.userId) : undefined;
      if (g.userId) return [g.id, { email: account && !account.deletedAt ? account.email : null, locale: account?.locale ?? 'fr' }];
      return [g.id, { email: g.email, locale: 'fr' as Locale }];
    }),
  );
}

const pageUrl = (ctx: EventContext) => `${env().AUTH_URL}/pages/${ctx.page.row.id}`;

/** Stands for a guest's RSVP token in a mail rendered once for many guests (letters only: it survives HTML escaping and URLs). */
const TOKEN_SLOT = 'RSVPTOKENSLOT';

/**
 * The invitation (or reminder) of guests of one language: three links that need no account and
 * the event as an `.ics` attachment; the page's address for those who can read it (members, and
 * everyone for a public event). Rendered once, then each guest's token is put in its place.
 */
function invitationTemplate(ctx: EventContext, v: { locale: Locale; readable: boolean; inviter: string; ics: string; reminder: boolean }): Mail {
  return eventInvitationMail(
    '',
    {
      ...factsOf(ctx, v.locale),
      inviter: v.inviter,
      links: { yes: rsvpUrl(TOKEN_SLOT, 'yes'), maybe: rsvpUrl(TOKEN_SLOT, 'maybe'), no: rsvpUrl(TOKEN_SLOT, 'no') },
      pageUrl: v.readable ? pageUrl(ctx) : null,
      reminder: v.reminder,
      ics: v.ics,
    },
    v.locale,
  );
}

/** Queues the invitations (or reminders) of these guests at the outbox's bulk rate. */
export function queueInvitations(tx: Tx, ctx: EventContext, guests: readonly GuestRow[], opts: { reminder: boolean; now: Date }): number {
  if (guests.length === 0) return 0;
  const recipients = recipientsOf(tx, guests);
  // One calendar entry for all (PUBLISH: no reply buttons that would answer a no-reply address).
  const ics = eventIcs(ctx.event.pageId, { method: 'PUBLISH' });
  const templates = new Map<string, Mail>();
  let sent = 0;
  for (const g of guests) {
    const to = recipients.get(g.id);
    if (!to?.email) continue;
    const readable = ctx.page.row.visibility === 'public' || g.userId !== null;
    const key = `${to.locale}:${readable}`;
    if (!templates.has(key)) templates.set(key, invitationTemplate(ctx, { locale: to.locale, readable, inviter: ctx.page.space.name, ics, reminder: opts.reminder }));
    const tpl = templates.get(key)!;
    const token = issueRsvpToken(ctx.event.pageId, g.id, ctx.event.endsAt, opts.now.getTime());
    queueBulkMail(tx, { ...tpl, to: to.email, text: tpl.text.replaceAll(TOKEN_SLOT, token), html: tpl.html?.replaceAll(TOKEN_SLOT, token) });
    sent++;
  }
  return sent;
}

function tellPromoted(tx: Tx, ctx: EventContext, promoted: readonly GuestRow[], now: Date): void {
  if (promoted.length === 0) return;
  const recipients = recipientsOf(tx, promoted);
  for (const g of promoted) {
    const to = recipients.get(g.id);
    if (!to?.email) continue;
    const url = rsvpUrl(issueRsvpToken(ctx.event.pageId, g.id, ctx.event.endsAt, now.getTime()));
    queueMail(tx, eventPromotedMail(to.email, { ...factsOf(ctx, to.locale), url }, to.locale));
  }
}

/**
 * Seats may have freed because the organisers changed the event (more seats, a slot added or
 * widened): those waiting take them, in line order, and are told by mail, in `tx` (the change's
 * transaction).
 */
export function promoteAfterSeatsChange(tx: Tx, eventId: string, now = new Date()): GuestRow[] {
  const ctx = loadEvent(eventId);
  const promoted = fillFreedSeats(tx, ctx.event, ctx.slots);
  tellPromoted(tx, ctx, promoted, now);
  return promoted;
}

// ---------------------------------------------------------------------------------------------
// Invitations

const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

const inviteInput = z.object({
  spaceId: z.string().min(1).optional(),
  emails: z.array(z.string()).max(MAX_INVITATIONS).optional(),
});
export type InviteInput = z.input<typeof inviteInput>;

/** Splits a pasted list (one per line, or separated by commas or semicolons) into addresses. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Normalised, deduplicated addresses; an invalid one is refused by name (field `emails`). */
function parseAddresses(raw: readonly string[]): string[] {
  const out = new Set<string>();
  for (const r of raw) {
    const parsed = emailSchema.safeParse(r);
    if (!parsed.success) throw new AppError('invalid_input', `emails: not an e-mail address: ${r.slice(0, 100)}`, 'emails', { key: 'invalidAddress', values: { address: r.slice(0, 100) } });
    out.add(parsed.data);
  }
  return [...out];
}

export type InviteResult = { invited: number; alreadyInvited: number; mailed: number };

/**
 * Invites the members of a space (a section, or a group: the viewer must be able to list its
 * members) or a list of addresses. One row per person and event: those already invited are
 * counted, not invited again. Each new guest gets a mail, sent at the outbox's bulk rate.
 */
export function inviteGuests(viewer: Viewer, eventId: string, input: InviteInput, opts: { now?: Date } = {}): InviteResult {
  const now = opts.now ?? new Date();
  const ctx = loadEvent(eventId);
  authorizePage(viewer, 'manageEvent', ctx.page.ref);
  const parsed = inviteInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'body');
    throw new AppError('invalid_input', `${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, field);
  }
  const { spaceId, emails } = parsed.data;
  if ((spaceId === undefined) === (emails === undefined)) throw new AppError('invalid_input', 'Give either spaceId or emails.', spaceId ? 'emails' : 'spaceId');
  if (ctx.page.row.status !== 'published') throw new AppError('conflict', 'Publish the event before inviting guests.', undefined, { key: 'eventNotPublished' });
  refuseIfOver(ctx, now);
  const inviterId = viewer!.id;

  let people: { userId: string | null; email: string | null; source: EventGuestSource }[];
  if (spaceId !== undefined) {
    const space = getSpaceRow(spaceId);
    authorizeSpace(viewer, 'listMembers', toSpaceRef(space));
    const source: EventGuestSource = space.kind === 'group' ? 'group' : 'member';
    people = db()
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.spaceId, spaceId), isNull(users.deletedAt)))
      .all()
      .filter((m) => m.userId !== inviterId)
      .map((m) => ({ userId: m.userId, email: null, source }));
  } else {
    const addresses = parseAddresses(emails!);
    if (addresses.length === 0) throw new AppError('invalid_input', 'emails: give at least one address.', 'emails', { key: 'noAddress' });
    people = addresses.map((email) => ({ userId: null, email, source: 'email' as const }));
  }

  return db().transaction((tx) => {
    const existing = tx.select({ userId: eventGuests.userId, email: eventGuests.email }).from(eventGuests).where(eq(eventGuests.eventId, eventId)).all();
    const known = new Set(existing.flatMap((g) => [g.userId ? `u:${g.userId}` : null, g.email ? `e:${g.email}` : null].filter(Boolean) as string[]));
    const fresh = people.filter((p) => !known.has(p.userId ? `u:${p.userId}` : `e:${p.email}`));
    const created: GuestRow[] = [];
    for (let i = 0; i < fresh.length; i += 500) {
      const rows = fresh.slice(i, i + 500).map((p) => ({
        eventId,
        userId: p.userId,
        email: p.email,
        source: p.source,
        invitedBy: inviterId,
        invitedAt: now,
        // Invited people are who the organiser named: nothing to confirm.
        confirmedAt: now,
        createdAt: now,
      }));
      created.push(...tx.insert(eventGuests).values(rows).returning().all());
    }
    const mailed = queueInvitations(tx, ctx, created, { reminder: false, now });
    return { invited: created.length, alreadyInvited: people.length - fresh.length, mailed };
  });
}

// ---------------------------------------------------------------------------------------------
// Answers

const answerInput = z.object({
  response: z.enum(EVENT_RESPONSES),
  slotId: z.string().min(1).nullish(),
});
export type AnswerInput = z.input<typeof answerInput>;

function parseAnswer(input: unknown): { response: EventResponse; slotId: string | null } {
  const parsed = answerInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'response');
    throw new AppError('invalid_input', `${field}: ${field === 'response' ? 'expected yes, maybe or no' : 'invalid'}.`, field);
  }
  return { response: parsed.data.response, slotId: parsed.data.slotId ?? null };
}

function slotOf(ctx: EventContext, answer: { response: EventResponse; slotId: string | null }): SlotRow | null {
  if (answer.slotId === null) {
    if (ctx.slots.length > 0 && answer.response === 'yes') throw new AppError('invalid_input', 'slotId: choose a time slot.', 'slotId', { key: 'chooseSlot' });
    return null;
  }
  const slot = ctx.slots.find((s) => s.id === answer.slotId);
  if (!slot) throw new AppError('invalid_input', 'slotId: not a slot of this event.', 'slotId');
  return slot;
}

export type MyAnswer = { response: EventResponse | null; slotId: string | null; waitlisted: boolean; position: number | null; confirmed: boolean };

const answerOf = (tx: Pick<Db, 'select'>, g: GuestRow): MyAnswer => ({
  response: g.response,
  slotId: g.slotId,
  waitlisted: g.waitlisted,
  position: waitlistPosition(tx, g),
  confirmed: g.confirmedAt !== null,
});

/**
 * Records a guest's answer: a « oui » takes a seat or joins the waiting list; giving a seat up
 * (another answer, another slot) promotes those waiting, who are told by mail. Every answer comes
 * from the guest (signed in, or from their mailbox through an RSVP link), so it confirms an
 * anonymous sign-up.
 */
function recordAnswer(tx: Tx, ctx: EventContext, guest: GuestRow, raw: unknown, opts: { now: Date }): GuestRow {
  const answer = parseAnswer(raw);
  const slot = slotOf(ctx, answer);
  const slotId = answer.response === 'no' ? null : (slot?.id ?? null);
  const confirmedAt = guest.confirmedAt ?? opts.now;
  const unchangedYes = answer.response === 'yes' && guest.response === 'yes' && guest.slotId === slotId && guest.confirmedAt !== null;
  let next: Partial<GuestRow>;
  if (unchangedYes) {
    // Saying « oui » again keeps the seat, or the place in line.
    next = { respondedAt: opts.now };
  } else if (answer.response === 'yes') {
    // Off the seats first (a change of slot gives one up), then seated if one is free.
    tx.update(eventGuests).set({ response: 'yes', slotId, confirmedAt, waitlisted: true, waitlistedAt: opts.now }).where(eq(eventGuests.id, guest.id)).run();
    const seat = hasSeat(tx, ctx.event, slot);
    next = { respondedAt: opts.now, waitlisted: !seat, waitlistedAt: seat ? null : opts.now };
  } else {
    next = { response: answer.response, slotId, confirmedAt, respondedAt: opts.now, waitlisted: false, waitlistedAt: null };
  }
  const updated = tx.update(eventGuests).set(next).where(eq(eventGuests.id, guest.id)).returning().get()!;
  tellPromoted(tx, ctx, fillFreedSeats(tx, ctx.event, ctx.slots), opts.now);
  return updated;
}

/**
 * A signed-in person answers an event they may answer (`rsvp`: a published event they read):
 * their invitation's row, or a new `self` row.
 */
export function respond(viewer: Viewer, eventId: string, input: AnswerInput, opts: { now?: Date } = {}): MyAnswer {
  const now = opts.now ?? new Date();
  const ctx = loadEvent(eventId);
  authorizePage(viewer, 'rsvp', ctx.page.ref);
  if (!viewer) throw new AppError('unauthorized');
  refuseIfOver(ctx, now);
  return db().transaction((tx) => {
    const guest =
      tx.select().from(eventGuests).where(and(eq(eventGuests.eventId, eventId), eq(eventGuests.userId, viewer.id))).get() ??
      tx.insert(eventGuests).values({ eventId, userId: viewer.id, source: 'self', confirmedAt: now, createdAt: now }).returning().get();
    return answerOf(tx, recordAnswer(tx, ctx, guest, input, { now }));
  });
}

/** The guest an RSVP link names answers (no account needed); this also confirms an anonymous sign-up. */
export function respondWithToken(token: string, input: AnswerInput, opts: { now?: Date } = {}): MyAnswer {
  const now = opts.now ?? new Date();
  const guest = guestFromRsvpToken(token, { now: now.getTime() });
  const ctx = loadEvent(guest.eventId);
  if (ctx.page.row.deletedAt) throw new AppError('not_found');
  refuseIfOver(ctx, now);
  return db().transaction((tx) => {
    const fresh = tx.select().from(eventGuests).where(eq(eventGuests.id, guest.id)).get();
    if (!fresh) throw new AppError('not_found');
    return answerOf(tx, recordAnswer(tx, ctx, fresh, input, { now }));
  });
}

const registrationInput = z.object({
  response: z.enum(EVENT_RESPONSES),
  email: z.string(),
  name: z.string().trim().min(1).max(100),
  slotId: z.string().min(1).nullish(),
});
export type RegistrationInput = z.input<typeof registrationInput>;

/**
 * An anonymous visitor of a public event answers with a name and an address: nothing counts
 * until they open the link mailed to that address. Whatever the address (new, already
 * registered, invited, or an account's), the answer and the work are the same: one mail with
 * that guest's link. An answer already confirmed changes only through that link.
 */
export function registerAnonymously(eventId: string, input: RegistrationInput, opts: { now?: Date } = {}): { status: 'confirmation_sent' } {
  const now = opts.now ?? new Date();
  const ctx = loadEvent(eventId);
  authorizePage(null, 'rsvp', ctx.page.ref);
  const parsed = registrationInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'body');
    throw new AppError('invalid_input', `${field}: invalid.`, field);
  }
  const email = emailSchema.safeParse(parsed.data.email);
  if (!email.success) throw new AppError('invalid_input', 'email: not an e-mail address.', 'email');
  const answer = { response: parsed.data.response, slotId: parsed.data.slotId ?? null };
  const slot = slotOf(ctx, answer);
  refuseIfOver(ctx, now);
  db().transaction((tx) => {
    const found = tx.select().from(eventGuests).where(and(eq(eventGuests.eventId, eventId), eq(eventGuests.email, email.data))).get();
    const pending = { response: answer.response, slotId: answer.response === 'no' ? null : (slot?.id ?? null), name: parsed.data.name };
    const guest = !found
      ? tx.insert(eventGuests).values({ eventId, email: email.data, source: 'public', createdAt: now, ...pending }).returning().get()
      : found.confirmedAt === null
        ? tx.update(eventGuests).set(pending).where(eq(eventGuests.id, found.id)).returning().get()!
        : found;
    const url = rsvpUrl(issueRsvpToken(eventId, guest.id, ctx.event.endsAt, now.getTime()), answer.response);
    // At most one a minute per address and event: the form cannot be used to flood a mailbox.
    queueMail(tx, eventRegistrationMail(email.data, { ...factsOf(ctx, 'fr'), url }, 'fr'), `event-registration:${guest.id}:${Math.floor(now.getTime() / 60_000)}`);
  });
  return { status: 'confirmation_sent' };
}

// ---------------------------------------------------------------------------------------------
// What the event page and the RSVP link show

export type SlotView = { id: string; label: string; when: string; capacity: number | null; remaining: number | null };
export type RsvpBoxView = {
  /** The viewer may answer here (signed in) or register (anonymous, public event). */
  canAnswer: boolean;
  anonymous: boolean;
  ended: boolean;
  mine: MyAnswer | null;
  capacity: number | null;
  remaining: number | null;
  slots: SlotView[];
  /** The organisers' counts and link (manageEvent). */
  manage: { registered: number; attended: number; waitlisted: number } | null;
};

function slotViews(tx: Pick<Db, 'select'>, ctx: EventContext, locale: Locale): SlotView[] {
  return ctx.slots.map((s) => ({
    id: s.id,
    label: s.label,
    when: formatTimeRange(s.startsAt, s.endsAt, locale, ctx.event.timeZone),
    capacity: s.capacity,
    remaining: s.capacity === null ? null : Math.max(0, s.capacity - seatsTaken(tx, ctx.event.pageId, s.id)),
  }));
}

const remainingOf = (ctx: EventContext) => (ctx.event.capacity === null ? null : Math.max(0, ctx.event.capacity - seatsTaken(db(), ctx.event.pageId)));

/** The RSVP box of the event page, for this viewer (seat counts only: no names). */
export function rsvpBoxView(viewer: Viewer, eventId: string, opts: { locale?: Locale; now?: Date } = {}): RsvpBoxView {
  const now = opts.now ?? new Date();
  const ctx = loadEvent(eventId);
  authorizePage(viewer, 'read', ctx.page.ref);
  const d = db();
  const mineRow = viewer ? d.select().from(eventGuests).where(and(eq(eventGuests.eventId, eventId), eq(eventGuests.userId, viewer.id))).get() : undefined;
  const manage = canPage(viewer, 'manageEvent', ctx.page.ref);
  const ended = isOver(ctx, now);
  return {
    canAnswer: canPage(viewer, 'rsvp', ctx.page.ref) && !ended,
    anonymous: viewer === null,
    ended,
    mine: mineRow ? answerOf(d, mineRow) : null,
    capacity: ctx.event.capacity,
    remaining: remainingOf(ctx),
    slots: slotViews(d, ctx, opts.locale ?? 'fr'),
    manage: manage ? countsOf(d, eventId) : null,
  };
}

export type TokenView = {
  title: string;
  when: string;
  place: string;
  ended: boolean;
  /** The page's address when the guest can read it (public event, or a member's invitation). */
  pageUrl: string | null;
  mine: MyAnswer;
  slots: SlotView[];
};

/** What the page of an RSVP link shows: the event and this guest's own answer, nothing of anyone else. */
export function rsvpTokenView(token: string, opts: { locale?: Locale; now?: Date } = {}): TokenView {
  const now = opts.now ?? new Date();
  const guest = guestFromRsvpToken(token, { now: now.getTime() });
  const ctx = loadEvent(guest.eventId);
  if (ctx.page.row.deletedAt) throw new AppError('not_found');
  const locale = opts.locale ?? 'fr';
  const d = db();
  return {
    ...factsOf(ctx, locale),
    ended: isOver(ctx, now),
    pageUrl: ctx.page.row.visibility === 'public' || guest.userId !== null ? `/pages/${ctx.page.row.id}` : null,
    mine: answerOf(d, guest),
    slots: slotViews(d, ctx, locale),
  };
}

// ---------------------------------------------------------------------------------------------
// The organisers' list and the check-in

export { GUEST_FILTERS, type GuestFilter } from '@/lib/events/guest-filter';

export type GuestCounts = { invited: number; registered: number; maybe: number; no: number; none: number; waitlisted: number; pending: number; attended: number };

export type GuestListItem = {
  id: string;
  name: string;
  /** Shown to those who manage the space, and for guests an organiser invited by address. */
  email: string | null;
  source: EventGuestSource;
  response: EventResponse | null;
  slotId: string | null;
  waitlisted: boolean;
  position: number | null;
  /** An anonymous sign-up whose address is not confirmed yet counts nowhere. */
  confirmed: boolean;
  attended: boolean;
  respondedAt: Date | null;
};

function countsOf(tx: Pick<Db, 'select'>, eventId: string): GuestCounts {
  const rows = tx
    .select({ response: eventGuests.response, waitlisted: eventGuests.waitlisted, confirmedAt: eventGuests.confirmedAt, attended: eventGuests.attended })
    .from(eventGuests)
    .where(eq(eventGuests.eventId, eventId))
    .all();
  const c: GuestCounts = { invited: 0, registered: 0, maybe: 0, no: 0, none: 0, waitlisted: 0, pending: 0, attended: 0 };
  for (const r of rows) {
    c.invited++;
    if (r.attended) c.attended++;
    if (r.confirmedAt === null) c.pending++;
    else if (r.response === 'yes') c[r.waitlisted ? 'waitlisted' : 'registered']++;
    else if (r.response === 'maybe') c.maybe++;
    else if (r.response === 'no') c.no++;
    else c.none++;
  }
  return c;
}

export type GuestList = { guests: GuestListItem[]; counts: GuestCounts; slots: SlotView[]; showsAddresses: boolean };

/** The organisers' list (manageEvent): everyone attached to the event, with their answers. */
export function listGuests(viewer: Viewer, eventId: string, opts: { q?: string; response?: GuestFilter; locale?: Locale } = {}): GuestList {
  const ctx = loadEvent(eventId);
  authorizePage(viewer, 'manageEvent', ctx.page.ref);
  const locale = opts.locale ?? 'fr';
  const managesTheSpace = managesSpace(viewer, ctx.page.ref.space);
  const d = db();
  const rows = d
    .select({ guest: eventGuests, userName: users.name, userEmail: users.email, userDeletedAt: users.deletedAt, sectionName: sectionNameSql(eventGuests.userId) })
    .from(eventGuests)
    .leftJoin(users, eq(users.id, eventGuests.userId))
    .where(eq(eventGuests.eventId, eventId))
    .orderBy(asc(eventGuests.createdAt), asc(eventGuests.id))
    .all();
  // Places in line, per slot (or for the event), from the rows already read.
  const lines = new Map<string, GuestRow[]>();
  for (const { guest: g } of rows) {
    if (!g.waitlisted || g.confirmedAt === null) continue;
    const key = g.slotId ?? '';
    lines.set(key, [...(lines.get(key) ?? []), g]);
  }
  const position = new Map<string, number>();
  for (const line of lines.values()) {
    line.sort((a, b) => (a.waitlistedAt?.getTime() ?? 0) - (b.waitlistedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
    line.forEach((g, i) => position.set(g.id, i + 1));
  }
  const unnamed = locale === 'en' ? 'Guest invited by e-mail' : 'Invité·e par e-mail';
  const all: GuestListItem[] = rows.map(({ guest: g, userName, userEmail, userDeletedAt, sectionName }) => {
    const addressShown = managesTheSpace || g.source === 'email';
    const email = g.userId ? (managesTheSpace ? userEmail : null) : addressShown ? g.email : null;
    const name = g.userId ? displayName({ name: userName, deletedAt: userDeletedAt }, { sectionName, locale }) : (g.name ?? email ?? unnamed);
    return {
      id: g.id,
      name,
      email,
      source: g.source,
      response: g.response,
      slotId: g.slotId,
      waitlisted: g.waitlisted,
      position: position.get(g.id) ?? null,
      confirmed: g.confirmedAt !== null,
      attended: g.attended,
      respondedAt: g.respondedAt,
    };
  });
  const needle = opts.q ? foldText(opts.q.trim()) : '';
  const guests = all.filter((g) => matchesGuestFilter(g, opts.response) && (!needle || foldText(`${g.name} ${g.email ?? ''}`).includes(needle)));
  guests.sort((a, b) => a.name.localeCompare(b.name, locale));
  return { guests, counts: countsOf(d, eventId), slots: slotViews(d, ctx, locale), showsAddresses: managesTheSpace };
}

/** Marks a guest present (or not) at the door; returns the event's counts. */
export function checkIn(viewer: Viewer, eventId: string, guestId: string, attended: boolean, opts: { now?: Date } = {}): GuestCounts {
  const now = opts.now ?? new Date();
  const ctx = loadEvent(eventId);
  authorizePage(viewer, 'manageEvent', ctx.page.ref);
  if (typeof attended !== 'boolean') throw new AppError('invalid_input', 'attended: expected true or false.', 'attended');
  return db().transaction((tx) => {
    const res = tx
      .update(eventGuests)
      .set({ attended, attendedAt: attended ? now : null })
      .where(and(eq(eventGuests.id, guestId), eq(eventGuests.eventId, eventId)))
      .run();
    if (res.changes === 0) throw new AppError('not_found');
    return countsOf(tx, eventId);
  });
}
