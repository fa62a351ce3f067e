/**
 * Derivation: after edits settle, everything that is computed from a page's document — plain
 * text, links, search entries, authors — is written in one transaction. Collaboration rooms and
 * API writes both end here.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { pageAuthors, pageLinks, pages, users } from '@/db/schema';
import { extractLinks } from '@/server/links/extract-links';
import { indexPage } from '@/server/search/index-page';
import { jsonToText, yStateToJSON } from './body';
import { noteDocumentChanged } from '@/server/versions/versions';

export function derivePage(pageId: string, state: Uint8Array, editorIds: string[], now = new Date()): void {
  const json = yStateToJSON(state);
  const text = jsonToText(json);
  const links = extractLinks(json);
  links.delete(pageId);
  const exists = db().transaction((tx) => {
    const page = tx.select({ id: pages.id }).from(pages).where(eq(pages.id, pageId)).get();
    if (!page) return false;
    const lastEditor = editorIds[editorIds.length - 1];
    tx.update(pages)
      .set({ text, contentUpdatedAt: now, updatedAt: now, ...(lastEditor ? { updatedBy: lastEditor } : {}) })
      .where(eq(pages.id, pageId))
      .run();
    if (editorIds.length) {
      const members = tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, editorIds), inArray(users.siteRole, ['member', 'admin'])))
        .all();
      for (const m of members) tx.insert(pageAuthors).values({ pageId, userId: m.id }).onConflictDoNothing().run();
    }
    tx.delete(pageLinks).where(eq(pageLinks.sourceId, pageId)).run();
    const targets = links.size ? tx.select({ id: pages.id }).from(pages).where(inArray(pages.id, [...links.keys()])).all() : [];
    for (const t of targets) tx.insert(pageLinks).values({ sourceId: pageId, targetId: t.id, snippet: links.get(t.id) ?? '' }).run();
    indexPage(tx, pageId);
    return true;
  });
  // History: automatic versions during long editing sessions and after a pause.
  if (exists) noteDocumentChanged(pageId, state, editorIds, now);
}
