/**
 * Calendar feeds (`calendar.ics?token=…`): the token's owner is the viewer, and the feed holds
 * only what that person may read (the policy's `readableWhere`; published titles for citizens),
 * each entry linking back to its page. No member's name or address in any entry.
 */
import { AppError } from '@/lib/errors';
import { loadViewer } from '@/server/auth/load-viewer';
import { getSpaceRow } from '@/server/spaces/queries';
import { calendarTokenOwner, type CalendarScope } from './calendar-tokens';
import { feedIcs } from './event-ics';
import { feedEvents } from './event-queries';

/** How far back a feed goes: the past year, and everything to come. */
const FEED_HISTORY_MS = 366 * 86_400_000;

/** The feed's iCalendar text for a token of `scope`; not_found for any token that does not open it. */
export function calendarFeed(token: string | null, scope: CalendarScope, now = new Date()): string {
  const owner = calendarTokenOwner(token, scope);
  const viewer = owner ? loadViewer(owner) : null;
  if (!viewer) throw new AppError('not_found');
  const since = new Date(now.getTime() - FEED_HISTORY_MS);
  const name = scope.spaceId ? getSpaceRow(scope.spaceId).name : 'Coopol';
  const entries = feedEvents(viewer, scope.spaceId ? { spaceId: scope.spaceId } : { mine: true }, since);
  return feedIcs(entries, { name });
}

/** The answer of a feed route: the calendar, or the same 404 whatever was wrong with the token. */
export function calendarFeedResponse(req: Request, scope: CalendarScope): Response {
  const token = new URL(req.url).searchParams.get('token');
  try {
    const body = calendarFeed(token, scope);
    return new Response(body, {
      headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store', 'Content-Disposition': 'inline; filename="calendar.ics"', 'Referrer-Policy': 'no-referrer' },
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return new Response('Not found.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
    throw e;
  }
}
