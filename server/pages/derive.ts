/**
 * Derivation: after edits settle, everything that is computed from a page's document — plain
 * text, links, search entries, authors — is written in one transaction. Collaboration rooms and
 * API writes both end here.
 *
 * Authors are read from the document, not from who typed: the creator, the party members whose
 * inserted content is still there, and those recorded on saved versions. The page counts as
 * changed (`contentUpdatedAt`, "modifié depuis la publication", automatic versions) only when
 * its derived content differs from the last one (`content_hash`): a letter typed and deleted is
 * no change and makes nobody an author.
 */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { pageAuthors, pageLinks, pages, pageVersions } from '@/db/schema';
import { storeLinks } from '@/server/links/store-links';
import { indexPage } from '@/server/search/index-page';
import { jsonToText, yStateToJSON } from './body';
import { presentAuthors } from './authorship';
import { noteDocumentChanged } from '@/server/versions/versions';
import { recordEdits } from '@/server/activity/record-activity';

type Block = { type?: string; content?: unknown[] };

/**
 * Hash of a body's content. Empty paragraphs at its end do not count: the editor keeps one after
 * a final list or heading (tiptap's trailing node), so merely opening such a page adds one, and
 * that is no change of the text.
 */
function hashOf(json: { content?: unknown[] }): string {
  const blocks = [...(json.content ?? [])] as Block[];
  while (blocks.length > 0 && blocks[blocks.length - 1]!.type === 'paragraph' && !blocks[blocks.length - 1]!.content?.length) blocks.pop();
  return crypto.createHash('sha256').update(JSON.stringify({ ...json, content: blocks })).digest('base64url');
}

/** Content hash and date of published versions (immutable, so cached by id; a few hundred kept). */
const publishedHashes = new Map<string, { hash: string; at: Date } | null>();
function publishedContent(tx: Pick<Db, 'select'>, versionId: string): { hash: string; at: Date } | null {
  if (!publishedHashes.has(versionId)) {
    const v = tx.select({ state: pageVersions.state, createdAt: pageVersions.createdAt }).from(pageVersions).where(eq(pageVersions.id, versionId)).get();
    if (publishedHashes.size >= 500) publishedHashes.delete(publishedHashes.keys().next().value!);
    publishedHashes.set(versionId, v ? { hash: hashOf(yStateToJSON(new Uint8Array(v.state))), at: v.createdAt } : null);
  }
  return publishedHashes.get(versionId)!;
}

export function derivePage(pageId: string, state: Uint8Array, editorIds: string[], now = new Date()): void {
  const json = yStateToJSON(state);
  const text = jsonToText(json);
  const hash = hashOf(json);
  const present = presentAuthors(pageId, state);
  const changed = db().transaction((tx) => {
    const page = tx
      .select({ createdBy: pages.createdBy, contentHash: pages.contentHash, text: pages.text, contentUpdatedAt: pages.contentUpdatedAt, publishedVersionId: pages.publishedVersionId })
      .from(pages)
      .where(eq(pages.id, pageId))
      .get();
    if (!page) return null;
    // Rows from before the hash was kept: their stored text stands for the content they had.
    const isChange = page.contentHash === null ? page.contentUpdatedAt === null || page.text !== text : page.contentHash !== hash;
    const lastEditor = editorIds[editorIds.length - 1];
    // Changed, then changed back to the published text: the live text is the published one again.
    const published = isChange && page.publishedVersionId ? publishedContent(tx, page.publishedVersionId) : null;
    const contentUpdatedAt = published?.hash === hash ? published.at : now;
    tx.update(pages)
      .set(isChange ? { text, contentHash: hash, contentUpdatedAt, updatedAt: now, ...(lastEditor ? { updatedBy: lastEditor } : {}) } : { contentHash: hash })
      .where(eq(pages.id, pageId))
      .run();
    syncAuthors(tx, pageId, page.createdBy, present);
    storeLinks(tx, pageLinks, pageId, json);
    indexPage(tx, pageId);
    return isChange;
  });
  // History: automatic versions during long editing sessions and after a pause.
  if (changed) noteDocumentChanged(pageId, state, now);
  if (changed) recordEdits(pageId, editorIds, now); // the home page's activity stream
}

type Tx = Pick<Db, 'run' | 'all' | 'select' | 'delete'>;

/** page_authors becomes exactly: the creator ∪ those with content present ∪ the authors of saved versions. */
function syncAuthors(tx: Tx, pageId: string, createdBy: string | null, present: string[]): void {
  const versioned = tx
    .all<{ id: string }>(sql`select distinct a.value as id from ${pageVersions} v, json_each(v.author_ids) a where v.page_id = ${pageId}`)
    .map((r) => r.id);
  const want = new Set([...(createdBy ? [createdBy] : []), ...present, ...versioned]);
  const have = new Set(tx.select({ id: pageAuthors.userId }).from(pageAuthors).where(eq(pageAuthors.pageId, pageId)).all().map((r) => r.id));
  for (const id of have) if (!want.has(id)) tx.delete(pageAuthors).where(sql`${pageAuthors.pageId} = ${pageId} and ${pageAuthors.userId} = ${id}`).run();
  // A version may name an account deleted since (page_authors references users): skip those.
  for (const id of want) if (!have.has(id)) tx.run(sql`insert or ignore into ${pageAuthors} (page_id, user_id) select ${pageId}, id from users where id = ${id}`);
}
