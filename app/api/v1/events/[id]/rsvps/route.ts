import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { EVENT_RESPONSES } from '@/lib/domain/enums';
import { apiRoute, enumParam, json, readJsonObject, rejectUnknownFields } from '@/server/http/api';
import { limit } from '@/server/http/rate-limit';
import { exportGuestsCsv } from '@/server/events/guest-export';
import { GUEST_FILTERS, listGuests, registerAnonymously, respond } from '@/server/events/guests';

export const dynamic = 'force-dynamic';

/**
 * The guest list, to the event's organisers only (a guest gets 403, someone who cannot read the
 * event 404): names, answers, slots, waiting list, attendance; addresses where they may see
 * them. `?q=` searches, `?response=yes|maybe|no|none|waitlisted|pending|attended` filters,
 * `?format=csv` downloads the list (formulas neutralised).
 */
export const GET = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const q = new URL(req.url).searchParams;
  if (q.get('format') === 'csv') {
    return new Response(exportGuestsCsv(viewer, params.id), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="participants-${params.id}.csv"` },
    });
  }
  const list = listGuests(viewer, params.id, { q: q.get('q') ?? undefined, response: enumParam(q, 'response', GUEST_FILTERS) });
  return { data: list.guests, counts: list.counts, slots: list.slots };
});

const signedInInput = z.object({ response: z.enum(EVENT_RESPONSES), slotId: z.string().nullish() });
const anonymousInput = signedInInput.extend({ email: z.string(), name: z.string() });

/**
 * Answers the event. Signed in (`{response, slotId?}`): one's own answer, at once (a seat, or the
 * waiting list). Anonymous, on a public event (`{response, email, name, slotId?}`): a link is
 * mailed to the address and the answer counts once it is opened; the answer (202) is the same
 * whoever the address belongs to.
 */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const body = await readJsonObject(req);
  if (viewer) {
    rejectUnknownFields(body, signedInInput);
    return respond(viewer, params.id, body as z.input<typeof signedInInput>);
  }
  rejectUnknownFields(body, anonymousInput);
  for (const field of ['email', 'name'] as const) {
    if (typeof body[field] !== 'string') throw new AppError('invalid_input', `${field}: required.`, field);
  }
  await limit('event-registration', req.headers.get('x-coopol-ip') ?? 'unknown', 20, 3600);
  return json(registerAnonymously(params.id, body as z.input<typeof anonymousInput>), { status: 202 });
});
