import { apiRoute, rejectUnknownFields, signedIn } from '@/server/http/api';
import { declineJoinRequest, declineJoinRequestInput } from '@/server/membership/join-requests';
import { optionalJsonObject } from '../../../amendments/amendment-json';

export const dynamic = 'force-dynamic';

/** A decider declines the request `{message?}`: the message is all the person is told. */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await optionalJsonObject(req);
  rejectUnknownFields(body, declineJoinRequestInput);
  return declineJoinRequest(v, params.id, body);
});
