import { calendarFeedResponse } from '@/server/events/calendar-feed';

export const dynamic = 'force-dynamic';

/** A space's calendar feed for the owner of `?token=` (phone calendars send no cookie). Any bad token: 404. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  return calendarFeedResponse(req, { spaceId: id });
}
