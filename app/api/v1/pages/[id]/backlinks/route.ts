import { apiRoute, limitParam } from '@/server/http/api';
import { listBacklinks } from '@/server/links/backlinks';

export const dynamic = 'force-dynamic';

/** The readable pages that link to this one, newest first: `{data: [{id, title, snippet}], nextCursor}`. */
export const GET = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const q = new URL(req.url).searchParams;
  const page = listBacklinks(viewer, params.id, { limit: limitParam(q), cursor: q.get('cursor') });
  return { data: page.data.map((b) => ({ id: b.id, title: b.title, snippet: b.snippet })), nextCursor: page.nextCursor };
});
