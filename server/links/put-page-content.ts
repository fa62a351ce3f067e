/**
 * `PUT /api/v1/pages/:id/content`: Markdown replaces or extends a page's body as a Yjs change
 * against the live document, so open editors see it at once and it merges with what they type.
 */
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { z } from 'zod';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { AppError } from '@/lib/errors';
import { writeDocument } from '@/server/collab/write-document';
import { MAX_BODY_BYTES } from '@/server/http/api';
import { editorSchema } from '@/server/pages/body';
import { loadPage } from '@/server/pages/load-page';
import { parseInput } from '@/server/pages/page-service';
import { authorizePage, type Viewer } from '@/server/policy';
import { markdownWithWikiLinks } from './markdown-with-wiki-links';

export const pageContentInput = z.object({
  markdown: z.string().max(MAX_BODY_BYTES),
  mode: z.enum(['replace', 'append']).default('replace'),
});
export type PageContentInput = z.input<typeof pageContentInput>;

/**
 * The Yjs state after putting `incoming` into the body (replacing it, or after its last block),
 * computed as a minimal change so it merges with concurrent edits. Same rule as `applyMarkdown`,
 * for a document whose wiki links are already resolved.
 */
export function applyDocument(state: Uint8Array, incoming: JSONContent, mode: 'replace' | 'append'): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  let target = incoming;
  if (mode === 'append' && fragment.length > 0) {
    const current = yDocToProsemirrorJSON(doc, BODY_FRAGMENT) as JSONContent;
    target = { type: 'doc', content: [...(current.content ?? []), ...(incoming.content ?? [])] };
  }
  updateYFragment(doc, fragment, PMNode.fromJSON(editorSchema, target), { mapping: new Map(), isOMark: new Map() });
  return Y.encodeStateAsUpdate(doc);
}

/** Checks edit, converts the Markdown (wiki links, stubs), and writes it through the live room. */
export function putPageContent(viewer: Viewer, pageId: string, raw: PageContentInput): void {
  if (!viewer) throw new AppError('unauthorized');
  const input = parseInput(pageContentInput, raw);
  const { ref } = loadPage(pageId);
  authorizePage(viewer, 'edit', ref);
  let incoming: JSONContent;
  try {
    incoming = markdownWithWikiLinks(viewer, ref.space.id, input.markdown);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('invalid_input', 'markdown: this Markdown cannot be read.', 'markdown');
  }
  writeDocument(pageId, viewer.id, (state) => applyDocument(state, incoming, input.mode));
}
