import { z } from 'zod';
import { parseInput } from '@/lib/parse-input';
import { apiRoute, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { checkIn } from '@/server/events/guests';

export const dynamic = 'force-dynamic';

const input = z.object({ attended: z.boolean() });

/** Check-in at the door (`{"attended": true|false}`), by the organisers; answers the event's counts. */
export const PATCH = apiRoute<{ id: string; guestId: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await readJsonObject(req);
  rejectUnknownFields(body, input);
  return { counts: checkIn(v, params.id, params.guestId, parseInput(input, body).attended) };
});
