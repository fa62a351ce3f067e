import { z } from 'zod';
import { apiRoute, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { inviteGuests } from '@/server/events/guests';

export const dynamic = 'force-dynamic';

const shape = z.object({ spaceId: z.unknown(), emails: z.unknown() });

/**
 * The organisers invite a space's members (`{"spaceId"}`: their section, or a group whose
 * members they may list) or addresses (`{"emails": [...]}`). Each new guest is mailed (RSVP
 * links and the `.ics`) at the outbox's bulk rate; those already invited are counted, not
 * invited twice. 404 for an event the viewer cannot read, 403 for one they do not organise,
 * 409 for a draft or finished event.
 */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await readJsonObject(req);
  rejectUnknownFields(body, shape);
  return inviteGuests(v, params.id, body as { spaceId?: string; emails?: string[] });
});
