import type { Metadata } from 'next';
import type { CSSProperties } from 'react';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/pages/PageHeader';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { isAppError } from '@/lib/errors';
import { getViewerOrResume } from '@/server/auth/current';
import { jsonToHTML } from '@/server/pages/body';
import { getPageView } from '@/server/pages/page-view';
import { deletePageAction, publishVersionAction, renamePageAction, saveVersionAction, setStatusAction, setVisibilityAction } from './actions';
import { PublicationBar } from '@/components/history/PublicationBar';
import { LiveEditor } from '@/components/editor/LiveEditor';
import { userColor } from '@/lib/editor/user-color';
import { displayName, displayNameOf } from '@/server/users/display-name';
import { Backlinks } from '@/components/search/Backlinks';
import { createStubPageAction, resolveLinkTitlesAction, searchPageTitlesAction } from './editor-actions';
import { addStewardAction, listStewardsAction, removeStewardAction } from './steward-actions';
import { CoAuthorsButton } from '@/components/pages/CoAuthorsButton';
import { AmendmentSection } from './amendment-section';
import { LineNumbersNote } from '@/components/motions/LineNumbersNote';
import { pageLineNumbers } from '@/server/motions/line-numbers-view';
import '@/components/motions/line-numbers.css';
import '@/components/motions/print.css';
import { MotionSection } from './motion-panel';
import { loadPage } from '@/server/pages/load-page';
import { EventSection } from './event-section';
import { EventRsvpSection } from './event-rsvp-section';

type Params = Promise<{ id: string }>;

/**
 * The page as this reader sees it, read once per request (the metadata and the page share it).
 * Any page the viewer cannot read is a 404, with nothing of it in the response.
 */
const readPage = cache(async (id: string) => {
  const viewer = await getViewerOrResume(`/pages/${id}`);
  // Wiki links show their target's current title, or "page privée" to those who may not read it.
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  try {
    return { viewer, locale, page: getPageView(viewer, id, { locale, backlinks: 50 }) } as const;
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { page } = await readPage((await params).id);
  return { title: page.title };
}

export default async function PageView({ params, searchParams }: { params: Params; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  const { viewer, locale, page } = await readPage(id);
  const live = page.liveAccess;
  const body = page.body.json;
  const backlinks = page.backlinks!;
  const t = await getTranslations('pages');
  const th = await getTranslations('history');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const crumbs = page.space.kind === 'group' ? [{ href: '/groupes', label: tc('groups') }, { href: `/espaces/${page.space.id}`, label: page.space.name }] : page.breadcrumbs.map((c) => ({ href: `/espaces/${c.id}`, label: c.name }));
  // Never an address: a member who set no name is « Membre de <section> ».
  const authors = page.authors.map((a) => (a.deletedAt ? tc('formerMember') : displayName(a, { sectionName: a.sectionName, locale })));
  // The public reads a published version: no names, only its date.
  const byline = page.abilities.viewHistory
    ? t('byline', { authors: authors.join(', '), date: format.dateTime(page.updatedAt, { dateStyle: 'long', timeStyle: 'short' }) })
    : th('publishedOn', { date: format.dateTime(page.updatedAt, { dateStyle: 'long' }) });
  // A page just created from « Nouvelle page »: the writer lands in the editor, not on the title.
  const justCreated = Boolean(sp.created) && page.abilities.edit;
  // A motion from its filing on: the current stage's line numbers, on the text this reader gets.
  const lines = page.deliberation ? pageLineNumbers(page.id, body, { live: Boolean(live && viewer) }) : null;
  // Read once for the motion panel and the amendments (a page nobody deliberates on reads nothing more).
  const loaded = page.deliberation || page.mayOpenAmendments ? loadPage(page.id) : null;
  return (
    // The numbered text's font fits a line of the stage's length to its column (components/motions/line-numbers.css).
    <article className="stack page-screen" style={lines ? ({ '--line-length': lines.lineLength } as CSSProperties) : undefined}>
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
      {loaded && (
        <MotionSection viewer={viewer} page={{ id: page.id, title: page.title, spaceName: page.space.name, visibility: page.visibility }} locale={locale} loaded={loaded} />
      )}
      {/* An event: when, where, seats, slots, counts (no names); the RSVP box goes in EventPanel's `rsvp`. */}
      {page.kind === 'event' && <EventSection viewer={viewer} pageId={page.id} locale={locale} rsvp={<EventRsvpSection viewer={viewer} pageId={page.id} />} />}
      {lines && <LineNumbersNote stage={lines.stage} lineLength={lines.lineLength} />}
      {live && viewer ? (
        // Members who may read it get the live document (read-only unless they may edit); with its amendments when open for them.
        <AmendmentSection viewer={viewer} loaded={page.deliberation ? loaded : null} locale={locale}>
        <LiveEditor
          pageId={page.id}
          access={live}
          user={{ id: viewer.id, name: displayNameOf(viewer.id, locale), color: userColor(viewer.id) }}
          actions={{ searchTitles: searchPageTitlesAction, createStub: createStubPageAction.bind(null, page.space.id), resolveTitles: resolveLinkTitlesAction }}
          initialHtml={lines?.html ?? jsonToHTML(body)}
          lineNumbers={lines?.lines}
          autoFocus={justCreated}
        />
        </AmendmentSection>
      ) : (
        <div className="card">{page.body.text ? <div className="prose" dangerouslySetInnerHTML={{ __html: lines?.html ?? jsonToHTML(body) }} /> : <p className="empty">{t('emptyBody')}</p>}</div>
      )}
      <Backlinks items={backlinks.data} hasMore={backlinks.nextCursor !== null} />
    </article>
  );
}
