/**
 * One read for a page: what the page route and the JSON API show of it, for one reader, from one
 * load of its row. The page as this reader may see it (the live text for party members, the
 * published version for everyone else), the abilities, the body with its wiki links titled for
 * this reader, the websocket access the editor will get, the backlinks and the breadcrumbs.
 */
import type { JSONContent } from '@tiptap/core';
import { canDeliberateOn, liveDocumentAccess, type DeliberationRef, type LiveDocumentAccess, type Viewer } from '@/server/policy';
import { backlinksOf, type Backlink } from '@/server/links/backlinks';
import { renderLinks, type PRIVATE_PAGE_LABEL } from '@/server/links/render-links';
import { getBreadcrumbs, type Paged, type SpaceRow } from '@/server/spaces/queries';
import { jsonToMarkdown, jsonToText } from './body';
import { loadPage } from './load-page';
import { readLoadedPage, type PageAsRead } from './page-service';

/** A body as this reader sees it; `revision` for readers of the live document (what a based write names). */
export type ViewBody = { json: JSONContent; text: string; readonly markdown: string; revision: string | null };

export type PageView = Omit<PageAsRead, 'body'> & {
  body: ViewBody;
  /** What the editor's websocket will allow: the policy's decision, the same as the abilities'. */
  liveAccess: LiveDocumentAccess;
  /** Null unless asked for (`backlinks: n`). */
  backlinks: Paged<Backlink> | null;
  breadcrumbs: Pick<SpaceRow, 'id' | 'name' | 'kind'>[];
  /** The page's stage when it is deliberated on (a motion, a chapter opened for amendments); else null. */
  deliberation: DeliberationRef | null;
  /** The viewer may open this document for amendments (its space's animators): the screen offers it. */
  mayOpenAmendments: boolean;
};

export type PageViewOptions = { locale?: keyof typeof PRIVATE_PAGE_LABEL; /** How many backlinks to include (none when omitted). */ backlinks?: number };

/** The page `id` as `viewer` reads it; `not_found` when they may not (nothing of it leaks). */
export function getPageView(viewer: Viewer, id: string, opts: PageViewOptions = {}): PageView {
  const loaded = loadPage(id);
  const page = readLoadedPage(viewer, loaded);
  const source = page.body;
  const revision = 'revision' in source && typeof source.revision === 'string' ? source.revision : null;
  const json = renderLinks(viewer, source.json, { locale: opts.locale });
  // Without links the cached body serves as is; with links, the text and Markdown name the
  // titles this reader sees (the Markdown only when asked: the page route never needs it).
  let markdown: string | undefined = json === source.json ? source.markdown : undefined;
  const body: ViewBody = {
    json,
    text: json === source.json ? source.text : jsonToText(json, { linkLabels: true }),
    get markdown() {
      return (markdown ??= jsonToMarkdown(json));
    },
    revision,
  };
  return {
    ...page,
    body,
    liveAccess: liveDocumentAccess(viewer, loaded.ref),
    backlinks: opts.backlinks ? backlinksOf(viewer, loaded, { limit: opts.backlinks, targetTitle: page.title }) : null,
    breadcrumbs: getBreadcrumbs(loaded.space),
    deliberation: loaded.ref.deliberation ?? null,
    mayOpenAmendments: !loaded.ref.deliberation && canDeliberateOn(viewer, 'openAmendments', loaded.ref),
  };
}
