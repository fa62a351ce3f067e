/**
 * A wiki link: an inline node holding the target page's id, so renames never break it. New links
 * store no title (`label` is empty): readers are shown the target's current title, or "page
 * privée" when they may not read it, resolved for each reader (`renderLinks`, the editor).
 */
import { Node, mergeAttributes } from '@tiptap/core';

export const WIKI_LINK = 'wikiLink';

export const WikiLink = Node.create({
  name: WIKI_LINK,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      pageId: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-page-id'),
        renderHTML: (attrs: { pageId?: string | null }) => ({ 'data-page-id': attrs.pageId }),
      },
      label: {
        default: '',
        parseHTML: (el: HTMLElement) => el.textContent ?? '',
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'a[data-wiki-link]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const pageId = node.attrs.pageId as string | null;
    // A link the reader may not follow (renderLinks removed its id) is plain text.
    if (!pageId) return ['span', { 'data-wiki-link': '', class: 'wiki-link wiki-link-private' }, (node.attrs.label as string) || '…'];
    return ['a', mergeAttributes({ 'data-wiki-link': '', class: 'wiki-link', href: `/pages/${pageId}` }, HTMLAttributes), (node.attrs.label as string) || '…'];
  },

  renderText({ node }) {
    return node.attrs.label as string;
  },

  renderMarkdown: (node) => {
    const label = String(node.attrs?.label ?? '').replace(/([[\]])/g, '\\$1');
    return node.attrs?.pageId ? `[${label}](/pages/${String(node.attrs.pageId)})` : label;
  },
});
