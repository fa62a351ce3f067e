import { AMENDMENT_STATUSES } from '@/lib/domain/enums';
import { apiRoute, enumParam, json, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { listAmendmentGroups, listAmendments, proposeAmendment, proposeAmendmentInput, type ProposeAmendmentInput } from '@/server/amendments/amendment-service';
import { amendmentUrl } from '../../../amendments/amendment-json';

export const dynamic = 'force-dynamic';

/**
 * The page's amendments by number (`?status=`, `?section=` the amender's section), or with
 * `?grouped=true` by passage in text order, rival wordings side by side. 404 when the page is unreadable.
 */
export const GET = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const q = new URL(req.url).searchParams;
  const opts = { status: enumParam(q, 'status', AMENDMENT_STATUSES), sectionId: q.get('section') || undefined };
  const grouped = enumParam(q, 'grouped', ['true', 'false'] as const) === 'true';
  return grouped ? { groups: listAmendmentGroups(viewer, params.id, opts) } : { data: listAmendments(viewer, params.id, opts) };
});

/** Proposes an amendment `{quote, occurrence?, op, replacement?, justification?}` on the live text. */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await readJsonObject(req);
  rejectUnknownFields(body, proposeAmendmentInput);
  const amendment = proposeAmendment(v, params.id, body as ProposeAmendmentInput);
  return json(amendment, { status: 201, headers: { Location: amendmentUrl(amendment.id) } });
});
