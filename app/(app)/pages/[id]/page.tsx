import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/pages/PageHeader';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { isAppError } from '@/lib/errors';
import { getViewer, getViewerOrResume } from '@/server/auth/current';
import { jsonToHTML } from '@/server/pages/body';
import { getPage } from '@/server/pages/page-service';
import { getBreadcrumbs } from '@/server/spaces/queries';
import { deletePageAction, publishVersionAction, renamePageAction, saveVersionAction, setStatusAction, setVisibilityAction } from './actions';
import { PublicationBar } from '@/components/history/PublicationBar';
import { LiveEditor } from '@/components/editor/LiveEditor';
import { userColor } from '@/lib/editor/user-color';
import { liveAccess } from '@/server/collab/access';
import { displayName, displayNameOf } from '@/server/users/display-name';
import { Backlinks } from '@/components/search/Backlinks';
import { listBacklinks } from '@/server/links/backlinks';
import { renderLinks } from '@/server/links/render-links';
import { createStubPageAction, resolveLinkTitlesAction, searchPageTitlesAction } from './editor-actions';
import { addStewardAction, listStewardsAction, removeStewardAction } from './steward-actions';
import { CoAuthorsButton } from '@/components/pages/CoAuthorsButton';

type Params = Promise<{ id: string }>;

/** Any page the viewer cannot read is a 404, with nothing of it in the response. */
async function readPage(id: string) {
  try {
    return getPage(await getViewerOrResume(`/pages/${id}`), id);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await readPage((await params).id);
  return { title: page.title };
}

export default async function PageView({ params, searchParams }: { params: Params; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  const page = await readPage(id);
  const viewer = await getViewer();
  const live = liveAccess(viewer, id);
  // Wiki links show their target's current title, or "page privée" to those who may not read it.
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const body = renderLinks(viewer, page.body.json, { locale });
  const backlinks = listBacklinks(viewer, id, { limit: 50 });
  const t = await getTranslations('pages');
  const th = await getTranslations('history');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const crumbs = page.space.kind === 'group' ? [{ href: '/groupes', label: tc('groups') }, { href: `/espaces/${page.space.id}`, label: page.space.name }] : getBreadcrumbs(page.space).map((c) => ({ href: `/espaces/${c.id}`, label: c.name }));
  // Never an address: a member who set no name is « Membre de <section> ».
  const authors = page.authors.map((a) => displayName(a, { sectionName: a.sectionName, locale }));
  // The public reads a published version: no names, only its date.
  const byline = page.abilities.viewHistory
    ? t('byline', { authors: authors.join(', '), date: format.dateTime(page.updatedAt, { dateStyle: 'long', timeStyle: 'short' }) })
    : th('publishedOn', { date: format.dateTime(page.updatedAt, { dateStyle: 'long' }) });
  // A page just created from « Nouvelle page »: the writer lands in the editor, not on the title.
  const justCreated = Boolean(sp.created) && page.abilities.edit;
  return (
    <article className="stack page-screen">
      <div>
        <Breadcrumbs items={[...crumbs, { label: page.title }]} />
        <PageHeader
          key={page.id}
          page={{ id: page.id, title: page.title, status: page.status, visibility: page.visibility, spaceName: page.space.name }}
          abilities={page.abilities}
          byline={byline}
          focusOnArrival={!justCreated}
          coAuthors={
            viewer && page.abilities.viewHistory ? (
              <CoAuthorsButton viewerId={viewer.id} listAction={listStewardsAction.bind(null, id)} addAction={addStewardAction.bind(null, id)} removeAction={removeStewardAction.bind(null, id)} />
            ) : undefined
          }
          actions={{
            rename: renamePageAction.bind(null, id),
            setStatus: setStatusAction.bind(null, id),
            setVisibility: setVisibilityAction.bind(null, id),
            remove: deletePageAction.bind(null, id),
            saveVersion: saveVersionAction.bind(null, id),
          }}
          publication={
            <PublicationBar
              publication={page.publication}
              abilities={page.abilities}
              visibility={page.visibility}
              spaceName={page.space.name}
              publishVersion={publishVersionAction.bind(null, id)}
            />
          }
        />
        {sp.created && page.status === 'draft' && (
          <p className="alert alert-ok" role="status">
            {t('created', { space: page.space.name })}
          </p>
        )}
        {page.status === 'archived' && <p className="alert alert-warn">{t('archivedNotice')}</p>}
      </div>
      {live && viewer ? (
        // Members who may read it get the live document (read-only unless they may edit).
        <LiveEditor
          pageId={page.id}
          access={live}
          user={{ id: viewer.id, name: displayNameOf(viewer.id, locale), color: userColor(viewer.id) }}
          actions={{ searchTitles: searchPageTitlesAction, createStub: createStubPageAction.bind(null, page.space.id), resolveTitles: resolveLinkTitlesAction }}
          initialHtml={jsonToHTML(body)}
          autoFocus={justCreated}
        />
      ) : (
        <div className="card">{page.body.text ? <div className="prose" dangerouslySetInnerHTML={{ __html: jsonToHTML(body) }} /> : <p className="empty">{t('emptyBody')}</p>}</div>
      )}
      <Backlinks items={backlinks.data} hasMore={backlinks.nextCursor !== null} />
    </article>
  );
}
