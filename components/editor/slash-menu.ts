/** The `/` menu: typing `/` lists the blocks (filtered by what follows), Enter inserts one. */
import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion from '@tiptap/suggestion';
import { matchBlocks, type BlockId } from './blocks';
import { menuRenderer } from './suggestion-renderer';

export type SlashMenuOptions = {
  label: (id: BlockId) => string;
  emptyLabel: string;
  listLabel: string;
  /** The image block asks the page for a file (then uploads it). */
  pickImage: () => void;
};

type Item = ReturnType<typeof matchBlocks>[number];

export const SlashMenu = Extension.create<SlashMenuOptions>({
  name: 'slashMenu',

  addOptions() {
    return { label: (id) => id, emptyLabel: '', listLabel: '', pickImage: () => {} };
  },

  addProseMirrorPlugins() {
    const o = this.options;
    return [
      Suggestion<Item, Item>({
        editor: this.editor,
        pluginKey: new PluginKey('slashMenu'),
        char: '/',
        allowSpaces: false,
        items: ({ query }) => matchBlocks(query, o.label),
        allow: ({ editor }) => editor.isEditable,
        command: ({ editor, range, props: block }) => {
          const chain = editor.chain().focus().deleteRange(range);
          if (block.apply) block.apply(chain).run();
          else {
            chain.run();
            o.pickImage();
          }
        },
        render: menuRenderer<Item>(
          (b) => ({ key: b.id, label: o.label(b.id), icon: b.icon }),
          () => ({ emptyLabel: o.emptyLabel, listLabel: o.listLabel }),
        ),
      }),
    ];
  },
});
