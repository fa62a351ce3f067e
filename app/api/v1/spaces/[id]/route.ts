import { apiRoute } from '@/server/http/api';
import { spaceAbilities } from '@/server/policy';
import { getBreadcrumbs, getSpaceRow } from '@/server/spaces/queries';
import { spaceJson } from '../space-json';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async (_req, { viewer, params }) => {
  const space = getSpaceRow(params.id);
  return { ...spaceJson(space), abilities: spaceAbilities(viewer, space), breadcrumbs: getBreadcrumbs(space) };
});
