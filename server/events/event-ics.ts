/**
 * iCalendar (RFC 5545) for events: one VEVENT per event, with a stable UID, DTSTART/DTEND in the
 * event's zone (a VTIMEZONE made from the runtime's zone data, so calendars without it read the
 * right hour across the daylight-saving changes), the page's URL in URL and DESCRIPTION. Never a
 * member's name or address: no ORGANIZER person, no ATTENDEE but the addressee of an invitation.
 */
import ical, { ICalCalendarMethod, type ICalCalendar } from 'ical-generator';
import { TZDate, tzOffset, tzScan } from '@date-fns/tz';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { events, pages, pageVersions, spaces } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { env } from '@/server/env';

/** An event's page, as linked from its calendar entries and mails. */
export const eventUrl = (pageId: string) => `${env().AUTH_URL}/pages/${pageId}`;

export type IcsEntry = {
  pageId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string;
  lat?: number | null;
  lng?: number | null;
  createdAt: Date;
  updatedAt: Date;
  spaceName?: string;
};

const PROD_ID = { company: 'Coopol', product: 'Coopol', language: 'FR' };

/** The UID of an event, the same in every mail and feed (so a calendar updates it in place). */
export function eventUid(pageId: string): string {
  return `event-${pageId}@${new URL(env().AUTH_URL).hostname}`;
}

/** `20270328T020000` from the UTC fields of `at` (shifted by the caller into the wanted offset). */
const p2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function utcStamp(at: Date): string {
  return `${at.getUTCFullYear()}${p2(at.getUTCMonth() + 1)}${p2(at.getUTCDate())}T${p2(at.getUTCHours())}${p2(at.getUTCMinutes())}${p2(at.getUTCSeconds())}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
}

/**
 * A VTIMEZONE for `timeZone` covering `from`–`to` (a year either side): one observance per
 * change the runtime knows, with explicit DTSTARTs (no RRULE to guess).
 */
export function vtimezone(timeZone: string, from: Date, to: Date): string {
  return vtimezoneOf(zoneOver(timeZone, from, to));
}

type Zone = { timeZone: string; initial: number; changes: { at: number; change: number; offset: number }[] };

/** A zone's offsets from a year before `from` to a year after `to`: the runtime's zone data. */
function zoneOver(timeZone: string, from: Date, to: Date): Zone {
  const start = new Date(from.getTime() - 366 * 86_400_000);
  const end = new Date(to.getTime() + 366 * 86_400_000);
  return { timeZone, initial: tzOffset(timeZone, start), changes: tzScan(timeZone, { start, end }).map((c) => ({ at: c.date.getTime(), change: c.change, offset: c.offset })) };
}

/** The offset (minutes) of `zone` at instant `t`, from the same changes as its VTIMEZONE. */
function offsetAt(zone: Zone, t: number): number {
  let offset = zone.initial;
  for (const c of zone.changes) {
    if (c.at > t) break;
    offset = c.offset;
  }
  return offset;
}

function vtimezoneOf(zone: Zone): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone.timeZone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', at: string, fromOffset: number, toOffset: number) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${at}`, `TZOFFSETFROM:${offsetText(fromOffset)}`, `TZOFFSETTO:${offsetText(toOffset)}`, `END:${kind}`);
  const firstIsDaylight = zone.changes.length > 0 && zone.changes[0]!.change < 0;
  observance(firstIsDaylight ? 'DAYLIGHT' : 'STANDARD', '19700101T000000', zone.initial, zone.initial);
  let previous = zone.initial;
  for (const c of zone.changes) {
    // DTSTART of an observance is the wall-clock time of the change in the offset before it.
    observance(c.change > 0 ? 'DAYLIGHT' : 'STANDARD', utcStamp(new Date(c.at + previous * 60_000)), previous, c.offset);
    previous = c.offset;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
function icsText(s: string): string {
  if (!/[\\;,\n\r]/.test(s)) return s;
  return s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** A content line folded at 75 octets (UTF-8, never inside a character), continuation lines starting with a space. */
function fold(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line;
  const bytes = Buffer.from(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Back up to the start of a character (UTF-8 continuation bytes are 10xxxxxx).
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.toString('utf8', start, end));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

/** Each event's VEVENT as last written into a feed, by what it was written from. */
const veventLines = new Map<string, string>();
const MAX_VEVENT_LINES = 20_000;

/**
 * A calendar feed's text: the same VEVENTs as `eventIcs` (UID, SEQUENCE, dates in the zone with
 * its VTIMEZONE, SUMMARY, LOCATION, GEO, URL, DESCRIPTION), written directly: a section's feed holds
 * thousands of events, and ical-generator took most of its time.
 */
export function feedIcs(entries: readonly IcsEntry[], opts: { name: string }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Coopol//Coopol//FR', 'METHOD:PUBLISH', 'CALSCALE:GREGORIAN', fold(`NAME:${icsText(opts.name)}`), fold(`X-WR-CALNAME:${icsText(opts.name)}`)];
  const mainZone = entries[0]?.timeZone;
  let zone: Zone | null = null;
  if (mainZone) {
    let from = entries[0]!.startsAt;
    let to = entries[0]!.endsAt;
    for (const e of entries) {
      if (e.timeZone !== mainZone) continue;
      if (e.startsAt < from) from = e.startsAt;
      if (e.endsAt > to) to = e.endsAt;
    }
    zone = zoneOver(mainZone, from, to);
    lines.push(vtimezoneOf(zone));
  }
  const uidHost = eventUid('');
  const when = (name: string, e: IcsEntry, at: Date) =>
    zone && e.timeZone === zone.timeZone ? `${name};TZID=${zone.timeZone}:${utcStamp(new Date(at.getTime() + offsetAt(zone, at.getTime()) * 60_000))}` : `${name}:${utcStamp(at)}Z`;
  for (const e of entries) {
    // An event's lines are a function of its row (and of the feed's zone): feeds written again
    // after one event changed take the others' lines as they were.
    const key = `${zone?.timeZone ?? ''}\u0000${e.pageId}\u0000${e.title}\u0000${e.startsAt.getTime()}\u0000${e.endsAt.getTime()}\u0000${e.timeZone}\u0000${e.place}\u0000${e.lat}\u0000${e.lng}\u0000${e.spaceName}\u0000${e.createdAt.getTime()}\u0000${e.updatedAt.getTime()}`;
    const kept = veventLines.get(key);
    if (kept) {
      lines.push(kept);
      continue;
    }
    const start = lines.length;
    const url = eventUrl(e.pageId);
    lines.push(
      'BEGIN:VEVENT',
      `UID:event-${e.pageId}${uidHost.slice('event-'.length)}`,
      `SEQUENCE:${Math.max(0, Math.floor((e.updatedAt.getTime() - e.createdAt.getTime()) / 1000))}`,
      // DTSTAMP is when the event last changed: a feed is the organiser's current copy (RFC 5545 §3.8.7.2).
      `DTSTAMP:${utcStamp(e.updatedAt)}Z`,
      when('DTSTART', e, e.startsAt),
      when('DTEND', e, e.endsAt),
      fold(`SUMMARY:${icsText(e.title)}`),
    );
    if (e.place) lines.push(fold(`LOCATION:${icsText(e.place)}`));
    if (e.lat != null && e.lng != null) lines.push(`GEO:${e.lat};${e.lng}`);
    lines.push(fold(`URL;VALUE=URI:${url}`), fold(`DESCRIPTION:${icsText(e.spaceName ? `${e.spaceName} — ${url}` : url)}`), 'END:VEVENT');
    if (veventLines.size >= MAX_VEVENT_LINES) veventLines.clear();
    veventLines.set(key, lines.splice(start).join('\r\n'));
    lines.push(veventLines.get(key)!);
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** A calendar holding `entries`, each linking back to its page. */
export function buildCalendar(entries: readonly IcsEntry[], opts: { name?: string; method?: 'REQUEST' | 'PUBLISH'; attendeeEmail?: string } = {}): ICalCalendar {
  const cal = ical({ prodId: PROD_ID, name: opts.name });
  if (opts.method) cal.method(opts.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH);
  const zones = new Map<string, { from: Date; to: Date }>();
  for (const e of entries) {
    const z = zones.get(e.timeZone);
    zones.set(e.timeZone, { from: z && z.from < e.startsAt ? z.from : e.startsAt, to: z && z.to > e.endsAt ? z.to : e.endsAt });
  }
  // One zone per calendar in ical-generator: events in another zone are written in UTC.
  const [mainZone] = [...zones.keys()];
  if (mainZone) {
    const range = zones.get(mainZone)!;
    cal.timezone({ name: mainZone, generator: (tz) => vtimezone(tz, range.from, range.to) });
  }
  for (const e of entries) {
    const url = eventUrl(e.pageId);
    const inZone = e.timeZone === mainZone;
    const ev = cal.createEvent({
      id: eventUid(e.pageId),
      // A later change of the event is a newer SEQUENCE (calendars then replace what they hold).
      sequence: Math.max(0, Math.floor((e.updatedAt.getTime() - e.createdAt.getTime()) / 1000)),
      stamp: e.updatedAt,
      created: e.createdAt,
      lastModified: e.updatedAt,
      start: inZone ? new TZDate(e.startsAt.getTime(), e.timeZone) : e.startsAt,
      end: inZone ? new TZDate(e.endsAt.getTime(), e.timeZone) : e.endsAt,
      timezone: inZone ? e.timeZone : null,
      summary: e.title,
      location: e.place ? (e.lat != null && e.lng != null ? { title: e.place, geo: { lat: e.lat, lon: e.lng } } : e.place) : null,
      url,
      description: e.spaceName ? `${e.spaceName} — ${url}` : url,
    });
    if (opts.attendeeEmail) ev.createAttendee({ email: opts.attendeeEmail, rsvp: true, status: undefined });
  }
  return cal;
}

/**
 * The `.ics` of one event, for the invitation mails' attachment (`REQUEST`, to `attendeeEmail`) or
 * « Ajouter à mon agenda » (`PUBLISH`). The title is the published version's: what a guest from
 * outside may read. The caller has decided the addressee may have it.
 */
export function eventIcs(pageId: string, opts: { method?: 'REQUEST' | 'PUBLISH'; attendeeEmail?: string } = {}): string {
  const row = db()
    .select({ event: events, title: pages.title, publishedTitle: pageVersions.title, spaceName: spaces.name, deletedAt: pages.deletedAt })
    .from(events)
    .innerJoin(pages, eq(pages.id, events.pageId))
    .innerJoin(spaces, eq(spaces.id, pages.spaceId))
    .leftJoin(pageVersions, eq(pageVersions.id, pages.publishedVersionId))
    .where(eq(events.pageId, pageId))
    .get();
  if (!row || row.deletedAt) throw new AppError('not_found');
  const e = row.event;
  const method = opts.method ?? 'PUBLISH';
  const cal = buildCalendar(
    [{ pageId, title: row.publishedTitle ?? row.title, startsAt: e.startsAt, endsAt: e.endsAt, timeZone: e.timeZone, place: e.place, lat: e.lat, lng: e.lng, createdAt: e.createdAt, updatedAt: e.updatedAt, spaceName: row.spaceName }],
    { method, attendeeEmail: method === 'REQUEST' ? opts.attendeeEmail : undefined },
  );
  if (method === 'REQUEST') {
    // iTIP wants an organiser on a request: the site's sender address, never a member's.
    const from = env().MAIL_FROM;
    const email = /<([^>]+)>/.exec(from)?.[1] ?? from;
    cal.events()[0]!.organizer({ name: row.spaceName, email });
  }
  return cal.toString();
}
