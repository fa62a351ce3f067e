import { apiRoute, json, rejectUnknownFields, signedIn } from '@/server/http/api';
import { joinRequestInput, listSpaceRequests, requestToJoin } from '@/server/membership/join-requests';
import { optionalJsonObject } from '../../../amendments/amendment-json';

export const dynamic = 'force-dynamic';

/** The pending requests to enter the space, oldest first, with who asks: its deciders only (403 otherwise). */
export const GET = apiRoute<{ id: string }>(async (_req, { viewer, params }) => ({ data: listSpaceRequests(viewer, params.id) }));

/**
 * Asks to enter the space `{message?}`: a citizen asks to join the party in this section, a
 * member of another section asks to move here (a transfer), a party member asks to join a group
 * on request. 201 with the request as the asker sees it; 409 when one is already pending.
 */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await optionalJsonObject(req);
  rejectUnknownFields(body, joinRequestInput);
  return json(await requestToJoin(v, params.id, body), { status: 201 });
});
