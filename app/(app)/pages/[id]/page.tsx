import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge, VisibilityBadge } from '@/components/pages/Badges';
import { PageActions } from '@/components/pages/PageActions';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { isAppError } from '@/lib/errors';
import { getViewer, getViewerOrResume } from '@/server/auth/current';
import { jsonToHTML } from '@/server/pages/body';
import { getPage } from '@/server/pages/page-service';
import { getBreadcrumbs } from '@/server/spaces/queries';
import { deletePageAction, publishVersionAction, saveVersionAction, setStatusAction, setVisibilityAction } from './actions';
import { PublicationBar } from '@/components/history/PublicationBar';
import { LiveEditor } from '@/components/editor/LiveEditor';
import { userColor } from '@/lib/editor/user-color';
import { liveAccess } from '@/server/collab/access';
import { getProfile } from '@/server/users/account-service';
import { Backlinks } from '@/components/search/Backlinks';
import { listBacklinks } from '@/server/links/backlinks';
import { renderLinks } from '@/server/links/render-links';
import { createStubPageAction, resolveLinkTitlesAction, searchPageTitlesAction } from './editor-actions';

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

export default async function PageView({ params, searchParams }: { params: Params; searchParams: Promise<{ saved?: string; created?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  const page = await readPage(id);
  const viewer = await getViewer();
  const live = liveAccess(viewer, id);
  // Wiki links show their target's current title, or "page privée" to those who may not read it.
  const body = renderLinks(viewer, page.body.json, { locale: (await getLocale()) === 'en' ? 'en' : 'fr' });
  const backlinks = listBacklinks(viewer, id, { limit: 50 });
  const t = await getTranslations('pages');
  const th = await getTranslations('history');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const crumbs = page.space.kind === 'group' ? [{ href: '/groupes', label: tc('groups') }, { href: `/espaces/${page.space.id}`, label: page.space.name }] : getBreadcrumbs(page.space).map((c) => ({ href: `/espaces/${c.id}`, label: c.name }));
  const authors = page.authors.map((a) => (a.deletedAt ? tc('formerMember') : (a.name ?? '—')));
  return (
    <article className="stack">
      <div>
        <Breadcrumbs items={[...crumbs, { label: page.title }]} />
        <div className="row" style={{ marginBottom: 8 }}>
          <StatusBadge status={page.status} />
          <VisibilityBadge visibility={page.visibility} />
        </div>
        <h1>{page.title}</h1>
        <p className="small muted">
          {/* The public reads a published version: no names, only its date. */}
          {page.abilities.viewHistory
            ? t('byline', { authors: authors.join(', '), date: format.dateTime(page.updatedAt, { dateStyle: 'long', timeStyle: 'short' }) })
            : th('publishedOn', { date: format.dateTime(page.updatedAt, { dateStyle: 'long' }) })}
        </p>
        {sp.saved && <p className="alert alert-ok" role="status">{tc('saved')}</p>}
        {sp.created && <p className="alert alert-ok" role="status">{t('created')}</p>}
        {page.status === 'archived' && <p className="alert alert-warn">{t('archivedNotice')}</p>}
        <PageActions
          pageId={page.id}
          title={page.title}
          status={page.status}
          visibility={page.visibility}
          abilities={page.abilities}
          setStatus={setStatusAction.bind(null, id)}
          setVisibility={setVisibilityAction.bind(null, id)}
          remove={deletePageAction.bind(null, id)}
        />
        <PublicationBar
          pageId={page.id}
          publication={page.publication}
          abilities={page.abilities}
          publishVersion={publishVersionAction.bind(null, id)}
          saveVersion={saveVersionAction.bind(null, id)}
        />
      </div>
      {live && viewer ? (
        // Members who may read it get the live document (read-only unless they may edit).
        <LiveEditor
          pageId={page.id}
          access={live}
          user={{ id: viewer.id, name: getProfile(viewer.id).name ?? '—', color: userColor(viewer.id) }}
          actions={{ searchTitles: searchPageTitlesAction, createStub: createStubPageAction.bind(null, page.space.id), resolveTitles: resolveLinkTitlesAction }}
          initialHtml={jsonToHTML(body)}
        />
      ) : (
      <div className="card">
        {page.body.text ? <div className="prose" dangerouslySetInnerHTML={{ __html: jsonToHTML(body) }} /> : <p className="empty">{page.abilities.edit ? t('emptyBodyCanEdit') : t('emptyBody')}</p>}
      </div>
      )}
      <Backlinks items={backlinks.data} hasMore={backlinks.nextCursor !== null} />
    </article>
  );
}
