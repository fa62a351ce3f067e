import { apiRoute, signedIn } from '@/server/http/api';
import { listMySpaces } from '@/server/spaces/queries';
import { getProfile } from '@/server/users/account-service';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (_req, { viewer }) => {
  const me = getProfile(signedIn(viewer).id);
  return {
    id: me.id,
    name: me.name,
    email: me.email,
    siteRole: me.siteRole,
    locale: me.locale,
    memberships: listMySpaces(me.id).map((s) => ({ spaceId: s.id, name: s.name, kind: s.kind, role: s.role })),
  };
});
