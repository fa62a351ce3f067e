import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { RequestList } from '@/components/membership/RequestList';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { loadSpaceOr404 } from '../load-space';
import { getViewerOrResume } from '@/server/auth/current';
import { listSpaceRequests } from '@/server/membership/join-requests';
import { spaceAbilities } from '@/server/policy';
import { getBreadcrumbs } from '@/server/spaces/queries';
import { displayName } from '@/server/users/display-name';
import { acceptRequestAction, declineRequestAction } from './actions';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('membership.requests');
  return { title: t('metaTitle', { space: loadSpaceOr404((await params).id).name }) };
}

/**
 * The deciders' screen: the pending requests to join this section (or move to it) or this group,
 * oldest first, each accepted or declined with a confirmation. Names and addresses are the
 * deciders' only: anyone else meets the 404 page, and learns nothing of who asks.
 */
export default async function SpaceRequestsPage({ params }: { params: Params }) {
  const { id } = await params;
  const space = loadSpaceOr404(id);
  const viewer = await getViewerOrResume(`/espaces/${id}/demandes`);
  if (!spaceAbilities(viewer, space).decideRequests) notFound();
  const t = await getTranslations('membership.requests');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const requests = listSpaceRequests(viewer, id).map((r) => ({
    id: r.id,
    kind: r.kind,
    // A person without a name is shown by their address here: the deciders manage the space and see it.
    name: r.person.name?.trim() || r.person.email || displayName({ name: null }, { locale }),
    email: r.person.email,
    fromName: r.fromSpace?.name ?? null,
    message: r.message,
    askedOn: format.dateTime(r.createdAt, { dateStyle: 'long', timeStyle: 'short' }),
  }));
  const trail = space.kind === 'group' ? [{ href: '/groupes', label: tc('groups') }, { href: `/espaces/${id}`, label: space.name }] : getBreadcrumbs(space).map((c) => ({ href: `/espaces/${c.id}`, label: c.name }));
  return (
    <div className="stack">
      <div>
        <Breadcrumbs items={[...trail, { label: t('title') }]} />
        <h1 style={{ marginTop: 6 }}>{t('metaTitle', { space: space.name })}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t('intro', { kind: space.kind })}
        </p>
      </div>
      <section className="card" aria-labelledby="requests-count">
        <h2 id="requests-count">{t('pendingCount', { count: requests.length })}</h2>
        <RequestList requests={requests} spaceName={space.name} accept={acceptRequestAction.bind(null, id)} decline={declineRequestAction.bind(null, id)} />
      </section>
    </div>
  );
}
