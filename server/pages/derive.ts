/**
 * Derivation: after edits settle, everything that is computed from a page's document — plain
 * text, links, search entries, authors — is written in one transaction. Collaboration rooms and
 * API writes both end here.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { pageAuthors, pageLinks, pages, users } from '@/db/schema';
import { storeLinks } from '@/server/links/store-links';
import { indexPage } from '@/server/search/index-page';
import { jsonToText, yStateToJSON } from './body';
import { noteDocumentChanged } from '@/server/versions/versions';

export function derivePage(pageId: string, state: Uint8Array, editorIds: string[], now = new Date()): void {
  const json = yStateToJSON(state);
  const text = jsonToText(json);
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
    storeLinks(tx, pageLinks, pageId, json);
    indexPage(tx, pageId);
    return true;
  });
  // History: automatic versions during long editing sessions and after a pause.
  if (exists) noteDocumentChanged(pageId, state, editorIds, now);
}
