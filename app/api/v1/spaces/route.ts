import { SPACE_KINDS } from '@/lib/domain/enums';
import { apiRoute, enumParam, limitParam } from '@/server/http/api';
import { spaceAbilities } from '@/server/policy';
import { listSpaces } from '@/server/spaces/queries';
import { requireSpaceParam, spaceJson } from './space-json';

export const dynamic = 'force-dynamic';

/** Spaces are public (their names and descriptions), each with what the viewer may do there; membership lists are not served here. */
export const GET = apiRoute(async (req, { viewer }) => {
  const q = new URL(req.url).searchParams;
  const parentId = q.get('parentId') || undefined;
  if (parentId) requireSpaceParam(parentId, 'parentId');
  const page = listSpaces({ kind: enumParam(q, 'kind', SPACE_KINDS), parentId, limit: limitParam(q), cursor: q.get('cursor') });
  return { data: page.data.map((s) => ({ ...spaceJson(s), abilities: spaceAbilities(viewer, s) })), nextCursor: page.nextCursor };
});
