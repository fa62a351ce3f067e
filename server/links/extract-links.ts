import type { JSONContent } from '@tiptap/core';
import { WIKI_LINK } from '@/lib/editor/wiki-link';

const SNIPPET_RADIUS = 90;

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === WIKI_LINK) return String(node.attrs?.label ?? '');
  return (node.content ?? []).map(textOf).join('');
}

/**
 * The wiki links of a document: target page id → a snippet of the paragraph around the first
 * link to it (for the target's backlinks list).
 */
export function extractLinks(doc: JSONContent): Map<string, string> {
  const links = new Map<string, string>();
  const visitBlock = (block: JSONContent) => {
    const inlines = block.content ?? [];
    if (!inlines.some((n) => n.type === WIKI_LINK)) {
      inlines.forEach((n) => n.content && visitBlock(n));
      return;
    }
    let offset = 0;
    const full = inlines.map(textOf).join('');
    for (const n of inlines) {
      const len = textOf(n).length;
      const id = n.type === WIKI_LINK ? (n.attrs?.pageId as string | null) : null;
      if (id && !links.has(id)) {
        const start = Math.max(0, offset - SNIPPET_RADIUS);
        const end = Math.min(full.length, offset + len + SNIPPET_RADIUS);
        links.set(id, `${start > 0 ? '…' : ''}${full.slice(start, end).trim()}${end < full.length ? '…' : ''}`);
      }
      offset += len;
    }
  };
  visitBlock(doc);
  return links;
}
