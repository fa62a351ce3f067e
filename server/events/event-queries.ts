/**
 * Lists of events: a space's (its page, its agenda, its feed) and a person's (« Mes événements »,
 * their feed). Every list goes through the policy's `readableWhere`, and shows citizens the title
 * of the published version. No guest, no name: dates, place and title only.
 */
import { and, asc, desc, eq, gt, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { eventGuests, events, pages, spaces } from '@/db/schema';
import { decodeCursor, encodeCursor, timeAndId } from '@/server/http/cursor';
import { titleSeenBy, titleSeenByClass } from '@/server/pages/seen-by';
import { READER_PLACEHOLDERS, readableSql, readableWhere, readerClass, readerValues, type Viewer } from '@/server/policy';
import { clampLimit, getSpaceRow, type Paged } from '@/server/spaces/queries';
import { dateFormatter, formatEventRange, formatTime, toDateAndTime } from './event-time';

export type EventListItem = {
  pageId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string;
  lat: number | null;
  lng: number | null;
  capacity: number | null;
  spaceId: string;
  spaceName: string;
  status: string;
  visibility: string;
  createdAt: Date;
  updatedAt: Date;
};

export type EventListOptions = {
  /** Events that end after `from` and start before `to` (a month of the agenda). */
  from?: Date;
  to?: Date;
  /** `upcoming`: not ended yet, soonest first (default); `past`: ended, latest first. */
  when?: 'upcoming' | 'past' | 'all';
  limit?: number;
  cursor?: string | null;
  now?: Date;
};

/** Upper bound of one list (a month grid of a busy section holds far fewer). */
export const MAX_EVENTS_PER_LIST = 500;

/** Where a list's events come from: one space's, or a person's (their spaces' and those they are a guest of). */
type Scope = { space: string } | { mine: true };

/**
 * A list of events, prepared once per reader class, scope and options given: drizzle built the
 * list's query (the policy's rule and the dates) on every call, for more than it cost to run.
 * Instants go in as epoch ms, the driver's value.
 */
function run(viewer: Viewer, scope: Scope, opts: EventListOptions): Paged<EventListItem> {
  const limit = clampLimit(opts.limit, MAX_EVENTS_PER_LIST, 50);
  const when = opts.when ?? 'upcoming';
  const past = when === 'past';
  const cur = decodeCursor(opts.cursor, timeAndId);
  const cls = readerClass(viewer);
  const mine = 'mine' in scope;
  const shape = `${cls}.${mine ? 'mine' : 'space'}.${when}.${Number(Boolean(opts.from))}${Number(Boolean(opts.to))}${Number(Boolean(cur))}`;
  const p = sql.placeholder;
  const query = prepared(`events.${shape}`, (d) =>
    d
      .select({
        pageId: events.pageId,
        title: titleSeenByClass(cls),
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        timeZone: events.timeZone,
        place: events.place,
        lat: events.lat,
        lng: events.lng,
        capacity: events.capacity,
        spaceId: pages.spaceId,
        spaceName: spaces.name,
        status: pages.status,
        visibility: pages.visibility,
        createdAt: events.createdAt,
        updatedAt: events.updatedAt,
      })
      .from(events)
      .innerJoin(pages, eq(pages.id, events.pageId))
      .innerJoin(spaces, eq(spaces.id, pages.spaceId))
      .where(
        and(
          readableSql(cls, READER_PLACEHOLDERS),
          eq(pages.kind, 'event'),
          mine
            ? myEvents(p('rw_spaces'), p('rw_user'))
            : eq(pages.spaceId, p('space')),
          opts.from ? gt(events.endsAt, p('from')) : undefined,
          opts.to ? lt(events.startsAt, p('to')) : undefined,
          when === 'upcoming' ? gt(events.endsAt, p('now')) : past ? lte(events.endsAt, p('now')) : undefined,
          cur
            ? past
              ? or(lt(events.startsAt, p('curT')), and(eq(events.startsAt, p('curT')), lt(events.pageId, p('curId'))))
              : or(gt(events.startsAt, p('curT')), and(eq(events.startsAt, p('curT')), gt(events.pageId, p('curId'))))
            : undefined,
        ),
      )
      .orderBy(...(past ? [desc(events.startsAt), desc(events.pageId)] : [asc(events.startsAt), asc(events.pageId)]))
      .limit(p('limit'))
      .prepare(),
  );
  const rows = query.all({
    ...readerValues(viewer),
    space: mine ? undefined : scope.space,
    from: opts.from?.getTime(),
    to: opts.to?.getTime(),
    now: (opts.now ?? new Date()).getTime(),
    curT: cur?.t,
    curId: cur?.id,
    limit: limit + 1,
  });
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor({ t: last.startsAt.getTime(), id: last.pageId }) : null };
}

/** A space's events the viewer may read (unknown space: not_found). */
export function listSpaceEvents(viewer: Viewer, spaceId: string, opts: EventListOptions = {}): Paged<EventListItem> {
  getSpaceRow(spaceId);
  return run(viewer, { space: spaceId }, opts);
}

/**
 * « Mes événements »: the events of the person's spaces they may read, and those they were
 * invited to or answered (an invitation grants nothing: they are listed only where readable).
 */
export function listMyEvents(viewer: Viewer, opts: EventListOptions = {}): Paged<EventListItem> {
  if (!viewer) return { data: [], nextCursor: null };
  return run(viewer, { mine: true }, opts);
}

/** Events of the person's spaces, and those they are a guest of: their spaces (JSON array) and id, bound or placeholders. */
function myEvents(spaceIds: unknown, userId: unknown): SQL {
  return or(
    sql`${pages.spaceId} in (select value from json_each(${spaceIds}))`,
    sql`${events.pageId} in (select ${eventGuests.eventId} from ${eventGuests} where ${eventGuests.userId} = ${userId})`,
  )!;
}

/** A feed's row: what its VEVENT shows, as SQLite holds it (instants in epoch ms). */
export type FeedRow = [pageId: string, title: string, startsAt: number, endsAt: number, timeZone: string, place: string, lat: number | null, lng: number | null, spaceName: string, createdAt: number, updatedAt: number];

/**
 * Every readable event of a feed's scope from `since` on (a calendar feed's whole content), as
 * raw rows: a feed holds thousands, and comparing these tells whether its text changed.
 */
export function feedRows(viewer: Viewer, scope: { spaceId: string } | { mine: true }, since: Date): FeedRow[] {
  if (!('spaceId' in scope) && !viewer) return [];
  const mine = readerValues(viewer);
  const where = 'spaceId' in scope ? eq(pages.spaceId, scope.spaceId) : myEvents(mine.rw_spaces, mine.rw_user);
  return db()
    .select({
      pageId: events.pageId,
      title: titleSeenBy(viewer),
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      place: events.place,
      lat: events.lat,
      lng: events.lng,
      spaceName: spaces.name,
      createdAt: events.createdAt,
      updatedAt: events.updatedAt,
    })
    .from(events)
    .innerJoin(pages, eq(pages.id, events.pageId))
    .innerJoin(spaces, eq(spaces.id, pages.spaceId))
    .where(and(readableWhere(viewer), eq(pages.kind, 'event'), where, gte(events.endsAt, since)))
    .orderBy(asc(events.startsAt))
    .limit(5000)
    .values() as FeedRow[];
}

/** What a list, the month grid and « Mes événements » show of an event, formatted in its zone. */
export type EventListEntry = {
  pageId: string;
  title: string;
  when: string;
  /** Paris date (`YYYY-MM-DD`) and its parts, for the date badge and the grid. */
  date: string;
  day: string;
  month: string;
  time: string;
  startsAt: string;
  place: string;
  spaceId: string;
  spaceName: string;
  isDraft: boolean;
};

export function eventListEntries(items: readonly EventListItem[], locale: string): EventListEntry[] {
  const monthFormat = dateFormatter(locale === 'en' ? 'en-GB' : 'fr-FR', { month: 'short', timeZone: 'UTC' });
  return items.map((e) => {
    const { date } = toDateAndTime(e.startsAt, e.timeZone);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return {
      pageId: e.pageId,
      title: e.title,
      when: formatEventRange(e.startsAt, e.endsAt, locale, e.timeZone),
      date,
      day: String(d),
      month: monthFormat.format(new Date(Date.UTC(y, m - 1, d))),
      time: formatTime(e.startsAt, locale, e.timeZone),
      startsAt: e.startsAt.toISOString(),
      place: e.place,
      spaceId: e.spaceId,
      spaceName: e.spaceName,
      isDraft: e.status === 'draft',
    };
  });
}
