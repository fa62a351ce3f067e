import { AppError } from '@/lib/errors';
import { apiRoute, enumParam, json, limitParam, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { createEvent, createEventInput, getEventView, type CreateEventInput } from '@/server/events/event-service';
import { listSpaceEvents } from '@/server/events/event-queries';
import { parseInstant } from '@/server/events/event-time';
import { getSpaceRow } from '@/server/spaces/queries';
import { eventJson, eventListItemJson } from '../../../events/[id]/event-json';

export const dynamic = 'force-dynamic';

const dateParam = (q: URLSearchParams, name: string) => {
  const v = q.get(name);
  return v ? parseInstant(v, name) : undefined;
};

/** The space's events the viewer may read: `when=upcoming` (default, soonest first) or `past`, or a `from`–`to` range. */
export const GET = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const q = new URL(req.url).searchParams;
  const from = dateParam(q, 'from');
  const to = dateParam(q, 'to');
  if (from && to && to <= from) throw new AppError('invalid_input', 'to: after from.', 'to');
  const when = enumParam(q, 'when', ['upcoming', 'past', 'all'] as const) ?? (from || to ? 'all' : 'upcoming');
  const page = listSpaceEvents(viewer, params.id, { from, to, when, limit: limitParam(q), cursor: q.get('cursor') });
  return { data: page.data.map(eventListItemJson), nextCursor: page.nextCursor };
});

/** A new event: its page (the agenda, in the live editor) and its dates, place, capacity and slots. */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  getSpaceRow(params.id); // an unknown space is a 404 here (it is the path)
  const body = await readJsonObject(req);
  rejectUnknownFields(body, createEventInput);
  const { pageId } = createEvent(v, params.id, body as CreateEventInput);
  return json(eventJson(getEventView(v, pageId)), { status: 201, headers: { Location: `/api/v1/events/${pageId}` } });
});
