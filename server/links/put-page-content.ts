/**
 * `PUT /api/v1/pages/:id/content`: Markdown replaces or extends a page's body as a Yjs change,
 * so open editors see it at once. A replace is computed against the revision the writer read
 * (`baseRevision`, required) and merged with what others typed since; an append needs none.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { writeDocument } from '@/server/pages/write-document';
import { MAX_BODY_BYTES } from '@/server/http/api';
import { missingRevision, writeBasedContent } from '@/server/pages/based-write';
import { applyContent } from '@/server/pages/body';
import { loadPage } from '@/server/pages/load-page';
import { createStubPage } from '@/server/pages/page-service';
import { parseInput } from '@/lib/parse-input';
import { authorizePage, type Viewer } from '@/server/policy';
import { markdownBody } from './markdown-with-wiki-links';

export const pageContentInput = z.object({
  markdown: z.string().max(MAX_BODY_BYTES),
  mode: z.enum(['replace', 'append']).default('replace'),
  /** For `replace`: the `revision` of the page as the writer read it (GET). */
  baseRevision: z.string().max(1000).optional(),
});
export type PageContentInput = z.input<typeof pageContentInput>;

/** Checks edit, converts the Markdown (wiki links, stubs), and writes it through the live room. */
export function putPageContent(viewer: Viewer, pageId: string, raw: PageContentInput): void {
  if (!viewer) throw new AppError('unauthorized');
  const input = parseInput(pageContentInput, raw);
  const { ref } = loadPage(pageId);
  authorizePage(viewer, 'edit', ref);
  if (input.mode === 'replace' && input.baseRevision === undefined) throw missingRevision();
  const incoming = markdownBody(viewer, ref.space.id, input.markdown, (title) => createStubPage(viewer, ref.space.id, title));
  if (input.mode === 'replace') writeBasedContent(pageId, viewer.id, input.baseRevision, incoming);
  else writeDocument(pageId, viewer.id, (state) => applyContent(state, incoming, 'append'));
}
