/**
 * The wiki link as the editor shows it: the target's CURRENT title (so a rename shows
 * everywhere), or "page privée" (not a link) when the viewer may not read the target. The
 * stored label is never shown, as it may be the title of a page this viewer cannot read.
 */
import { WikiLink } from '@/lib/editor/wiki-link';
import type { TitleResolver } from './title-resolver';

export type WikiLinkViewOptions = {
  resolver: TitleResolver | null;
  /** "page privée" */
  privateLabel: string;
  /** Hint on links in an editable document, where a plain click places the cursor. */
  openHint: string;
};

export const WikiLinkView = WikiLink.extend<WikiLinkViewOptions>({
  addOptions() {
    return { resolver: null, privateLabel: 'page privée', openHint: '' };
  },

  addNodeView() {
    const { resolver, privateLabel, openHint } = this.options;
    return ({ node, editor }) => {
      const dom = document.createElement('a');
      dom.className = 'wiki-link';
      dom.setAttribute('data-wiki-link', '');
      dom.contentEditable = 'false';
      let pageId = String(node.attrs.pageId ?? '');
      let unsubscribe = () => {};

      const show = (title: string | null | undefined) => {
        dom.classList.toggle('wiki-link-loading', title === undefined);
        dom.classList.toggle('wiki-link-private', title === null);
        if (title === null) {
          dom.textContent = privateLabel;
          dom.removeAttribute('href');
          dom.removeAttribute('title');
          return;
        }
        dom.textContent = title ?? '…';
        dom.href = `/pages/${encodeURIComponent(pageId)}`;
        if (editor.isEditable && openHint) dom.title = openHint;
        else dom.removeAttribute('title');
      };
      const watch = () => {
        unsubscribe();
        show(undefined);
        unsubscribe = resolver ? resolver.subscribe(pageId, show) : () => {};
      };
      // In an editable document a click selects the link; Ctrl/Cmd+click (or a click in a
      // read-only one, handled by the browser) opens it.
      dom.addEventListener('click', (e) => {
        if (!dom.hasAttribute('href')) return e.preventDefault();
        if (!editor.isEditable) return;
        e.preventDefault();
        if (e.ctrlKey || e.metaKey) window.open(dom.href, '_blank', 'noopener');
      });
      watch();

      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== node.type.name) return false;
          const nextId = String(updated.attrs.pageId ?? '');
          if (nextId !== pageId) {
            pageId = nextId;
            watch();
          }
          return true;
        },
        destroy: () => unsubscribe(),
      };
    };
  },
});
