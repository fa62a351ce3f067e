/**
 * A text's amendments on a screen of their own: all of them by passage, rival wordings side by
 * side (`/pages/:id/amendements`), or the merge session (`?session=1`): the text beside the
 * passage at hand, for the deciders to decide and for the authors and amenders to watch.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AmendmentBoard } from '@/components/amendments/AmendmentBoard';
import { MergeSession } from '@/components/amendments/MergeSession';
import { LiveEditor } from '@/components/editor/LiveEditor';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { userColor } from '@/lib/editor/user-color';
import { isAppError } from '@/lib/errors';
import { listAmendments } from '@/server/amendments/amendment-service';
import { getViewerOrResume } from '@/server/auth/current';
import { jsonToHTML } from '@/server/pages/body';
import { loadPage } from '@/server/pages/load-page';
import { getPageView } from '@/server/pages/page-view';
import { deliberationAbilities } from '@/server/policy';
import { displayNameOf } from '@/server/users/display-name';
import { closeMergeSessionAction } from '../amendment-actions';
import { boundAmendmentActions } from '../amendment-bindings';
import { createStubPageAction, resolveLinkTitlesAction, searchPageTitlesAction } from '../editor-actions';

type Params = Promise<{ id: string }>;

async function read(id: string) {
  const viewer = await getViewerOrResume(`/pages/${id}/amendements`);
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  try {
    const page = getPageView(viewer, id, { locale });
    const { ref } = loadPage(id);
    // Amendments are read from the live text: party members who read it.
    if (!viewer || !page.liveAccess || !ref.deliberation) notFound();
    return { viewer, locale, page, ref } as const;
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: Promise<{ session?: string }> }): Promise<Metadata> {
  const { page } = await read((await params).id);
  const t = await getTranslations('motions.amendments');
  return { title: (await searchParams).session ? t('session.title', { title: page.title }) : t('list.title', { title: page.title }) };
}

export default async function AmendmentsScreen({ params, searchParams }: { params: Params; searchParams: Promise<{ session?: string }> }) {
  const { id } = await params;
  const session = Boolean((await searchParams).session);
  const { viewer, locale, page, ref } = await read(id);
  const t = await getTranslations('motions.amendments');
  const abilities = deliberationAbilities(viewer, ref);
  const initial = listAmendments(viewer, id, { locale });
  const actions = boundAmendmentActions(id);
  const heading = session ? t('session.title', { title: page.title }) : t('list.title', { title: page.title });
  return (
    <article className="stack page-screen">
      <div>
        <Breadcrumbs items={[{ href: `/espaces/${page.space.id}`, label: page.space.name }, { href: `/pages/${id}`, label: page.title }, { label: session ? t('openSession') : t('heading') }]} />
        <div className="amend-screen-head">
          <h1>{heading}</h1>
          <p className="row">
            <Link href={`/pages/${id}`}>{t('list.back')}</Link>
            {!session && abilities.decideAmendments && <Link href={`/pages/${id}/amendements?session=1`}>{t('session.start')}</Link>}
            {session && <Link href={`/pages/${id}/amendements`}>{t('openList')}</Link>}
          </p>
        </div>
      </div>
      <ClientMessages ns={['editor', 'history', 'pages', 'motions']}>
        {session ? (
          <MergeSession
            editor={
              <LiveEditor
                pageId={id}
                access={page.liveAccess!}
                user={{ id: viewer.id, name: displayNameOf(viewer.id, locale), color: userColor(viewer.id) }}
                actions={{ searchTitles: searchPageTitlesAction, createStub: createStubPageAction.bind(null, page.space.id), resolveTitles: resolveLinkTitlesAction }}
                initialHtml={jsonToHTML(page.body.json)}
              />
            }
            initial={initial}
            actions={actions}
            decide={abilities.decideAmendments}
            close={closeMergeSessionAction.bind(null, id)}
          />
        ) : (
          <AmendmentBoard initial={initial} actions={actions} />
        )}
      </ClientMessages>
    </article>
  );
}
