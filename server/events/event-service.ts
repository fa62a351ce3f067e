/**
 * Events: a page of kind `event` (its body is the agenda, co-edited live) with a side table of
 * dates, place, capacity and time slots. Created through createPage so the page and its `events`
 * row are written in one transaction; read through the page's policy. Counts of answers only:
 * who answered belongs to the guest lists (server/events/guests.ts), read by the organisers.
 */
import { and, asc, count, eq, isNotNull, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { events, eventGuests, eventSlots, pages, VISIBILITIES } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/parse-input';
import { titleSchema } from '@/lib/text/title';
import { pageTemplate } from '@/lib/pages/templates';
import { authorizePage, canPage, pageAbilities, type Viewer } from '@/server/policy';
import { createPage, readLoadedPage } from '@/server/pages/page-service';
import { loadPage } from '@/server/pages/load-page';
import { DEFAULT_TIME_ZONE, formatEventRange, isTimeZone, parseInstant } from './event-time';
import { promoteAfterSeatsChange } from './guests';
import { eventUrl } from './event-ics';

export const MAX_SLOTS = 50;
const MAX_CAPACITY = 100_000;

const capacity = z.number().int().min(1).max(MAX_CAPACITY).nullable().optional();
const instant = z.union([z.string().max(40), z.date()]);

const slotInput = z.object({
  label: z.string().trim().max(120).optional(),
  startsAt: instant,
  endsAt: instant,
  capacity,
});

const eventFields = {
  startsAt: instant,
  endsAt: instant,
  timeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone, such as Europe/Paris').optional(),
  place: z.string().trim().max(500).default(''),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  capacity,
  slots: z.array(slotInput).max(MAX_SLOTS).optional(),
};

export const createEventInput = z.object({
  title: titleSchema(),
  ...eventFields,
  visibility: z.enum(VISIBILITIES).default('space'),
  /** Published by default: an event is on the agenda, and answered, once it is announced. */
  status: z.enum(['draft', 'published']).default('published'),
  /** The agenda (Markdown); the kind's template when absent. */
  markdown: z.string().max(200_000).optional(),
});
export type CreateEventInput = z.input<typeof createEventInput>;

export const updateEventInput = z.object({
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  timeZone: eventFields.timeZone,
  place: z.string().trim().max(500).optional(),
  lat: eventFields.lat,
  lng: eventFields.lng,
  capacity,
  /** The whole list: slots kept carry their `id` (their guests stay in them), the others go. */
  slots: z.array(slotInput.extend({ id: z.string().max(64).optional() })).max(MAX_SLOTS).optional(),
});
export type UpdateEventInput = z.input<typeof updateEventInput>;

type SlotIn = { id?: string; label?: string; startsAt: string | Date; endsAt: string | Date; capacity?: number | null };
type CheckedSlot = { id?: string; label: string; startsAt: Date; endsAt: Date; capacity: number | null };

const toInstant = (v: string | Date, field: string, tz: string) => (v instanceof Date ? v : parseInstant(v, field, tz));

/** Dates read in the event's zone, end after start, every slot inside the event: else a 400 naming the field. */
function checkDates(startsIn: string | Date, endsIn: string | Date, slotsIn: SlotIn[] | undefined, tz: string) {
  const startsAt = toInstant(startsIn, 'startsAt', tz);
  const endsAt = toInstant(endsIn, 'endsAt', tz);
  if (endsAt.getTime() <= startsAt.getTime()) throw new AppError('invalid_input', 'endsAt: the event must end after it starts.', 'endsAt');
  const slots: CheckedSlot[] | undefined = slotsIn?.map((s, i) => {
    const a = toInstant(s.startsAt, `slots.${i}.startsAt`, tz);
    const b = toInstant(s.endsAt, `slots.${i}.endsAt`, tz);
    if (b.getTime() <= a.getTime()) throw new AppError('invalid_input', `slots.${i}.endsAt: a slot must end after it starts.`, `slots.${i}.endsAt`);
    if (a.getTime() < startsAt.getTime()) throw new AppError('invalid_input', `slots.${i}.startsAt: a slot starts within the event.`, `slots.${i}.startsAt`);
    if (b.getTime() > endsAt.getTime()) throw new AppError('invalid_input', `slots.${i}.endsAt: a slot ends within the event.`, `slots.${i}.endsAt`);
    return { id: s.id, label: s.label ?? '', startsAt: a, endsAt: b, capacity: s.capacity ?? null };
  });
  return { startsAt, endsAt, slots };
}

type Tx = Pick<ReturnType<typeof db>, 'insert' | 'update' | 'delete' | 'select'>;

function insertSlots(tx: Tx, eventId: string, slots: CheckedSlot[], from = 0): void {
  slots.forEach((s, i) => {
    tx.insert(eventSlots).values({ eventId, label: s.label, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, position: from + i }).run();
  });
}

/**
 * A new event in `spaceId`: its page (kind `event`, the kind's template as agenda) and its dates,
 * place and slots, in one transaction. Instants are ISO 8601 with an offset, or wall-clock times
 * read in `timeZone` (Europe/Paris).
 */
export function createEvent(viewer: Viewer, spaceId: string, raw: CreateEventInput, opts: { locale?: string } = {}): { pageId: string } {
  if (!viewer) throw new AppError('unauthorized');
  const input = parseInput(createEventInput, raw);
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const { startsAt, endsAt, slots } = checkDates(input.startsAt, input.endsAt, input.slots, timeZone);
  const now = new Date();
  const page = createPage(
    viewer,
    { spaceId, kind: 'event', title: input.title, visibility: input.visibility, status: input.status, markdown: input.markdown ?? pageTemplate('event', opts.locale ?? 'fr') },
    (tx, row) => {
      tx.insert(events)
        .values({ pageId: row.id, startsAt, endsAt, timeZone, place: input.place, lat: input.lat ?? null, lng: input.lng ?? null, capacity: input.capacity ?? null, createdAt: now, updatedAt: now })
        .run();
      if (slots) insertSlots(tx, row.id, slots);
    },
  );
  return { pageId: page.id };
}

function eventRow(pageId: string) {
  return db().select().from(events).where(eq(events.pageId, pageId)).get();
}

/** The page of an event the viewer may read (else not_found, also for a page of another kind). */
function loadEventPage(viewer: Viewer, pageId: string) {
  const loaded = loadPage(pageId);
  authorizePage(viewer, 'read', loaded.ref);
  const row = loaded.row.kind === 'event' ? eventRow(pageId) : undefined;
  if (!row) throw new AppError('not_found');
  return { loaded, event: row };
}

/** Changes an event's dates, place, capacity or slots (its organisers: `manageEvent`). */
export function updateEvent(viewer: Viewer, pageId: string, raw: UpdateEventInput): EventView {
  if (!viewer) throw new AppError('unauthorized');
  const { loaded, event } = loadEventPage(viewer, pageId);
  authorizePage(viewer, 'manageEvent', loaded.ref);
  const patch = parseInput(updateEventInput, raw);
  const timeZone = patch.timeZone ?? event.timeZone;
  const currentSlots = db().select().from(eventSlots).where(eq(eventSlots.eventId, pageId)).orderBy(asc(eventSlots.position)).all();
  const slotsIn: SlotIn[] = patch.slots ?? currentSlots;
  const { startsAt, endsAt, slots } = checkDates(patch.startsAt ?? event.startsAt, patch.endsAt ?? event.endsAt, slotsIn, timeZone);
  const known = new Set(currentSlots.map((s) => s.id));
  slots?.forEach((s, i) => {
    if (s.id && !known.has(s.id)) throw new AppError('invalid_input', `slots.${i}.id: not a slot of this event.`, `slots.${i}.id`);
  });
  const now = new Date();
  db().transaction((tx) => {
    tx.update(events)
      .set({
        startsAt,
        endsAt,
        timeZone,
        place: patch.place ?? event.place,
        lat: patch.lat !== undefined ? patch.lat : event.lat,
        lng: patch.lng !== undefined ? patch.lng : event.lng,
        capacity: patch.capacity !== undefined ? patch.capacity : event.capacity,
        updatedAt: now,
      })
      .where(eq(events.pageId, pageId))
      .run();
    if (patch.slots && slots) {
      const kept = new Set(slots.flatMap((s) => (s.id ? [s.id] : [])));
      // A removed slot's guests keep their answer, without a slot (slotId set null by the schema).
      for (const s of currentSlots) if (!kept.has(s.id)) tx.delete(eventSlots).where(eq(eventSlots.id, s.id)).run();
      slots.forEach((s, i) => {
        const values = { label: s.label, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, position: i };
        if (s.id) tx.update(eventSlots).set(values).where(eq(eventSlots.id, s.id)).run();
        else tx.insert(eventSlots).values({ eventId: pageId, ...values }).run();
      });
    }
    tx.update(pages).set({ updatedAt: now, updatedBy: viewer.id }).where(eq(pages.id, pageId)).run();
    // More seats (or a slot's): those waiting take them and are told, in this transaction.
    if (patch.capacity !== undefined || patch.slots) promoteAfterSeatsChange(tx, pageId, now);
  });
  return getEventView(viewer, pageId);
}

/** Who counts as coming: an anonymous sign-up once its address is confirmed, everyone else from the start. */
const counted = or(ne(eventGuests.source, 'public'), isNotNull(eventGuests.confirmedAt));

export type EventCounts = { yes: number; maybe: number; no: number; waiting: number; attended: number };

/** Answers to an event, by kind (counts only). */
export function eventCounts(pageId: string): EventCounts & { bySlot: Map<string, number> } {
  const rows = db()
    .select({ response: eventGuests.response, waitlisted: eventGuests.waitlisted, attended: eventGuests.attended, slotId: eventGuests.slotId, n: count() })
    .from(eventGuests)
    .where(and(eq(eventGuests.eventId, pageId), counted))
    .groupBy(eventGuests.response, eventGuests.waitlisted, eventGuests.attended, eventGuests.slotId)
    .all();
  const c: EventCounts = { yes: 0, maybe: 0, no: 0, waiting: 0, attended: 0 };
  const bySlot = new Map<string, number>();
  for (const r of rows) {
    if (r.attended) c.attended += r.n;
    if (r.waitlisted) c.waiting += r.n;
    else if (r.response) c[r.response] += r.n;
    if (r.response === 'yes' && !r.waitlisted && r.slotId) bySlot.set(r.slotId, (bySlot.get(r.slotId) ?? 0) + r.n);
  }
  return { ...c, bySlot };
}

export type EventSlotView = { id: string; label: string; startsAt: Date; endsAt: Date; capacity: number | null; taken: number; left: number | null };
export type EventView = {
  pageId: string;
  title: string;
  spaceId: string;
  spaceName: string;
  visibility: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string;
  lat: number | null;
  lng: number | null;
  capacity: number | null;
  /** Seats taken (answered yes, not waiting) and left (null: no limit). */
  taken: number;
  left: number | null;
  slots: EventSlotView[];
  counts: EventCounts;
  /** The minutes page, when written and readable by the viewer. */
  minutesPageId: string | null;
  isPast: boolean;
  url: string;
  abilities: { manageEvent: boolean; rsvp: boolean; writeMinutes: boolean };
};

/** An event as its viewer may see it: dates, place, capacity, slots with their seats, counts of answers (no names). */
export function getEventView(viewer: Viewer, pageId: string, now = new Date()): EventView {
  const { loaded, event } = loadEventPage(viewer, pageId);
  // The title a citizen reads is the published version's (readLoadedPage decides).
  const page = readLoadedPage(viewer, loaded);
  const counts = eventCounts(pageId);
  const slots = db().select().from(eventSlots).where(eq(eventSlots.eventId, pageId)).orderBy(asc(eventSlots.position)).all();
  const abilities = pageAbilities(viewer, loaded.ref);
  let minutesPageId: string | null = null;
  if (event.minutesPageId) {
    try {
      const m = loadPage(event.minutesPageId);
      if (!m.row.deletedAt && canPage(viewer, 'read', m.ref)) minutesPageId = m.row.id;
    } catch {
      minutesPageId = null;
    }
  }
  const isPast = event.endsAt.getTime() <= now.getTime();
  const started = event.startsAt.getTime() <= now.getTime();
  return {
    pageId,
    title: page.title,
    spaceId: loaded.space.id,
    spaceName: loaded.space.name,
    visibility: loaded.row.visibility,
    status: loaded.row.status,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    place: event.place,
    lat: event.lat,
    lng: event.lng,
    capacity: event.capacity,
    taken: counts.yes,
    left: event.capacity === null ? null : Math.max(0, event.capacity - counts.yes),
    slots: slots.map((s) => {
      const taken = counts.bySlot.get(s.id) ?? 0;
      return { id: s.id, label: s.label, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, taken, left: s.capacity === null ? null : Math.max(0, s.capacity - taken) };
    }),
    counts: { yes: counts.yes, maybe: counts.maybe, no: counts.no, waiting: counts.waiting, attended: counts.attended },
    minutesPageId,
    isPast,
    url: eventUrl(pageId),
    abilities: { manageEvent: abilities.manageEvent, rsvp: abilities.rsvp, writeMinutes: abilities.manageEvent && started },
  };
}

/** The agenda's headings (level 2 and 3) of an event's live page, for its minutes. */
function agendaHeadings(json: { type?: string; attrs?: Record<string, unknown>; content?: unknown[]; text?: string }): string[] {
  const out: string[] = [];
  const textOf = (n: { text?: string; content?: unknown[] }): string => n.text ?? (n.content ?? []).map((c) => textOf(c as typeof n)).join('');
  const walk = (n: typeof json) => {
    if (n.type === 'heading') {
      const t = textOf(n).trim();
      if (t) out.push(t);
      return;
    }
    for (const c of n.content ?? []) walk(c as typeof json);
  };
  walk(json);
  return out.slice(0, 30);
}

const MINUTES = {
  fr: { title: (t: string) => `Compte rendu — ${t}`, of: 'Compte rendu de', present: 'Présents', attended: (n: number) => `${n} participant${n > 1 ? 's' : ''} pointé${n > 1 ? 's' : ''}.`, agenda: 'Ordre du jour', decisions: 'Décisions', next: 'Prochaines étapes', empty: 'À compléter.' },
  en: { title: (t: string) => `Minutes — ${t}`, of: 'Minutes of', present: 'Present', attended: (n: number) => `${n} attendee${n === 1 ? '' : 's'} checked in.`, agenda: 'Agenda', decisions: 'Decisions', next: 'Next steps', empty: 'To be written.' },
};

/**
 * « Rédiger le compte rendu »: a minutes page (a draft document of the event's space) from a
 * template with the event's date, the count of attendees and the agenda's headings, linked from
 * the event. A second call returns the page already written (if it still exists).
 */
export function writeMinutes(viewer: Viewer, pageId: string, opts: { locale?: string; now?: Date } = {}): { pageId: string; created: boolean } {
  if (!viewer) throw new AppError('unauthorized');
  const { loaded, event } = loadEventPage(viewer, pageId);
  authorizePage(viewer, 'manageEvent', loaded.ref);
  if (event.minutesPageId) {
    const existing = db().select({ id: pages.id, deletedAt: pages.deletedAt }).from(pages).where(eq(pages.id, event.minutesPageId)).get();
    if (existing && !existing.deletedAt) return { pageId: existing.id, created: false };
  }
  const now = opts.now ?? new Date();
  if (event.startsAt.getTime() > now.getTime()) throw new AppError('conflict', 'The minutes are written once the event has begun.');
  const locale = opts.locale === 'en' ? 'en' : 'fr';
  const m = MINUTES[locale];
  const title = loaded.row.title;
  const attended = eventCounts(pageId).attended;
  const headings = agendaHeadings(readLoadedPage(viewer, loaded).body.json);
  const markdown = [
    `${m.of} [${title.replace(/[[\]]/g, '')}](/pages/${pageId}), ${formatEventRange(event.startsAt, event.endsAt, locale, event.timeZone)}${event.place ? `, ${event.place}` : ''}.`,
    `## ${m.present}`,
    m.attended(attended),
    `## ${m.agenda}`,
    ...(headings.length ? headings.flatMap((h) => [`### ${h}`, m.empty]) : [m.empty]),
    `## ${m.decisions}`,
    m.empty,
    `## ${m.next}`,
    m.empty,
  ].join('\n\n');
  const minutes = createPage(
    viewer,
    { spaceId: loaded.space.id, kind: 'document', title: m.title(title).slice(0, 200), visibility: loaded.row.visibility, status: 'draft', markdown },
    (tx, row) => {
      tx.update(events).set({ minutesPageId: row.id, updatedAt: now }).where(eq(events.pageId, pageId)).run();
    },
  );
  return { pageId: minutes.id, created: true };
}
