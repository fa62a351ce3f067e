import { apiRoute, rejectUnknownFields, signedIn } from '@/server/http/api';
import { acceptAmendment, acceptAmendmentInput } from '@/server/amendments/amendment-service';
import { optionalJsonObject, withPassageConflict } from '../../amendment-json';

export const dynamic = 'force-dynamic';

/**
 * Accepts the amendment into the live text `{replacement?}`. When its passage changed: 409 with
 * `passage` (the words now), unless `replacement`, the decider's adjusted wording, is given.
 */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await optionalJsonObject(req);
  rejectUnknownFields(body, acceptAmendmentInput);
  return withPassageConflict(() => acceptAmendment(v, params.id, body));
});
