/**
 * Title search for the `[[` wiki-link suggestion: pages whose title words start with the typed
 * words, accents folded (the FTS table's `title` column), filtered by what the viewer may read
 * inside the query, so an unreadable page never appears, even by count.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { pages, spaces } from '@/db/schema';
import { searchWords } from '@/lib/text/search-words';
import { readableWhere, type Viewer } from '@/server/policy';

export type TitleMatch = { id: string; title: string; spaceName: string };

export const MAX_TITLE_RESULTS = 20;
const MAX_QUERY_WORDS = 8;

/** The typed text as an FTS5 prefix query on titles (`title : ("a"* AND "b"*)`), or null. */
export function titlePrefixQuery(q: string): string | null {
  const words = searchWords(q, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  return `title : (${words.map((w) => `"${w}"*`).join(' AND ')})`;
}

/**
 * Readable pages whose title matches `q` (every typed word as a word prefix), exact titles first,
 * then shorter titles, then the most recently updated. An empty query lists recent pages.
 */
export function searchTitles(viewer: Viewer, q: string, limit = 8): TitleMatch[] {
  const n = Math.max(1, Math.min(MAX_TITLE_RESULTS, Math.floor(limit) || 1));
  const match = titlePrefixQuery(q);
  const needle = q.trim().toLowerCase();
  const base = db()
    .select({ id: pages.id, title: pages.title, spaceName: spaces.name })
    .from(pages)
    .innerJoin(spaces, eq(spaces.id, pages.spaceId));
  if (!match) return base.where(readableWhere(viewer)).orderBy(desc(pages.updatedAt)).limit(n).all();
  return base
    .where(and(readableWhere(viewer), sql`${pages}.rowid in (select rowid from page_search where page_search match ${match})`))
    .orderBy(sql`lower(${pages.title}) = ${needle} desc`, sql`length(${pages.title})`, desc(pages.updatedAt))
    .limit(n)
    .all();
}
