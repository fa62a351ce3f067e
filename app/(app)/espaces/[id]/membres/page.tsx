import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { MemberFilter } from '@/components/spaces/MemberFilter';
import { MemberManager } from '@/components/spaces/MemberManager';
import { InviteMembersForm } from '@/components/membership/InviteMembersForm';
import { PendingInvitations } from '@/components/membership/PendingInvitations';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { MoreLink } from '@/components/ui/MoreLink';
import { loadSpaceOr404 } from '../load-space';
import { getViewerOrResume } from '@/server/auth/current';
import { listInvitations } from '@/server/membership/member-invitations';
import { recentWritingOf } from '@/server/membership/member-queries';
import { spaceAbilities } from '@/server/policy';
import { countMatchingMembers, countMembers, getBreadcrumbs, listMembers } from '@/server/spaces/queries';
import { addMemberAction, removeMemberAction, setRoleAction } from '../actions';
import { inviteMembersAction, resendInvitationAction, revokeInvitationAction } from './actions';

type Params = Promise<{ id: string }>;
type Search = Promise<{ members?: string; mq?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('spaces');
  return { title: `${t('members')} · ${loadSpaceOr404((await params).id).name}` };
}

/**
 * A space's members on a screen of their own: who they are, since when, what they recently wrote
 * here; for those who manage it, adding, roles, invitations by e-mail and the pending ones (the
 * space page shows their number). Addresses reach only those who manage the space.
 */
export default async function SpaceMembersPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const sp = await searchParams;
  const space = loadSpaceOr404(id);
  const viewer = await getViewerOrResume(`/espaces/${id}/membres`);
  const can = spaceAbilities(viewer, space);
  if (!can.listMembers) notFound(); // who may not see the members learns nothing of them, not even that the list exists
  const t = await getTranslations('spaces');
  const tc = await getTranslations('common');
  const tm = await getTranslations('membership');
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const memberQuery = typeof sp.mq === 'string' ? sp.mq.trim().slice(0, 100) : '';
  const members = listMembers(viewer, id, { limit: 100, cursor: sp.members ?? null, q: memberQuery, locale });
  const recent = Object.fromEntries(recentWritingOf(viewer, id, members.data.map((m) => m.userId)));
  const memberTotal = countMembers(id);
  const memberMatches = memberQuery ? countMatchingMembers(viewer, id, memberQuery) : null;
  // E-mail invitations: a section's secretaries invite here; a group's admins invite party members in the app (the form below), and see any sent through the API.
  const invitations = can.inviteMembers ? listInvitations(viewer, id, { locale }) : null;
  const trail = space.kind === 'group' ? [{ href: '/groupes', label: tc('groups') }, { href: `/espaces/${id}`, label: space.name }] : getBreadcrumbs(space).map((c) => ({ href: `/espaces/${c.id}`, label: c.name }));
  return (
    <div className="stack">
      <div>
        <Breadcrumbs items={[...trail, { label: t('members') }]} />
        <div className="page-header">
          <h1 style={{ marginTop: 6 }}>{t('membersOf', { name: space.name })}</h1>
          {can.inviteMembers && space.kind === 'section' && (
            <a href="#invite-title" className="btn btn-primary">
              {tm('invite.title')}
            </a>
          )}
        </div>
      </div>
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t('members')}</h2>
        <MemberManager
          members={members.data}
          recent={recent}
          total={memberTotal}
          canManage={can.manageMembers}
          animatorRole={space.kind === 'group' ? 'admin' : 'secretary'}
          addAction={addMemberAction.bind(null, id)}
          removeAction={removeMemberAction.bind(null, id)}
          setRoleAction={setRoleAction.bind(null, id)}
          filter={memberTotal > 20 || memberQuery ? <MemberFilter spaceId={id} query={memberQuery} matches={memberMatches} total={memberTotal} byAddress={can.manageMembers} /> : null}
        />
        <MoreLink
          href={members.nextCursor ? `/espaces/${id}/membres?${new URLSearchParams({ members: members.nextCursor, ...(memberQuery ? { mq: memberQuery } : {}) })}#members-title` : null}
          label={tc('loadMore')}
        />
      </section>
      {can.inviteMembers && space.kind === 'section' && (
        <section className="card stack" aria-labelledby="invite-title">
          <h2 id="invite-title">{tm('invite.title')}</h2>
          <InviteMembersForm action={inviteMembersAction.bind(null, id)} kind="section" />
        </section>
      )}
      {invitations && (space.kind === 'section' || invitations.length > 0) && (
        <section className="card stack" aria-labelledby="pending-title">
          <h2 id="pending-title">
            {tm('pending.title')} <span className="muted small">({tm('pending.count', { count: invitations.length })})</span>
          </h2>
          <PendingInvitations invitations={invitations} resendAction={resendInvitationAction.bind(null, id)} revokeAction={revokeInvitationAction.bind(null, id)} />
        </section>
      )}
    </div>
  );
}
