import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import { PageList } from '@/components/pages/PageList';
import { MembershipButton } from '@/components/spaces/MembershipButton';
import { SubspaceForm } from '@/components/spaces/SubspaceForm';
import { UndoDeleteToast } from '@/components/pages/UndoDeleteToast';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { loadSpaceOr404 } from './load-space';
import { getViewerOrResume } from '@/server/auth/current';
import { listPages } from '@/server/pages/page-service';
import { listPageTree } from '@/server/pages/tree';
import { readsLiveText, spaceAbilities } from '@/server/policy';
import { PageTree } from '@/components/shell/PageTree';
import { movePageAction } from '../../shell-actions';
import { countMembers, getBreadcrumbs, listAnimators, listSpaces } from '@/server/spaces/queries';
import { createSubspaceAction, joinGroupAction, leaveGroupAction, restorePageAction } from './actions';
import { MoreLink } from '@/components/ui/MoreLink';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { JoinRequestButton } from '@/components/membership/JoinRequestButton';
import { SignInLink } from '@/components/ui/SignInLink';
import { countPendingRequests, myPendingRequestFor } from '@/server/membership/join-requests';
import { askToJoinAction, cancelRequestAction } from './demandes/actions';
import { UpcomingEvents } from './agenda/upcoming-events';

type Params = Promise<{ id: string }>;

/** Top-level pages the section's tree shows before « Afficher les autres pages ». */
const TREE_FIRST_ROWS = 25;
type Search = Promise<{ cursor?: string; spaces?: string; deleted?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: loadSpaceOr404((await params).id).name };
}

export default async function SpacePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const sp = await searchParams;
  const space = loadSpaceOr404(id);
  const viewer = await getViewerOrResume(`/espaces/${id}`);
  const t = await getTranslations('spaces');
  const tc = await getTranslations('common');
  const tm = await getTranslations('motions');
  const can = spaceAbilities(viewer, space);
  const crumbs = getBreadcrumbs(space);
  // Party members see the pages as a tree they can arrange, and the few changed last; outside the
  // party, the published texts as a list.
  const tree = readsLiveText(viewer) ? listPageTree(viewer, id) : null;
  const pages = listPages(viewer, { spaceId: id, limit: tree && tree.length > 0 && !sp.cursor ? 6 : 20, cursor: sp.cursor ?? null });
  const children = space.kind === 'national' || space.kind === 'federation' ? listSpaces({ parentId: id, limit: 60, cursor: sp.spaces ?? null }) : null;
  // The members have a screen of their own (/membres); here, how many and who animates the space.
  const memberTotal = can.listMembers ? countMembers(id) : null;
  const animators = can.listMembers ? listAnimators(viewer, space, { locale: (await getLocale()) === 'en' ? 'en' : 'fr' }) : [];
  const childKind = space.kind === 'national' ? 'federation' : 'section';
  // Asking to enter (a citizen → this section, a member of another section → a transfer, a party
  // member → a group on request); the deciders' count of pending requests; the last admin of a group
  // is offered to name another before leaving.
  const tr = await getTranslations('membership.requests');
  const requestKind = can.requestJoin ? (space.kind === 'group' ? 'group' : 'join') : can.requestTransfer ? 'transfer' : null;
  const myRequest = requestKind ? myPendingRequestFor(viewer, id) : null;
  const pendingRequests = countPendingRequests(viewer, space);
  const isLastAdmin = can.leave && viewer?.roles.get(id) === 'admin' && animators.length === 1;
  return (
    <div className="stack">
      <div>
        <Breadcrumbs items={space.kind === 'group' ? [{ href: '/groupes', label: tc('groups') }, { label: space.name }] : crumbs.map((c) => ({ href: `/espaces/${c.id}`, label: c.name }))} />
        <div className="page-header">
          <div>
            <span className="badge">{tc(`kind.${space.kind}`)}</span>
            <h1 style={{ marginTop: 6 }}>{space.name}</h1>
            {space.description && <p className="muted" style={{ margin: 0 }}>{space.description}</p>}
          </div>
          <div className="row">
            {can.createPage && (
              <a data-nav href={`/espaces/${id}/nouvelle-page`} className="btn btn-primary">
                <Icon name="filePlus" size={18} /> {t('newPage')}
              </a>
            )}
            {can.createPage && (
              <a data-nav href={`/espaces/${id}/nouvelle-page?kind=motion`} className="btn">
                <Icon name="gavel" size={18} /> {tm('newMotion.entry')}
              </a>
            )}
            {can.join && <MembershipButton mode="join" action={joinGroupAction.bind(null, id)} groupName={space.name} isOpen={space.isOpen} />}
            {can.leave && !isLastAdmin && <MembershipButton mode="leave" action={leaveGroupAction.bind(null, id)} groupName={space.name} isOpen={space.isOpen} />}
            {isLastAdmin && (
              <span className="stack" style={{ gap: 4, maxWidth: 320 }}>
                <a data-nav className="btn" href={`/espaces/${id}/membres`}>
                  {tr('nameAdmin')}
                </a>
                <span className="small muted">{tr('lastAdminHint')}</span>
              </span>
            )}
            {requestKind && (
              <ClientMessages ns={['membership']}>
                <JoinRequestButton kind={requestKind} spaceName={space.name} pendingId={myRequest?.id ?? null} ask={askToJoinAction.bind(null, id)} cancel={cancelRequestAction} />
              </ClientMessages>
            )}
            {!viewer && space.kind === 'section' && (
              <SignInLink className="btn btn-primary">
                <Icon name="userPlus" size={18} /> {tr('signInToJoin')}
              </SignInLink>
            )}
            {can.viewTrash && (
              <a data-nav href={`/espaces/${id}/corbeille`} className="btn">
                <Icon name="trash" size={18} /> {t('trash')}
              </a>
            )}
          </div>
        </div>
      </div>

      {space.kind !== 'national' && <UpcomingEvents viewer={viewer} spaceId={id} canCreate={can.createPage} />}
      {tree && tree.length > 0 && (
        <section className="card" aria-labelledby="tree-title">
          <h2 id="tree-title">{t('pages')}</h2>
          <PageTree spaceId={id} nodes={tree} move={movePageAction} label={t('pages')} firstRows={TREE_FIRST_ROWS} />
          {tree.some((n) => n.canMove) && <p className="small muted" style={{ margin: '8px 0 0' }}>{t('treeHint')}</p>}
        </section>
      )}
      <section className="card" aria-labelledby="pages-title">
        <h2 id="pages-title">{tree && tree.length > 0 ? t('recentPages') : t('pages')}</h2>
        <PageList compact={Boolean(tree && tree.length > 0)} items={pages.data} emptyText={can.createPage ? t('pagesEmptyCanCreate') : t('pagesEmpty')} moreHref={pages.nextCursor ? `/espaces/${id}?cursor=${pages.nextCursor}` : null} />
      </section>

      {children && (
        <section className="card" aria-labelledby="subspaces-title">
          <h2 id="subspaces-title">{space.kind === 'national' ? t('federations') : t('sections')}</h2>
          {children.data.length === 0 ? (
            <p className="empty">{t('noSubspaces')}</p>
          ) : (
            <ul className="list" style={{ columns: '220px', columnGap: 24 }}>
              {children.data.map((c) => (
                <li key={c.id} style={{ breakInside: 'avoid' }}>
                  <a data-nav className="list-title" href={`/espaces/${c.id}`}>
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <MoreLink href={children.nextCursor ? `/espaces/${id}?spaces=${children.nextCursor}` : null} label={tc('loadMore')} />
          {can.createSubspace && <SubspaceForm action={createSubspaceAction.bind(null, id)} kind={childKind} />}
        </section>
      )}

      {memberTotal !== null && (
        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title">{t('members')}</h2>
          <p style={{ margin: 0 }}>
            {t('memberCount', { count: memberTotal })}
            {animators.length > 0 && (
              <>
                {' · '}
                {t(space.kind === 'group' ? 'animatedByAdmins' : 'animatedBySecretaries', { names: animators.map((a) => a.displayName).join(', ') })}
              </>
            )}
          </p>
          <div className="row" style={{ marginTop: 8 }}>
            <a data-nav className="btn" href={`/espaces/${id}/membres`}>
              <Icon name="users" size={18} /> {can.manageMembers ? t('manageMembers') : t('seeMembers')}
            </a>
            {pendingRequests !== null && (
              <a data-nav className={pendingRequests > 0 ? 'btn btn-primary' : 'btn'} href={`/espaces/${id}/demandes`}>
                <Icon name="inbox" size={18} /> {tr('pendingCount', { count: pendingRequests })}
              </a>
            )}
          </div>
        </section>
      )}
      {sp.deleted && <UndoDeleteToast restore={restorePageAction.bind(null, id, sp.deleted)} />}
    </div>
  );
}
