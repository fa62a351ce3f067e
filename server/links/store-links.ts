import { eq, inArray } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import type { Db } from '@/db/client';
import { pageLinks, pagePublicLinks, pages } from '@/db/schema';
import { extractLinks } from './extract-links';

type Tx = Pick<Db, 'select' | 'insert' | 'delete'>;

/**
 * Replaces the links of `sourceId` in `table` with those of `doc` (targets that exist, never the
 * page itself): `page_links` from the live document, `page_public_links` from the published one.
 */
export function storeLinks(tx: Tx, table: typeof pageLinks | typeof pagePublicLinks, sourceId: string, doc: JSONContent): void {
  const links = extractLinks(doc);
  links.delete(sourceId);
  tx.delete(table).where(eq(table.sourceId, sourceId)).run();
  if (links.size === 0) return;
  const targets = tx.select({ id: pages.id }).from(pages).where(inArray(pages.id, [...links.keys()])).all();
  for (const t of targets) tx.insert(table).values({ sourceId, targetId: t.id, snippet: links.get(t.id) ?? '' }).run();
}
