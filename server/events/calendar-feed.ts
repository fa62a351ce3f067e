/**
 * Calendar feeds (`calendar.ics?token=…`): the token's owner is the viewer, and the feed holds
 * only what that person may read (the policy's `readableWhere`; published titles for citizens),
 * each entry linking back to its page. No member's name or address in any entry.
 */
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import { loadViewer } from '@/server/auth/load-viewer';
import { getSpaceRow } from '@/server/spaces/queries';
import { calendarTokenOwner, type CalendarScope } from './calendar-tokens';
import { feedIcs, type IcsEntry } from './event-ics';
import { feedRows, type FeedRow } from './event-queries';

/** How far back a feed goes: the past year, and everything to come. */
const FEED_HISTORY_MS = 366 * 86_400_000;

/**
 * The last text of the most recent feeds, by person and scope, with a digest of the rows it was
 * written from: a phone calendar asks again every few minutes, and the text is a function of those
 * rows alone (what the person reads of each event, and the feed's name), so unchanged rows give
 * the same text without writing it again.
 */
const written = new Map<string, { digest: string; body: string }>();
const MAX_WRITTEN = 16;

const entryOf = (r: FeedRow): IcsEntry => ({
  pageId: r[0],
  title: r[1],
  startsAt: new Date(r[2]),
  endsAt: new Date(r[3]),
  timeZone: r[4],
  place: r[5],
  lat: r[6],
  lng: r[7],
  spaceName: r[8],
  createdAt: new Date(r[9]),
  updatedAt: new Date(r[10]),
});

/** Bump when the feed's text changes shape: calendars then fetch it whole again. */
const FEED_FORMAT = 'v1';

/**
 * The feed's iCalendar text for a token of `scope`, with an entity tag of what it holds;
 * not_found for any token that does not open it.
 */
export function calendarFeed(token: string | null, scope: CalendarScope, now = new Date()): { body: string; etag: string } {
  const owner = calendarTokenOwner(token, scope);
  const viewer = owner ? loadViewer(owner) : null;
  if (!viewer) throw new AppError('not_found');
  const since = new Date(now.getTime() - FEED_HISTORY_MS);
  const name = scope.spaceId ? getSpaceRow(scope.spaceId).name : 'Coopol';
  const rows = feedRows(viewer, scope.spaceId ? { spaceId: scope.spaceId } : { mine: true }, since);
  const digest = crypto.createHash('sha256').update(`${FEED_FORMAT}\n${name}\n`).update(JSON.stringify(rows)).digest('base64url');
  const etag = `"${digest}"`;
  const key = `${viewer.id}:${scope.spaceId ?? ''}`;
  const last = written.get(key);
  if (last && last.digest === digest) {
    written.delete(key); // the most recently used last
    written.set(key, last);
    return { body: last.body, etag };
  }
  const body = feedIcs(rows.map(entryOf), { name });
  written.delete(key);
  written.set(key, { digest, body });
  if (written.size > MAX_WRITTEN) written.delete(written.keys().next().value!);
  return { body, etag };
}

/**
 * The answer of a feed route: the calendar (304 when the calendar app already holds this text:
 * its `If-None-Match`), or the same 404 whatever was wrong with the token.
 */
export function calendarFeedResponse(req: Request, scope: CalendarScope): Response {
  const token = new URL(req.url).searchParams.get('token');
  try {
    const { body, etag } = calendarFeed(token, scope);
    // Kept by the person's calendar app only, and asked again each time (`no-cache`, not `no-store`).
    const headers = { 'Cache-Control': 'private, no-cache', ETag: etag, 'Referrer-Policy': 'no-referrer' };
    const held = req.headers.get('if-none-match');
    if (held && held.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
    return new Response(body, { headers: { ...headers, 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="calendar.ics"' } });
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return new Response('Not found.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
    throw e;
  }
}
