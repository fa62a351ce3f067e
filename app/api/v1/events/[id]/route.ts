import { apiRoute, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { getEventView, updateEvent, updateEventInput, type UpdateEventInput } from '@/server/events/event-service';
import { eventIcs } from '@/server/events/event-ics';
import { eventJson } from './event-json';

export const dynamic = 'force-dynamic';

/**
 * An event the viewer may read (else 404, as for any page): dates, place, capacity, slots with
 * their seats, counts of answers. `?format=ics`: the event as an iCalendar file (« Ajouter à mon agenda »).
 */
export const GET = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const view = getEventView(viewer, params.id);
  if (new URL(req.url).searchParams.get('format') === 'ics') {
    return new Response(eventIcs(view.pageId, { method: 'PUBLISH' }), {
      headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="evenement-${view.pageId}.ics"` },
    });
  }
  return eventJson(view);
});

/** Its organisers change dates, place, capacity or slots (`slots` is the whole list; kept slots carry their id). */
export const PATCH = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await readJsonObject(req);
  rejectUnknownFields(body, updateEventInput);
  return eventJson(updateEvent(v, params.id, body as UpdateEventInput));
});
