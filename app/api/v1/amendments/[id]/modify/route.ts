import { apiRoute, rejectUnknownFields, signedIn } from '@/server/http/api';
import { modifyAmendmentInput, proposeModification } from '@/server/amendments/amendment-service';
import { optionalJsonObject } from '../../amendment-json';

export const dynamic = 'force-dynamic';

/** The deciders propose a modified wording `{replacement}`, which the amender accepts or declines (`/answer`). */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await optionalJsonObject(req);
  rejectUnknownFields(body, modifyAmendmentInput);
  return proposeModification(v, params.id, body as { replacement: string });
});
