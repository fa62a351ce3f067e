/**
 * Escape leaves the text for the keyboard: the focus goes to the editor's frame, so that Tab
 * moves on to what follows instead of staying in the text. Lower priority than the `/` and `[[`
 * menus, which close on Escape first. (Ctrl+K stays the search of the whole site.)
 */
import { Extension } from '@tiptap/core';

export type EditorKeysOptions = { onEscape: () => void };

export const EditorKeys = Extension.create<EditorKeysOptions>({
  name: 'editorKeys',
  priority: 50,

  addOptions() {
    return { onEscape: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      Escape: () => {
        this.options.onEscape();
        return true;
      },
    };
  },
});
