/**
 * A wiki link: an inline node holding the target page's id, so renames never break it. `label`
 * keeps the title seen when the link was made; readers are shown the target's current title
 * (or "page privée" when they may not read it), resolved on the server.
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
    return ['a', mergeAttributes({ 'data-wiki-link': '', class: 'wiki-link', href: `/pages/${node.attrs.pageId as string}` }, HTMLAttributes), (node.attrs.label as string) || '…'];
  },

  renderText({ node }) {
    return node.attrs.label as string;
  },

  renderMarkdown: (node) => `[${String(node.attrs?.label ?? '').replace(/([[\]])/g, '\\$1')}](/pages/${String(node.attrs?.pageId ?? '')})`,
});
