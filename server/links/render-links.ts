/**
 * Wiki links as one viewer may see them: each link shows its target's current title (a rename
 * shows everywhere), or, when the viewer may not read the target, a "private page" label with
 * no page id — the stored label (the title when the link was made) never reaches that viewer.
 */
import type { JSONContent } from '@tiptap/core';
import { WIKI_LINK } from '@/lib/editor/wiki-link';
import type { Viewer } from '@/server/policy';
import { MAX_RESOLVE_IDS, resolveLinkTitles } from './resolve-titles';

export const PRIVATE_PAGE_LABEL = { fr: 'page privée', en: 'private page' } as const;

function collectIds(node: JSONContent, into: Set<string>): void {
  if (node.type === WIKI_LINK && typeof node.attrs?.pageId === 'string') into.add(node.attrs.pageId);
  node.content?.forEach((c) => collectIds(c, into));
}

function rewrite(node: JSONContent, titles: Record<string, string | null>, privateLabel: string): JSONContent {
  if (node.type === WIKI_LINK) {
    const id = node.attrs?.pageId;
    const title = typeof id === 'string' ? titles[id] : null;
    return { ...node, attrs: title ? { ...node.attrs, pageId: id, label: title } : { ...node.attrs, pageId: null, label: privateLabel } };
  }
  if (!node.content) return node;
  return { ...node, content: node.content.map((c) => rewrite(c, titles, privateLabel)) };
}

/** The document with every wiki link's label resolved for `viewer` (the input is not changed). */
export function renderLinks(viewer: Viewer, doc: JSONContent, opts: { locale?: keyof typeof PRIVATE_PAGE_LABEL } = {}): JSONContent {
  const ids = new Set<string>();
  collectIds(doc, ids);
  if (ids.size === 0) return doc;
  const all = [...ids];
  const titles: Record<string, string | null> = {};
  for (let i = 0; i < all.length; i += MAX_RESOLVE_IDS) Object.assign(titles, resolveLinkTitles(viewer, all.slice(i, i + MAX_RESOLVE_IDS)));
  return rewrite(doc, titles, PRIVATE_PAGE_LABEL[opts.locale ?? 'fr']);
}
