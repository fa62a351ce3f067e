import { apiRoute, signedIn } from '@/server/http/api';
import { resendInvitation } from '@/server/membership/member-invitations';

export const dynamic = 'force-dynamic';

/** Sends the invitation again with a new link (the old one stops working); 409 within 10 minutes of the last mail, once accepted or revoked. */
export const POST = apiRoute<{ id: string; invitationId: string }>(async (_req, { viewer, params }) => {
  const { expiresAt } = await resendInvitation(signedIn(viewer), params.id, params.invitationId);
  return { expiresAt: expiresAt.toISOString() };
});
