import type { PendingInvitation } from '@/server/membership/member-invitations';

/** An invitation as its space's managers read it in the API (they hold the addresses). */
export function invitationJson(i: PendingInvitation) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    message: i.message,
    invitedBy: i.invitedBy,
    state: i.state,
    createdAt: i.createdAt.toISOString(),
    lastSentAt: i.lastSentAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    sendCount: i.sendCount,
    resendableAt: i.resendableAt.toISOString(),
  };
}
