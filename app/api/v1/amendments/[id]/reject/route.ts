import { apiRoute, rejectUnknownFields, signedIn } from '@/server/http/api';
import { rejectAmendment, rejectAmendmentInput } from '@/server/amendments/amendment-service';
import { optionalJsonObject } from '../../amendment-json';

export const dynamic = 'force-dynamic';

/** Rejects the amendment `{reason}` (required). */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await optionalJsonObject(req);
  rejectUnknownFields(body, rejectAmendmentInput);
  return rejectAmendment(v, params.id, body as { reason: string });
});
