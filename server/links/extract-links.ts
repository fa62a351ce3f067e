import type { JSONContent } from '@tiptap/core';
import { WIKI_LINK } from '@/lib/editor/wiki-link';

const SNIPPET_RADIUS = 90;
/** Stands for the target's own title in a stored snippet; replaced when a reader lists backlinks. */
export const TARGET_MARK = '\uE000';
/** Other wiki links in a snippet: their titles are never stored (a reader may not see them). */
const OTHER_LINK = '…';

function textOf(node: JSONContent, targetId: string): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === WIKI_LINK) return node.attrs?.pageId === targetId ? TARGET_MARK : OTHER_LINK;
  return (node.content ?? []).map((n) => textOf(n, targetId)).join('');
}

/**
 * The wiki links of a document: target page id → a snippet of the paragraph around the first
 * link to it (for the target's backlinks list), with TARGET_MARK where the link stands.
 */
export function extractLinks(doc: JSONContent): Map<string, string> {
  const links = new Map<string, string>();
  const visitBlock = (block: JSONContent) => {
    const inlines = block.content ?? [];
    if (!inlines.some((n) => n.type === WIKI_LINK)) {
      inlines.forEach((n) => n.content && visitBlock(n));
      return;
    }
    for (const [i, n] of inlines.entries()) {
      const id = n.type === WIKI_LINK ? (n.attrs?.pageId as string | null) : null;
      if (!id || links.has(id)) continue;
      const before = inlines.slice(0, i).map((x) => textOf(x, id)).join('');
      const after = inlines.slice(i + 1).map((x) => textOf(x, id)).join('');
      const head = before.length > SNIPPET_RADIUS ? `…${before.slice(-SNIPPET_RADIUS).trimStart()}` : before;
      const tail = after.length > SNIPPET_RADIUS ? `${after.slice(0, SNIPPET_RADIUS).trimEnd()}…` : after;
      links.set(id, `${head}${TARGET_MARK}${tail}`.trim());
    }
  };
  visitBlock(doc);
  return links;
}
