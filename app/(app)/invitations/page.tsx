import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InvitationManager, type InvitationStatus } from '@/components/account/InvitationManager';
import { requireViewer } from '@/server/auth/current';
import { listMyInvitations } from '@/server/invitations/invitation-service';
import { canSite } from '@/server/policy';
import { createInvitationAction, revokeInvitationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('invitations.title') };
}

type InvitationRow = ReturnType<typeof listMyInvitations>[number];

function statusOf(inv: InvitationRow, now: Date): InvitationStatus {
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt < now) return 'expired';
  if (inv.uses >= inv.maxUses) return 'usedUp';
  return 'active';
}

export default async function InvitationsPage() {
  const viewer = await requireViewer('/invitations');
  const t = await getTranslations('account.invitations');
  const mayInvite = canSite(viewer, 'createInvitation');
  const now = new Date();
  const invitations = mayInvite
    ? listMyInvitations(viewer).map((inv) => ({ id: inv.id, note: inv.note, uses: inv.uses, maxUses: inv.maxUses, expiresAt: inv.expiresAt, createdAt: inv.createdAt, status: statusOf(inv, now) }))
    : [];
  return (
    <div className="stack">
      <div>
        <h1>{t('title')}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t('intro')}
        </p>
      </div>
      {mayInvite ? (
        <InvitationManager invitations={invitations} createAction={createInvitationAction} revokeAction={revokeInvitationAction} />
      ) : (
        <p className="alert alert-info">{t('membersOnly')}</p>
      )}
    </div>
  );
}
