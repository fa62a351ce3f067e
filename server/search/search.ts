/**
 * Full-text search over pages, French-aware (the FTS5 tables fold accents), filtered by what the
 * viewer may read INSIDE the query: an unreadable page never enters a result, a count or a
 * snippet. Party members search the live text (`page_search`); citizens and anonymous visitors
 * search the published versions only (`page_search_public`).
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { pages, spaces, type PageKind, type PageStatus } from '@/db/schema';
import { foldText } from '@/lib/text/fold';
import { searchWords } from '@/lib/text/search-words';
import { decodeCursor, encodeCursor, offsetUpTo } from '@/server/http/cursor';
import { titleSeenBy } from '@/server/pages/seen-by';
import { readableWhere, readsLiveText, type Viewer } from '@/server/policy';

export type SearchResult = { id: string; title: string; snippet: string; spaceName: string; kind: PageKind; status: PageStatus };
export type SearchPage = { data: SearchResult[]; nextCursor: string | null };
export type SearchOptions = { limit?: number; cursor?: string | null };

export const MAX_SEARCH_LIMIT = 50;
export const DEFAULT_SEARCH_LIMIT = 20;
const MAX_QUERY_WORDS = 10;
const MAX_OFFSET = 10_000;
// Private-use characters mark the matches inside a snippet: the text is escaped first, then the
// markers become <mark> tags, so nothing of the page is ever read as HTML.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * The words of a query as a safe FTS5 expression: each word quoted (no operator or column
 * syntax survives), all required, the last one a prefix. `null` when nothing searchable is left.
 */
export function ftsQuery(q: string): string | null {
  const words = searchWords(q, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML of a snippet: everything escaped, the FTS markers turned into balanced `<mark>` tags. */
export function snippetHTML(raw: string): string {
  let open = false;
  let out = '';
  for (const ch of raw) {
    if (ch === OPEN) {
      if (!open) out += '<mark>';
      open = true;
    } else if (ch === CLOSE) {
      if (open) out += '</mark>';
      open = false;
    } else out += ESCAPES[ch] ?? ch;
  }
  return open ? `${out}</mark>` : out;
}


/** Members search the live text, everyone else what was published. */
function indexFor(viewer: Viewer): SQL {
  return sql.raw(readsLiveText(viewer) ? 'page_search' : 'page_search_public');
}

/**
 * Ranking every match costs too much when a query matches most of 200,000 pages. Title matches
 * (few, found in the small `page_titles` index) are ranked with bm25 among the most recent
 * TITLE_CANDIDATES; body-only matches follow,
 * newest first, and that tier reads only as many rows as the page needs: both walks stop early.
 */
const TITLE_CANDIDATES = 200;
const SNIPPET_CHARS = 180;

/**
 * Pages the viewer may read that match `q`: pages whose title holds every word first (by bm25,
 * title weighted over body), then the other matches, newest pages first. Snippets come
 * from the body, matches in `<mark>`, everything else HTML-escaped. Citizens and anonymous
 * visitors search and see the published title and text. Paginated by an opaque cursor;
 * `limit` is at most 50.
 */
export function searchPages(viewer: Viewer, q: string, opts: SearchOptions = {}): SearchPage {
  const limit = Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.floor(opts.limit ?? DEFAULT_SEARCH_LIMIT) || DEFAULT_SEARCH_LIMIT));
  const offset = decodeCursor(opts.cursor, offsetUpTo(MAX_OFFSET)) ?? 0;
  const match = ftsQuery(q);
  if (!match) return { data: [], nextCursor: null };
  const fts = indexFor(viewer);
  const readable = readableWhere(viewer);
  const member = readsLiveText(viewer);
  const titled = db()
    .all<{ rid: number; score: number }>(
      member
        ? // page_titles holds current titles: what a member who may read a page sees of it anyway.
          sql`select page_titles.rowid as rid, bm25(page_titles) as score
            from page_titles join ${pages} on ${pages}.rowid = page_titles.rowid
            where page_titles match ${match} and ${readable} order by page_titles.rowid desc limit ${TITLE_CANDIDATES}`
        : // Everyone else finds the published title only (a rename since is not published).
          sql`select page_search_public.rowid as rid, bm25(page_search_public) as score
            from page_search_public join ${pages} on ${pages}.rowid = page_search_public.rowid
            where page_search_public match ${`title : (${match})`} and ${readable} order by page_search_public.rowid desc limit ${TITLE_CANDIDATES}`,
    )
    .sort((a, b) => a.score - b.score || b.rid - a.rid);
  const inTitle = new Set(titled.map((r) => Number(r.rid)));
  const want = offset + limit + 1;
  const others =
    titled.length >= want
      ? []
      : db().all<{ rid: number }>(
          sql`select ${fts}.rowid as rid from ${fts} join ${pages} on ${pages}.rowid = ${fts}.rowid
            where ${fts} match ${match} and ${readable} order by ${fts}.rowid desc limit ${want + inTitle.size}`,
        );
  const ranked = [...titled, ...others.filter((r) => !inTitle.has(Number(r.rid)))].slice(offset, offset + limit + 1);
  const rowids = ranked.slice(0, limit).map((r) => Number(r.rid));
  if (rowids.length === 0) return { data: [], nextCursor: null };
  const found = db()
    .select({
      rid: sql<number>`${pages}.rowid`,
      id: pages.id,
      title: titleSeenBy(viewer),
      kind: pages.kind,
      status: pages.status,
      spaceName: spaces.name,
      body: sql<string>`(select body from ${fts} where ${fts}.rowid = ${pages}.rowid)`,
    })
    .from(pages)
    .innerJoin(spaces, eq(spaces.id, pages.spaceId))
    .where(and(inArray(sql`${pages}.rowid`, rowids), readable))
    .all();
  const byRowid = new Map(found.map((r) => [r.rid, r]));
  const terms = queryTerms(q);
  const data = rowids.flatMap((rid) => {
    const r = byRowid.get(rid);
    if (!r) return [];
    return [{ id: r.id, title: r.title, kind: r.kind, status: r.status, spaceName: r.spaceName, snippet: snippetHTML(markSnippet(r.body ?? '', terms)) }];
  });
  const hasMore = ranked.length > limit && offset + limit <= MAX_OFFSET;
  return { data, nextCursor: hasMore ? encodeCursor({ o: offset + limit }) : null };
}

/** Lowercase, accents removed: how FTS5's `remove_diacritics 2` sees a word. */
function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) return ch.toLowerCase();
  return foldText(ch);
}

function queryTerms(q: string): { word: string; prefix: boolean }[] {
  const words = searchWords(q, MAX_QUERY_WORDS);
  return words.map((w, i) => ({ word: [...w].map(foldChar).join(''), prefix: i === words.length - 1 }));
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * A window of the text around the first match, with every match inside it between the marker
 * characters. Matching folds case and accents like the index does, so «election» marks
 * «élection».
 */
export function markSnippet(text: string, terms: { word: string; prefix: boolean }[]): string {
  const chars = [...text.replace(/[\uE000\uE001]/g, '')];
  // folded text, and for each folded character the index of the original character
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const f = foldChar(chars[i]!);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
  }
  const hits: [number, number][] = [];
  for (const t of terms) {
    if (!t.word) continue;
    let at = folded.indexOf(t.word);
    while (at !== -1) {
      const endF = at + t.word.length;
      const start = origin[at]!;
      if (!isWordChar(chars[start - 1])) {
        let end = origin[endF - 1]! + 1;
        if (t.prefix) while (isWordChar(chars[end])) end++;
        if (t.prefix || !isWordChar(chars[end])) hits.push([start, end]);
      }
      at = folded.indexOf(t.word, at + 1);
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  let from = 0;
  if (hits.length) from = Math.max(0, hits[0]![0] - Math.floor(SNIPPET_CHARS / 3));
  while (from > 0 && isWordChar(chars[from - 1])) from--;
  let to = Math.min(chars.length, from + SNIPPET_CHARS);
  while (to < chars.length && isWordChar(chars[to])) to++;
  let out = from > 0 ? '…' : '';
  let i = from;
  for (const [s, e] of hits) {
    if (s < i || e > to) continue;
    out += chars.slice(i, s).join('') + OPEN + chars.slice(s, e).join('') + CLOSE;
    i = e;
  }
  out += chars.slice(i, to).join('');
  return (to < chars.length ? out + '…' : out).replace(/\s+/g, ' ').trim();
}
