/**
 * Pages: create, read, change, delete and restore. Each function loads, authorizes through the
 * policy and writes in one synchronous transaction, then returns plain data.
 */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { pageAuthors, pageDocs, pages, pageVersions, spaces, users, PAGE_KINDS, PAGE_STATUSES, VISIBILITIES } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { decodeCursor, encodeCursor, timeAndId } from '@/server/http/cursor';
import { displayName, sectionNameSql } from '@/server/users/display-name';
import { parseInput } from '@/lib/parse-input';
import { titleSchema } from '@/lib/text/title';
import { authorizePage, authorizeSpace, canPage, pageAbilities, READER_PLACEHOLDERS, readableSql, readerClass, readerValues, TRASH_DAYS, type PageAction, type Viewer } from '@/server/policy';
import { clampLimit, getSpaceRow, toSpaceRef, type Paged } from '@/server/spaces/queries';
import { applyContent, jsonToText, renderBody } from './body';
import { markdownBody } from '@/server/links/markdown-with-wiki-links';
import { liveBody, versionBody } from './body-cache';
import { loadPage, type LoadedPage, type PageRow } from './load-page';
import { indexPage } from '@/server/search/index-page';
import { notifyAccessChanged, notifyLinkTargetsChanged } from '@/server/documents/live-rooms';
import { recordDocClients } from '@/server/documents/store';
import { derivePage } from './derive';
import { afterCursorPlaceholders, changedAtSeenByClass, titleSeenByClass } from './seen-by';
import { recordActivity, recordPageUpdate } from '@/server/activity/record-activity';
import { missingRevision, writeBasedContent } from './based-write';
import { indexPublicPage, recordPublication, versionState } from '@/server/versions/versions';
import { startDeliberation } from '@/server/deliberations/stage-log';

const EMPTY_STATE = new Uint8Array([0, 0]);

export const MAX_MARKDOWN = 200_000;

export const createPageInput = z.object({
  spaceId: z.string().min(1),
  title: titleSchema(),
  kind: z.enum(PAGE_KINDS).default('document'),
  visibility: z.enum(VISIBILITIES).default('space'),
  status: z.enum(PAGE_STATUSES).default('draft'),
  markdown: z.string().max(MAX_MARKDOWN).default(''),
});
export type CreatePageInput = z.input<typeof createPageInput>;

export const updatePageInput = z.object({
  title: titleSchema().optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  status: z.enum(PAGE_STATUSES).optional(),
  markdown: z.string().max(MAX_MARKDOWN).optional(),
  /**
   * With `markdown`: the `revision` of the page read before writing (GET). The new body is merged
   * as a change against that revision, so what others typed since survives.
   */
  baseRevision: z.string().max(1000).optional(),
  /** Name of the version taken when this change publishes the page. */
  versionName: z.string().trim().max(120).optional(),
});
export type UpdatePageInput = z.input<typeof updatePageInput>;


function requireUser(viewer: Viewer): NonNullable<Viewer> {
  if (!viewer) throw new AppError('unauthorized');
  return viewer;
}

/**
 * `sideTable`: writes a kind's side-table rows (an event's dates and slots) in the same transaction
 * as the page, so neither exists without the other.
 */
export function createPage(viewer: Viewer, raw: CreatePageInput, sideTable?: (tx: Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0], page: PageRow) => void): PageRow {
  const v = requireUser(viewer);
  const input = parseInput(createPageInput, raw);
  const space = db().select().from(spaces).where(eq(spaces.id, input.spaceId)).get();
  if (!space) throw new AppError('invalid_input', 'Unknown space.', 'spaceId');
  authorizeSpace(v, 'createPage', toSpaceRef(space));
  // A motion is published by filing it (server/motions): it starts as a draft of its authors.
  if (input.kind === 'motion' && input.status !== 'draft') throw new AppError('invalid_input', 'status: a motion starts as a draft and is published by filing it.', 'status');
  // `[[Titre]]` and links to pages become wiki links, as in the editor and the API.
  const body = markdownBody(v, space.id, input.markdown, (title) => createStubPage(v, space.id, title));
  const state = applyContent(null, body);
  const text = jsonToText(body);
  const now = new Date();
  const created = db().transaction((tx) => {
    const row = tx
      .insert(pages)
      .values({
        spaceId: space.id,
        kind: input.kind,
        title: input.title,
        visibility: input.visibility,
        status: input.status,
        text,
        createdBy: v.id,
        updatedBy: v.id,
        createdAt: now,
        updatedAt: now,
        publishedAt: input.status === 'published' ? now : null,
      })
      .returning()
      .get();
    tx.insert(pageAuthors).values({ pageId: row.id, userId: v.id }).run();
    tx.insert(pageDocs).values({ pageId: row.id, state: Buffer.from(state), updatedAt: now }).run();
    recordDocClients(row.id, state, v.id); // the first text is the creator's
    if (input.kind === 'motion') startDeliberation(tx, row.id, 'motion', 'draft', v.id, { now });
    sideTable?.(tx, row);
    return row;
  });
  recordActivity(created.id, v.id, 'created', now);
  derivePage(created.id, state, [v.id], now); // links and search entries
  if (input.status !== 'draft') recordPublication(created.id, v.id, null, now);
  return created;
}

/**
 * The page a wiki link to a missing title makes: a draft of the current space, read by its
 * creator and the space's animators until someone publishes it (the link shows "page privée"
 * to the others meanwhile). Creating a page is not publishing it: a link typed in passing
 * must not put a page before the whole space.
 */
export function createStubPage(viewer: Viewer, spaceId: string, title: string): PageRow {
  return createPage(viewer, { spaceId, title, status: 'draft', visibility: 'space' });
}

/**
 * A page as its viewer may see it: row, space, body, authors and abilities. Party members read
 * the live document; citizens and anonymous readers read the latest published version, with no
 * author and nothing of the live document (its text, who changed it, when).
 */
export function getPage(viewer: Viewer, id: string) {
  return readLoadedPage(viewer, loadPage(id));
}

/** `getPage` on a page already loaded (the page view loads it once for everything it shows). */
export function readLoadedPage(viewer: Viewer, loaded: LoadedPage) {
  authorizePage(viewer, 'read', loaded.ref);
  const abilities = pageAbilities(viewer, loaded.ref);
  const { row } = loaded;
  const id = row.id;
  const published = row.publishedVersionId
    ? (prepared('getPage.published', (d) =>
        d.select({ id: pageVersions.id, name: pageVersions.name, title: pageVersions.title, createdAt: pageVersions.createdAt }).from(pageVersions).where(eq(pageVersions.id, sql.placeholder('id'))).prepare(),
      ).get({ id: row.publishedVersionId }) ?? null)
    : null;
  if (!abilities.readsLiveText) {
    const body = published ? versionBody(published.id, () => versionState(published.id) ?? EMPTY_STATE) : renderBody(EMPTY_STATE);
    // The title and date of the published version: a rename or an edit since is not theirs to see.
    const publicRow = {
      ...row,
      title: published?.title ?? row.title,
      text: body.text,
      createdBy: null,
      updatedBy: null,
      contentUpdatedAt: null,
      contentHash: null,
      versionedThrough: null,
      updatedAt: published?.createdAt ?? row.publishedAt ?? row.updatedAt,
    };
    const publication = published ? { versionId: published.id, name: published.name, publishedAt: published.createdAt, changedSince: false } : null;
    return { ...publicRow, space: loaded.space, body, authors: [] as PageAuthor[], publication, abilities };
  }
  const body = liveBody(id);
  const authors: PageAuthor[] = prepared('getPage.authors', (d) =>
    d
      .select({ id: users.id, name: users.name, deletedAt: users.deletedAt, sectionName: sectionNameSql(users.id) })
      .from(pageAuthors)
      .innerJoin(users, eq(users.id, pageAuthors.userId))
      .where(eq(pageAuthors.pageId, sql.placeholder('id')))
      .prepare(),
  ).all({ id });
  const publication = published
    ? { versionId: published.id, name: published.name, publishedAt: published.createdAt, changedSince: Boolean(row.contentUpdatedAt && row.contentUpdatedAt > published.createdAt) }
    : null;
  return { ...row, space: loaded.space, body, authors, publication, abilities };
}
type PageAuthor = { id: string; name: string | null; deletedAt: Date | null; sectionName: string | null };
export type PageAsRead = ReturnType<typeof getPage>;

export function updatePage(viewer: Viewer, id: string, raw: UpdatePageInput): PageRow {
  const v = requireUser(viewer);
  const patch = parseInput(updatePageInput, raw);
  const { ref } = loadPage(id);
  const checks: PageAction[] = [];
  if (patch.title !== undefined || patch.markdown !== undefined) checks.push('edit');
  if (patch.visibility !== undefined) checks.push('changeVisibility');
  if (patch.status === 'published' && ref.status !== 'published') checks.push('publish');
  if (patch.status === 'archived' && ref.status !== 'archived') checks.push('archive');
  if (patch.status === 'draft' && ref.status !== 'draft') checks.push('changeVisibility');
  // An empty patch (or a status it already has) still writes updatedAt/updatedBy: it needs edit.
  if (checks.length === 0) checks.push('edit');
  for (const action of checks) authorizePage(v, action, ref);
  // A motion is published by being filed (its stage says so), never by a status change.
  if (ref.kind === 'motion' && (patch.status === 'published' || patch.status === 'draft') && patch.status !== ref.status) {
    throw new AppError('conflict', 'A motion is published by filing it (POST /api/v1/pages/:id/stage).', 'status');
  }
  if (patch.markdown !== undefined && patch.baseRevision === undefined) throw missingRevision();
  // Read first: unreadable Markdown changes nothing.
  const body = patch.markdown !== undefined ? markdownBody(v, ref.space.id, patch.markdown, (title) => createStubPage(v, ref.space.id, title)) : null;
  // The body first: a write that cannot be merged (409) changes nothing else either. It is a
  // change against the revision the writer read, merged into the live document (open editors see it).
  if (body) writeBasedContent(id, v.id, patch.baseRevision, body);
  const now = new Date();
  recordPageUpdate(id, v.id, ref.status, patch, now);
  const row = db().transaction((tx) => {
    const set: Partial<typeof pages.$inferInsert> = { updatedAt: now, updatedBy: v.id };
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.visibility !== undefined) set.visibility = patch.visibility;
    if (patch.status !== undefined) {
      set.status = patch.status;
      if (patch.status === 'published') set.publishedAt = now;
    }
    const updated = tx.update(pages).set(set).where(eq(pages.id, id)).returning().get();
    if (patch.title !== undefined) indexPage(tx, id);
    return updated;
  });
  // Publishing takes a version of the live text; an archived page the public may read needs one too.
  const publishes = patch.status === 'published' && ref.status !== 'published';
  if (publishes || (patch.status === 'archived' && !row.publishedVersionId)) recordPublication(id, v.id, patch.versionName ?? null);
  else if (patch.status !== undefined || patch.title !== undefined) indexPublicPage(db(), id);
  if (patch.visibility !== undefined || patch.status !== undefined) notifyAccessChanged({ pageIds: [id] });
  // What links to this page shows its title, or "page privée": open editors ask again.
  if (patch.title !== undefined || patch.visibility !== undefined || patch.status !== undefined) notifyLinkTargetsChanged([id]);
  return patch.markdown !== undefined || patch.status !== undefined ? loadPage(id).row : row;
}

export function deletePage(viewer: Viewer, id: string): void {
  const v = requireUser(viewer);
  const { ref } = loadPage(id);
  authorizePage(v, 'delete', ref);
  db().transaction((tx) => {
    tx.update(pages).set({ deletedAt: new Date(), deletedBy: v.id }).where(eq(pages.id, id)).run();
    indexPage(tx, id);
    indexPublicPage(tx, id);
  });
  notifyAccessChanged({ pageIds: [id] });
  notifyLinkTargetsChanged([id]);
  recordActivity(id, v.id, 'deleted');
}

export function restorePage(viewer: Viewer, id: string): PageRow {
  const v = requireUser(viewer);
  const { ref } = loadPage(id);
  if (!ref.deletedAt) {
    // Someone who cannot read the page must not learn it exists (not_found, not conflict).
    authorizePage(v, 'read', ref);
    throw new AppError('conflict', 'This page is not in the trash.');
  }
  authorizePage(v, 'restore', ref);
  const row = db().transaction((tx) => {
    const restored = tx.update(pages).set({ deletedAt: null, deletedBy: null }).where(eq(pages.id, id)).returning().get();
    indexPage(tx, id);
    indexPublicPage(tx, id);
    return restored;
  });
  notifyLinkTargetsChanged([id]);
  recordActivity(id, v.id, 'restored');
  return row;
}

/** Pages deleted for more than TRASH_DAYS disappear for good (run by the job runner). */
export function purgeTrash(now = new Date()): number {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 86_400_000);
  return db().delete(pages).where(lt(pages.deletedAt, cutoff)).run().changes;
}

export type PageListItem = Pick<PageRow, 'id' | 'title' | 'kind' | 'spaceId' | 'visibility' | 'status' | 'updatedAt'> & { spaceName: string; excerpt: string };

/** Readable pages, newest change first, paginated by (updatedAt, id). */
export function listPages(
  viewer: Viewer,
  opts: { spaceId?: string; kind?: (typeof PAGE_KINDS)[number]; limit?: number; cursor?: string | null; authorId?: string } = {},
): Paged<PageListItem> {
  const limit = clampLimit(opts.limit);
  const cur = decodeCursor(opts.cursor, timeAndId);
  // Prepared once per reader class and set of options given (built by drizzle, it cost more than it ran).
  const cls = readerClass(viewer);
  const shape = { space: Boolean(opts.spaceId), kind: Boolean(opts.kind), author: Boolean(opts.authorId), cursor: Boolean(cur) };
  const rows = prepared(`listPages.${cls}.${Object.values(shape).map(Number).join('')}`, (d) =>
    d
      .select({
        id: pages.id,
        // The public never sees the live page: title, date and excerpt are the published version's.
        title: titleSeenByClass(cls),
        kind: pages.kind,
        spaceId: pages.spaceId,
        visibility: pages.visibility,
        status: pages.status,
        updatedAt: changedAtSeenByClass(cls),
        sortedAt: pages.updatedAt,
        spaceName: spaces.name,
        excerpt:
          cls !== 'public'
            ? sql<string>`substr(${pages.text}, 1, 220)`
            : sql<string>`coalesce((select substr(${pageVersions.text}, 1, 220) from ${pageVersions} where ${pageVersions.id} = ${pages.publishedVersionId}), '')`,
      })
      .from(pages)
      .innerJoin(spaces, eq(spaces.id, pages.spaceId))
      .where(
        and(
          readableSql(cls, READER_PLACEHOLDERS),
          shape.space ? eq(pages.spaceId, sql.placeholder('space')) : undefined,
          shape.kind ? eq(pages.kind, sql.placeholder('kind')) : undefined,
          // IN (subquery) lets SQLite drive from the author's index instead of scanning every page.
          shape.author ? sql`${pages.id} in (select ${pageAuthors.pageId} from ${pageAuthors} where ${pageAuthors.userId} = ${sql.placeholder('author')})` : undefined,
          shape.cursor ? afterCursorPlaceholders() : undefined,
        ),
      )
      .orderBy(desc(pages.updatedAt), desc(pages.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  ).all({ ...readerValues(viewer), space: opts.spaceId, kind: opts.kind, author: opts.authorId, curT: cur?.t, curId: cur?.id, limit: limit + 1 });
  const data = rows.slice(0, limit).map(({ sortedAt: _, ...item }) => item);
  const last = rows[data.length - 1];
  return {
    data,
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.sortedAt.getTime(), id: last.id }) : null,
  };
}

/** The space's trash, for those who may restore from it. */
export function listTrash(viewer: Viewer, spaceId: string) {
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'viewTrash', toSpaceRef(space));
  return db()
    .select({ id: pages.id, title: pages.title, deletedAt: pages.deletedAt, deletedByName: users.name, deletedByGone: users.deletedAt, deletedBySection: sectionNameSql(users.id) })
    .from(pages)
    .leftJoin(users, eq(users.id, pages.deletedBy))
    .where(and(eq(pages.spaceId, spaceId), sql`${pages.deletedAt} is not null`))
    .orderBy(desc(pages.deletedAt))
    .limit(200)
    .all()
    .filter((r) => canPage(viewer, 'restore', loadPage(r.id).ref))
    .map(({ deletedByGone, deletedBySection, ...r }) => ({
      ...r,
      // Never an address: a person who set no name is « Membre de <section> ».
      deletedByName: r.deletedByName === null && deletedBySection === null && deletedByGone === null ? null : displayName({ name: r.deletedByName, deletedAt: deletedByGone }, { sectionName: deletedBySection }),
      deletedAt: r.deletedAt!,
      purgeAt: new Date(r.deletedAt!.getTime() + TRASH_DAYS * 86_400_000),
    }));
}

