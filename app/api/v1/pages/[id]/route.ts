import { apiRoute, noContent, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { deletePage, updatePage, updatePageInput, type UpdatePageInput } from '@/server/pages/page-service';
import { pageJsonFor, withRevisionConflict } from '../page-json';

export const dynamic = 'force-dynamic';

/** A page the viewer cannot read is a plain 404: same answer as a page that does not exist. */
export const GET = apiRoute<{ id: string }>(async (_req, { viewer, params }) => pageJsonFor(viewer, params.id));

export const PATCH = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await readJsonObject(req);
  rejectUnknownFields(body, updatePageInput);
  // A body (`markdown`) is merged as a change against `baseRevision`; 409 when it cannot be.
  return withRevisionConflict(() => updatePage(v, params.id, body as UpdatePageInput)) ?? pageJsonFor(v, params.id);
});

/** Soft delete: the page goes to its space's trash, restorable for 30 days. */
export const DELETE = apiRoute<{ id: string }>(async (_req, { viewer, params }) => {
  deletePage(signedIn(viewer), params.id);
  return noContent();
});
