import { apiRoute, noContent, signedIn } from '@/server/http/api';
import { removeMember } from '@/server/spaces/space-service';

export const dynamic = 'force-dynamic';

/** Removes a member (the space's secretaries; 404 for someone who is not one). Their live sockets on pages they no longer read close first. */
export const DELETE = apiRoute<{ id: string; userId: string }>(async (_req, { viewer, params }) => {
  removeMember(signedIn(viewer), params.id, params.userId);
  return noContent();
});
