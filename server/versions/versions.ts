/**
 * Versions of a page's document, taken without asking anyone: when a page is published, after a
 * pause in editing, and at least every VERSION_EVERY_MS of continuous activity. Also keeps
 * `page_search_public` (what the public may find: published texts) in step with each page.
 *
 * A version stores the document rebuilt from its content (no editing history): versions are read
 * and restored as content, never merged, so this keeps the table small.
 */
import { and, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { pagePublicLinks, pages, pageVersions, VERSION_KINDS } from '@/db/schema';
import { storeLinks } from '@/server/links/store-links';
import { jsonToText, jsonToYState, yStateToJSON } from '@/server/pages/body';
import { liveDocState } from '@/server/documents/live-state';
import { presentAuthors } from '@/server/pages/authorship';

/** An automatic version is taken once editing has paused this long… */
export const VERSION_PAUSE_MS = 5 * 60_000;
/** …and at least this often while people keep editing. */
export const VERSION_EVERY_MS = 10 * 60_000;

export type VersionKind = (typeof VERSION_KINDS)[number];
export type VersionMeta = Omit<typeof pageVersions.$inferSelect, 'state'>;
type Tx = Pick<Db, 'run' | 'get' | 'select' | 'insert' | 'update'>;

/**
 * When the current run of edits on a page began (since its last version). On globalThis: Next's
 * route code and the custom server hold separate module instances in one process. Lost on
 * restart, which only delays the next automatic version.
 */
type Activity = { since: number };
const g = globalThis as unknown as { __coopolVersionActivity?: Map<string, Activity>; __coopolVersionTimers?: Map<string, NodeJS.Timeout> };
const activity = (g.__coopolVersionActivity ??= new Map());
const pauseTimers = (g.__coopolVersionTimers ??= new Map());

/** Every column of a version but its Yjs state. */
export const versionMeta = {
  id: pageVersions.id,
  pageId: pageVersions.pageId,
  kind: pageVersions.kind,
  name: pageVersions.name,
  title: pageVersions.title,
  text: pageVersions.text,
  createdBy: pageVersions.createdBy,
  authorIds: pageVersions.authorIds,
  visibility: pageVersions.visibility,
  createdAt: pageVersions.createdAt,
};

export function lastVersion(pageId: string): VersionMeta | undefined {
  return db().select(versionMeta).from(pageVersions).where(eq(pageVersions.pageId, pageId)).orderBy(desc(pageVersions.createdAt)).limit(1).get();
}

export function versionState(versionId: string): Uint8Array | null {
  const row = db().select({ state: pageVersions.state }).from(pageVersions).where(eq(pageVersions.id, versionId)).get();
  return row ? new Uint8Array(row.state) : null;
}

type TakeOptions = { kind: VersionKind; name?: string | null; userId?: string | null; now?: Date; extraAuthors?: string[] };

/**
 * Stores a version of `state` in `tx`. Its authors are the people whose content is present in
 * it (a keystroke undone since makes no author); its visibility is the page's at that time.
 */
function insertVersion(tx: Tx, pageId: string, state: Uint8Array, o: TakeOptions): VersionMeta | null {
  const page = tx.select({ title: pages.title, visibility: pages.visibility }).from(pages).where(eq(pages.id, pageId)).get();
  if (!page) return null;
  const json = yStateToJSON(state);
  const authors = new Set<string>(presentAuthors(pageId, state));
  for (const id of o.extraAuthors ?? []) authors.add(id);
  const row = tx
    .insert(pageVersions)
    .values({
      pageId,
      kind: o.kind,
      name: o.name?.trim() || null,
      title: page.title,
      state: Buffer.from(jsonToYState(json)),
      text: jsonToText(json),
      createdBy: o.userId ?? null,
      authorIds: [...authors],
      visibility: page.visibility,
      createdAt: o.now ?? new Date(),
    })
    .returning(versionMeta)
    .get();
  return row;
}

/** After a version is stored, the next run of edits counts afresh. */
function settleActivity(pageId: string): void {
  activity.delete(pageId);
}

/** Takes a version of the given document state (`named`, `auto`, `restore`). */
export function takeVersion(pageId: string, state: Uint8Array, o: TakeOptions): VersionMeta | null {
  const row = db().transaction((tx) => insertVersion(tx, pageId, state, o));
  settleActivity(pageId);
  return row;
}

/**
 * Publishing: a `published` version of the live document becomes what citizens and anonymous
 * readers read, and what the public search finds.
 */
export function recordPublication(pageId: string, userId: string | null, name?: string | null, now = new Date()): VersionMeta | null {
  const state = liveDocState(pageId);
  const json = yStateToJSON(state);
  const row = db().transaction((tx) => {
    const v = insertVersion(tx, pageId, state, { kind: 'published', name, userId, now });
    if (!v) return null;
    tx.update(pages).set({ publishedVersionId: v.id }).where(eq(pages.id, pageId)).run();
    indexPublicPage(tx, pageId);
    storeLinks(tx, pagePublicLinks, pageId, json);
    return v;
  });
  settleActivity(pageId);
  return row;
}

/**
 * Keeps the page's row of `page_search_public` in step: the published title and text (a rename
 * since is not published), for published and archived pages that are not deleted; no row otherwise.
 */
export function indexPublicPage(tx: Pick<Db, 'run' | 'get'>, pageId: string): void {
  const row = tx.get<{ rowid: number; title: string; status: string; deleted_at: number | null; text: string | null }>(
    sql`select p.rowid as rowid, v.title as title, p.status as status, p.deleted_at as deleted_at, v.text as text
        from pages p left join page_versions v on v.id = p.published_version_id where p.id = ${pageId}`,
  );
  if (!row) return;
  tx.run(sql`delete from page_search_public where rowid = ${row.rowid}`);
  if (row.deleted_at === null && row.status !== 'draft' && row.text !== null) {
    tx.run(sql`insert into page_search_public (rowid, title, body) values (${row.rowid}, ${row.title}, ${row.text})`);
  }
}

/** Rebuilds the whole public index (CLI reindex, first start after the migration). */
export function reindexPublicSearch(): number {
  return db().transaction((tx) => {
    tx.run(sql`delete from page_search_public`);
    return tx.run(
      sql`insert into page_search_public (rowid, title, body)
          select p.rowid, v.title, v.text from pages p join page_versions v on v.id = p.published_version_id
          where p.deleted_at is null and p.status in ('published', 'archived')`,
    ).changes;
  });
}

const sameContent = (state: Uint8Array, versionId: string): boolean => {
  const previous = versionState(versionId);
  return previous !== null && JSON.stringify(yStateToJSON(previous)) === JSON.stringify(yStateToJSON(state));
};

/** An `auto` version, unless the document is the same as in the last version. */
export function takeAutoVersion(pageId: string, state: Uint8Array, now: Date): VersionMeta | null {
  const last = lastVersion(pageId);
  if (last && sameContent(state, last.id)) {
    // Nothing new to keep; and the pause check stops finding this page due at every start.
    db().update(pages).set({ versionedThrough: now }).where(eq(pages.id, pageId)).run();
    settleActivity(pageId);
    return null;
  }
  return takeVersion(pageId, state, { kind: 'auto', now });
}

/**
 * Called by `derivePage` after a derivation that changed the content: takes an `auto` version
 * when editing has gone on for VERSION_EVERY_MS since the last version, and arms the pause check.
 */
export function noteDocumentChanged(pageId: string, state: Uint8Array, now: Date): void {
  let a = activity.get(pageId);
  if (!a) {
    a = { since: now.getTime() };
    activity.set(pageId, a);
  }
  const last = lastVersion(pageId);
  const anchor = Math.max(last?.createdAt.getTime() ?? 0, a.since);
  if (now.getTime() - anchor >= VERSION_EVERY_MS) takeAutoVersion(pageId, state, now);
  armPauseCheck(pageId);
}

function armPauseCheck(pageId: string): void {
  clearTimeout(pauseTimers.get(pageId));
  const timer = setTimeout(() => {
    pauseTimers.delete(pageId);
    try {
      takePauseVersions(new Date(), pageId);
    } catch (e) {
      console.error('[versions] pause version failed:', e instanceof Error ? e.message : e);
    }
  }, VERSION_PAUSE_MS + 1000);
  timer.unref();
  pauseTimers.set(pageId, timer);
}

/**
 * Takes an `auto` version of every page (or of `pageId`) whose document changed after its last
 * version and has not changed for VERSION_PAUSE_MS. The version is dated at the last change.
 */
export function takePauseVersions(now = new Date(), pageId?: string): number {
  const pausedBefore = new Date(now.getTime() - VERSION_PAUSE_MS);
  const due = db()
    .select({ id: pages.id, contentUpdatedAt: pages.contentUpdatedAt })
    .from(pages)
    .where(
      and(
        pageId ? eq(pages.id, pageId) : gte(pages.updatedAt, new Date(now.getTime() - 7 * 86_400_000)),
        isNull(pages.deletedAt),
        lte(pages.contentUpdatedAt, pausedBefore),
        sql`${pages.contentUpdatedAt} > coalesce(${pages.versionedThrough}, 0)`,
        sql`${pages.contentUpdatedAt} > coalesce((select max(${pageVersions.createdAt}) from ${pageVersions} where ${pageVersions.pageId} = ${pages.id}), 0)`,
      ),
    )
    .all();
  let taken = 0;
  for (const p of due) if (takeAutoVersion(p.id, liveDocState(p.id), p.contentUpdatedAt!)) taken++;
  return taken;
}

/**
 * At server start (idempotent): published or archived pages without a published version get
 * one of their current document (rows from before versions existed), the public index is
 * rebuilt when it is empty, and pauses missed while the server was down are versioned.
 */
export function backfillPublishedVersions(now = new Date()): { published: number; indexed: number; paused: number } {
  const missing = db()
    .select({ id: pages.id })
    .from(pages)
    .where(and(inArray(pages.status, ['published', 'archived']), isNull(pages.deletedAt), isNull(pages.publishedVersionId)))
    .all();
  for (const p of missing) recordPublication(p.id, null, null, now);
  const hasPublic = db().get<{ n: number }>(sql`select count(*) as n from (select 1 from page_search_public limit 1)`)?.n ?? 0;
  const indexed = hasPublic ? 0 : reindexPublicSearch();
  return { published: missing.length, indexed, paused: takePauseVersions(now) };
}
