import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import { requireViewer } from '@/server/auth/current';
import { canSite } from '@/server/policy';
import { listMyGroupInvitations, listSpaces } from '@/server/spaces/queries';
import { GroupInvitations } from '@/components/spaces/GroupInvitations';
import { acceptInvitationAction, declineInvitationAction } from './actions';
import { MoreLink } from '@/components/ui/MoreLink';
import { listMyRequests } from '@/server/membership/join-requests';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('spaces'))('groupsTitle') };
}

/** Affinity groups are free: any party member may browse and join the open ones. */
export default async function GroupsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const viewer = await requireViewer('/groupes');
  const { cursor } = await searchParams;
  const t = await getTranslations('spaces');
  const tc = await getTranslations('common');
  const groups = listSpaces({ kind: 'group', limit: 50, cursor: cursor ?? null });
  const invitations = listMyGroupInvitations(viewer.id, (await getLocale()) === 'en' ? 'en' : 'fr');
  // Groups on request say so; those the viewer asked to join, that the request is pending.
  const tr = await getTranslations('membership.requests');
  const asked = new Set(listMyRequests(viewer).flatMap((r) => (r.status === 'pending' && r.kind === 'group' ? [r.space.id] : [])));
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('groupsTitle')}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {t('groupsIntro')}
          </p>
        </div>
        {canSite(viewer, 'createGroup') && (
          <Link href="/groupes/nouveau" className="btn btn-primary">
            <Icon name="plus" size={18} /> {t('createGroup')}
          </Link>
        )}
      </div>
      <GroupInvitations invitations={invitations} accept={acceptInvitationAction} decline={declineInvitationAction} />
      <section className="card">
        {groups.data.length === 0 ? (
          <p className="empty">{t('noGroups')}</p>
        ) : (
          <ul className="list">
            {groups.data.map((g) => (
              <li key={g.id}>
                <div className="row" style={{ justifyContent: 'space-between' }}>
                  <Link className="list-title" href={`/espaces/${g.id}`}>
                    {g.name}
                  </Link>
                  {viewer.roles.has(g.id) ? (
                    <span className="badge badge-published">{t('youAreMember')}</span>
                  ) : asked.has(g.id) ? (
                    <span className="badge badge-draft">{tr('sent')}</span>
                  ) : (
                    !g.isOpen && <span className="badge">{t('closedGroup')}</span>
                  )}
                </div>
                {g.description && <p className="excerpt">{g.description}</p>}
              </li>
            ))}
          </ul>
        )}
        <MoreLink href={groups.nextCursor ? `/groupes?cursor=${groups.nextCursor}` : null} label={tc('loadMore')} />
      </section>
    </div>
  );
}
