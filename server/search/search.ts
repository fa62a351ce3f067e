/**
 * Full-text search over pages, French-aware (the FTS5 tables fold accents), filtered by what the
 * viewer may read INSIDE the query: an unreadable page never enters a result, a count or a
 * snippet. Party members search the live text (`page_search`); citizens and anonymous visitors
 * search the published versions only (`page_search_public`).
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { pages, spaces, type PageKind, type PageStatus } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { isPartyMember, readableWhere, type Viewer } from '@/server/policy';

export type SearchResult = { id: string; title: string; snippet: string; spaceName: string; kind: PageKind; status: PageStatus };
export type SearchPage = { data: SearchResult[]; nextCursor: string | null; total?: number };
export type SearchOptions = { limit?: number; cursor?: string | null; withTotal?: boolean };

export const MAX_SEARCH_LIMIT = 50;
export const DEFAULT_SEARCH_LIMIT = 20;
const MAX_QUERY_WORDS = 10;
const MAX_OFFSET = 10_000;
const SNIPPET_TOKENS = 24;
// Private-use characters mark the matches inside snippet(): the text is escaped first, then the
// markers become <mark> tags, so nothing of the page is ever read as HTML.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * The words of a query as a safe FTS5 expression: each word quoted (no operator or column
 * syntax survives), all required, the last one a prefix. `null` when nothing searchable is left.
 */
export function ftsQuery(q: string): string | null {
  const words = q
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_QUERY_WORDS);
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

function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  try {
    const o = (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && o <= MAX_OFFSET) return o;
  } catch {
    // fall through
  }
  throw new AppError('invalid_input', 'Invalid cursor.', 'cursor');
}

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

/** Members search the live text, everyone else what was published. */
function indexFor(viewer: Viewer): SQL {
  return sql.raw(isPartyMember(viewer) ? 'page_search' : 'page_search_public');
}

/**
 * Pages the viewer may read that match `q`: pages whose title holds every word first, then by
 * bm25 (title weighted heavily over body). Snippets come from the body, matches in `<mark>`,
 * everything else HTML-escaped. Paginated by an opaque cursor; `limit` is at most 50.
 */
export function searchPages(viewer: Viewer, q: string, opts: SearchOptions = {}): SearchPage {
  const limit = Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.floor(opts.limit ?? DEFAULT_SEARCH_LIMIT) || DEFAULT_SEARCH_LIMIT));
  const offset = decodeCursor(opts.cursor);
  const match = ftsQuery(q);
  if (!match) return { data: [], nextCursor: null, ...(opts.withTotal ? { total: 0 } : {}) };
  const fts = indexFor(viewer);
  const titleMatch = `title : (${match})`;
  const where = and(sql`${fts} match ${match}`, readableWhere(viewer));
  const rows = db()
    .select({
      id: pages.id,
      title: pages.title,
      kind: pages.kind,
      status: pages.status,
      spaceName: spaces.name,
      snippet: sql<string>`snippet(${fts}, 1, ${OPEN}, ${CLOSE}, '…', ${SNIPPET_TOKENS})`,
    })
    .from(fts)
    .innerJoin(pages, sql`${pages}.rowid = ${fts}.rowid`)
    .innerJoin(spaces, eq(spaces.id, pages.spaceId))
    .where(where)
    .orderBy(
      sql`${fts}.rowid in (select rowid from ${fts} where ${fts} match ${titleMatch}) desc`,
      sql`bm25(${fts}, 10.0, 1.0)`,
      sql`${fts}.rowid`,
    )
    .limit(limit + 1)
    .offset(offset)
    .all();
  const data = rows.slice(0, limit).map((r) => ({ ...r, snippet: snippetHTML(r.snippet ?? '') }));
  const hasMore = rows.length > limit && offset + limit <= MAX_OFFSET;
  const out: SearchPage = { data, nextCursor: hasMore ? encodeCursor(offset + limit) : null };
  if (opts.withTotal) {
    out.total = db()
      .select({ n: sql<number>`count(*)` })
      .from(fts)
      .innerJoin(pages, sql`${pages}.rowid = ${fts}.rowid`)
      .where(where)
      .get()!.n;
  }
  return out;
}
