/**
 * « Exporter en Markdown » of a page's ⋯ menu: the page as its reader may read it (the live text
 * for party members, the published version for everyone else, wiki links showing only titles
 * the reader may see), as a `.md` file. A page the reader cannot read is a 404, as everywhere.
 */
import { pageJsonFor } from '@/app/api/v1/pages/page-json';
import { apiRoute } from '@/server/http/api';

export const dynamic = 'force-dynamic';

/** A file name from the title: letters, digits and dashes, accents kept. */
const fileName = (title: string) => `${title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'page'}.md`;

export const GET = apiRoute<{ id: string }>(async (_req, { viewer, params }) => {
  const page = pageJsonFor(viewer, params.id);
  const name = fileName(page.title);
  return new Response(`# ${page.title}\n\n${page.markdown}\n`, {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
});
