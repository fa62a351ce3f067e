import { calendarFeedResponse } from '@/server/events/calendar-feed';

export const dynamic = 'force-dynamic';

/** The owner of `?token=`'s own feed (« Mes événements »). Any bad token: 404. */
export async function GET(req: Request): Promise<Response> {
  return calendarFeedResponse(req, { spaceId: null });
}
