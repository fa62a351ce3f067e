import { AppError } from '@/lib/errors';
import { apiRoute, limitParam } from '@/server/http/api';
import { searchPages } from '@/server/search/search';

export const dynamic = 'force-dynamic';

/**
 * Full-text search over what the caller may read: `{data: [{id, title, snippet}], nextCursor}`,
 * matches in `<mark>` inside an otherwise HTML-escaped snippet.
 */
export const GET = apiRoute(async (req, { viewer }) => {
  const params = new URL(req.url).searchParams;
  const q = params.get('q') ?? '';
  if (!q.trim()) throw new AppError('invalid_input', 'q: a search text is required.', 'q');
  if (q.length > 500) throw new AppError('invalid_input', 'q: at most 500 characters.', 'q');
  const page = searchPages(viewer, q, { limit: limitParam(params), cursor: params.get('cursor') });
  return { data: page.data.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet })), nextCursor: page.nextCursor };
});
