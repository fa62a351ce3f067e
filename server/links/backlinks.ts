/**
 * Backlinks: the pages that link to a page, as one viewer may see them. The target must be
 * readable (else `not_found`), and every referrer is filtered by `readableWhere` inside the query,
 * so an unreadable referrer never appears, even as a count.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { pageLinks, pagePublicLinks, pages, spaces, type PageKind } from '@/db/schema';
import { decodeCursor, encodeCursor, timeAndId } from '@/server/http/cursor';
import { loadPage, type LoadedPage } from '@/server/pages/load-page';
import { afterCursorPlaceholders, changedAtSeenByClass, titleSeenByClass } from '@/server/pages/seen-by';
import { TARGET_MARK } from './extract-links';
import { resolveLinkTitles } from './resolve-titles';
import { authorizePage, READER_PLACEHOLDERS, readableSql, readableWhere, readerClass, readerValues, readsLiveText, type Viewer } from '@/server/policy';
import { clampLimit, type Paged } from '@/server/spaces/queries';

export type Backlink = { id: string; title: string; snippet: string; kind: PageKind; spaceName: string; updatedAt: Date };


/**
 * Where a viewer's links come from: party members read live documents, so the links of live
 * documents; citizens and anonymous readers read published versions, so theirs.
 */
const linksFor = (viewer: Viewer) => (readsLiveText(viewer) ? pageLinks : pagePublicLinks);

/** Readable pages linking to `pageId`, most recently updated first, with the text around the link. */
export function listBacklinks(viewer: Viewer, pageId: string, opts: { limit?: number; cursor?: string | null } = {}): Paged<Backlink> {
  return backlinksOf(viewer, loadPage(pageId), opts);
}

/**
 * `listBacklinks` for a page already loaded. `targetTitle`: the target's title as this viewer
 * reads it, when the caller has it (else it is looked up).
 */
export function backlinksOf(viewer: Viewer, target: LoadedPage, opts: { limit?: number; cursor?: string | null; targetTitle?: string } = {}): Paged<Backlink> {
  authorizePage(viewer, 'read', target.ref);
  const pageId = target.row.id;
  const limit = clampLimit(opts.limit);
  const cur = decodeCursor(opts.cursor, timeAndId);
  // Prepared once per reader class (public readers follow the published versions' links) and cursor or not.
  const cls = readerClass(viewer);
  const rows = prepared(`backlinks.${cls}.${cur ? 'after' : 'first'}`, (d) => {
    const links = cls === 'public' ? pagePublicLinks : pageLinks;
    return d
      .select({ id: pages.id, title: titleSeenByClass(cls), snippet: links.snippet, kind: pages.kind, spaceName: spaces.name, updatedAt: changedAtSeenByClass(cls), sortedAt: pages.updatedAt })
      .from(links)
      .innerJoin(pages, eq(pages.id, links.sourceId))
      .innerJoin(spaces, eq(spaces.id, pages.spaceId))
      .where(
        and(
          eq(links.targetId, sql.placeholder('target')),
          readableSql(cls, READER_PLACEHOLDERS),
          cur ? afterCursorPlaceholders() : undefined,
        ),
      )
      .orderBy(desc(pages.updatedAt), desc(pages.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  }).all({ ...readerValues(viewer), target: pageId, curT: cur?.t, curId: cur?.id, limit: limit + 1 });
  // The link itself shows as the target's title, which the viewer may read (as they read it).
  const targetTitle = opts.targetTitle ?? resolveLinkTitles(viewer, [pageId])[pageId] ?? target.row.title;
  const data = rows.slice(0, limit).map(({ sortedAt: _, ...r }) => ({ ...r, snippet: r.snippet.replaceAll(TARGET_MARK, targetTitle) }));
  const last = rows[data.length - 1];
  return {
    data,
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.sortedAt.getTime(), id: last.id }) : null,
  };
}

/** How many readable pages link to `pageId` (the target must be readable). */
export function countBacklinks(viewer: Viewer, pageId: string): number {
  authorizePage(viewer, 'read', loadPage(pageId).ref);
  const links = linksFor(viewer);
  return (
    db()
      .select({ n: sql<number>`count(*)` })
      .from(links)
      .innerJoin(pages, eq(pages.id, links.sourceId))
      .where(and(eq(links.targetId, pageId), readableWhere(viewer)))
      .get()?.n ?? 0
  );
}

/**
 * Every page whose live body links to one of these, whoever may read it (for the collaboration
 * server, which tells their open editors; never shown to anyone as such).
 */
export function linkSourcesOf(targetIds: readonly string[]): string[] {
  const ids = [...new Set(targetIds)];
  if (ids.length === 0) return [];
  return db().selectDistinct({ id: pageLinks.sourceId }).from(pageLinks).where(inArray(pageLinks.targetId, ids)).all().map((r) => r.id);
}
