/**
 * `[[` opens a search of page titles (only pages the person may read, decided by the server);
 * Enter inserts a wiki link to the chosen page; the last item creates a draft titled with the
 * typed text, in the current space, links it and says so (`onCreated`).
 */
import { Extension, type Editor } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion from '@tiptap/suggestion';
import { WIKI_LINK } from '@/lib/editor/wiki-link';
import { foldText } from '@/lib/text/fold';
import { menuRenderer } from './suggestion-renderer';
import type { TitleResolver } from './title-resolver';
import type { EditorActions, TitleMatch } from './types';

type Item = { kind: 'page'; page: TitleMatch } | { kind: 'create'; title: string };

export type WikiLinkSuggestionOptions = {
  actions: Pick<EditorActions, 'searchTitles' | 'createStub'> | null;
  resolver: TitleResolver | null;
  createLabel: (title: string) => string;
  emptyLabel: string;
  listLabel: string;
  onError: (message: string) => void;
  /** A draft was made for the link: the editor tells where (« Brouillon créé dans … »). */
  onCreated: (page: { title: string; spaceName: string }) => void;
};

const MAX_TITLE = 200;
const fold = (s: string) => foldText(s).trim();
/** The typed text, without a closing `]]` someone typed out of habit. */
const typedTitle = (query: string) => query.replace(/\]\]?$/, '').trim().slice(0, MAX_TITLE);

function insertLink(editor: Editor, pageId: string) {
  editor
    .chain()
    .focus()
    .insertContent([
      // Only the id is stored: a title kept in the document would outlive the reader's right to see it.
      { type: WIKI_LINK, attrs: { pageId, label: '' } },
      { type: 'text', text: ' ' },
    ])
    .run();
}

export const WikiLinkSuggestion = Extension.create<WikiLinkSuggestionOptions>({
  name: 'wikiLinkSuggestion',

  addOptions() {
    return { actions: null, resolver: null, createLabel: (t) => t, emptyLabel: '', listLabel: '', onError: () => {}, onCreated: () => {} };
  },

  addProseMirrorPlugins() {
    const o = this.options;
    return [
      Suggestion<Item, Item>({
        editor: this.editor,
        pluginKey: new PluginKey('wikiLinkSuggestion'),
        char: '[[',
        allowSpaces: true,
        allowedPrefixes: null,
        debounce: 120,
        allow: ({ editor }) => editor.isEditable,
        items: async ({ query }) => {
          const title = typedTitle(query);
          const pages = o.actions ? await o.actions.searchTitles(title) : [];
          const items: Item[] = pages.map((page) => ({ kind: 'page', page }));
          if (title && !pages.some((p) => fold(p.title) === fold(title))) items.push({ kind: 'create', title });
          return items;
        },
        command: ({ editor, range, props: item }) => {
          editor.chain().focus().deleteRange(range).run();
          if (item.kind === 'page') {
            o.resolver?.remember(item.page.id, item.page.title);
            insertLink(editor, item.page.id);
            return;
          }
          void o.actions?.createStub(item.title).then(
            (r) => {
              if (r?.ok) {
                o.resolver?.remember(r.data.id, r.data.title);
                insertLink(editor, r.data.id);
                o.onCreated(r.data);
              } else o.onError(r?.error.message ?? '');
            },
            () => o.onError(''),
          );
        },
        render: menuRenderer<Item>(
          (item) =>
            item.kind === 'page'
              ? { key: item.page.id, label: item.page.title, hint: item.page.spaceName }
              : { key: '+create', label: o.createLabel(item.title) },
          () => ({ emptyLabel: o.emptyLabel, listLabel: o.listLabel }),
        ),
      }),
    ];
  },
});
