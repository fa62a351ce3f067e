import { apiRoute, noContent, signedIn } from '@/server/http/api';
import { revokeInvitation } from '@/server/membership/member-invitations';

export const dynamic = 'force-dynamic';

/** Revokes an invitation (its link then answers « invitation révoquée »); 409 once accepted. */
export const DELETE = apiRoute<{ id: string; invitationId: string }>(async (_req, { viewer, params }) => {
  revokeInvitation(signedIn(viewer), params.id, params.invitationId);
  return noContent();
});
