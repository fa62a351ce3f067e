/**
 * Carets of the others, for someone who may only read: the same rendering as
 * CollaborationCaret, but this person's own selection is never published (the server strips it
 * anyway). The cursor plugin writes through `setLocalStateField`; it gets an awareness view
 * whose writes of the cursor field do nothing.
 */
import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { renderCaret, renderSelection } from './caret-render';

export const ReadOnlyCarets = Extension.create<{ awareness: Awareness | null }>({
  name: 'readOnlyCarets',

  addOptions() {
    return { awareness: null };
  },

  addProseMirrorPlugins() {
    const awareness = this.options.awareness;
    if (!awareness) return [];
    const silent = Object.create(awareness, {
      setLocalStateField: { value: (field: string, value: unknown) => field !== 'cursor' && awareness.setLocalStateField(field, value) },
    }) as Awareness;
    return [yCursorPlugin(silent, { cursorBuilder: renderCaret, selectionBuilder: renderSelection })];
  },
});
