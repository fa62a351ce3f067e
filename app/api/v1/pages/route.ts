import { PAGE_KINDS } from '@/lib/domain/enums';
import { apiRoute, enumParam, json, limitParam, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { loadPageRefs } from '@/server/pages/load-page';
import { AppError } from '@/lib/errors';
import { createPage, createPageInput, getPage, listPages, type CreatePageInput } from '@/server/pages/page-service';
import { pageAbilities } from '@/server/policy';
import { requireSpaceParam } from '../spaces/space-json';
import { deliberationJson, pageJson, pageUrl } from './page-json';

export const dynamic = 'force-dynamic';

/** Readable pages only (the policy's `readableWhere`), newest change first, each with its abilities. */
export const GET = apiRoute(async (req, { viewer }) => {
  const q = new URL(req.url).searchParams;
  const spaceId = q.get('spaceId') || undefined;
  if (spaceId) requireSpaceParam(spaceId, 'spaceId');
  const page = listPages(viewer, { spaceId, kind: enumParam(q, 'kind', PAGE_KINDS), limit: limitParam(q), cursor: q.get('cursor') });
  const refs = loadPageRefs(page.data.map((p) => p.id));
  return { data: page.data.map((p) => ({ ...p, url: pageUrl(p.id), abilities: pageAbilities(viewer, refs.get(p.id)!) })), nextCursor: page.nextCursor };
});

export const POST = apiRoute(async (req, { viewer }) => {
  const v = signedIn(viewer);
  const body = await readJsonObject(req);
  rejectUnknownFields(body, createPageInput);
  // An event is a page with its dates, place and seats: it is made where those are asked for.
  if (body.kind === 'event') throw new AppError('invalid_input', 'kind: an event is created with its dates and place — POST /api/v1/spaces/:id/events.', 'kind');
  // createPage validates every value with its zod schema and names the faulty field.
  const row = createPage(v, body as CreatePageInput);
  return json({ ...pageJson(getPage(v, row.id)), ...deliberationJson(v, row.id) }, { status: 201, headers: { Location: pageUrl(row.id) } });
});
