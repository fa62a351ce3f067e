/**
 * Glue between tiptap's suggestion plugin and the React `SuggestionMenu`: mounts the menu next
 * to the caret (the plugin's own floating-ui `mount`), updates it, forwards keys, removes it.
 */
import { ReactRenderer } from '@tiptap/react';
import type { SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import { SuggestionMenu, type MenuItem, type SuggestionMenuHandle, type SuggestionMenuProps } from './SuggestionMenu';

type Labels = { emptyLabel: string; listLabel: string };

export function menuRenderer<I>(toMenuItem: (item: I) => MenuItem, labels: () => Labels): NonNullable<SuggestionOptions<I, I>['render']> {
  return () => {
    let renderer: ReactRenderer<SuggestionMenuHandle, SuggestionMenuProps> | null = null;
    let unmount: (() => void) | null = null;
    const propsOf = (p: SuggestionProps<I, I>): SuggestionMenuProps => ({
      items: p.items.map(toMenuItem),
      loading: p.loading,
      ...labels(),
      onPick: (i) => {
        const item = p.items[i];
        if (item !== undefined) p.command(item);
      },
    });
    return {
      onStart: (p) => {
        renderer = new ReactRenderer(SuggestionMenu, { editor: p.editor, props: propsOf(p), className: 'suggestion-popup' });
        unmount = p.mount(renderer.element);
      },
      onUpdate: (p) => renderer?.updateProps(propsOf(p)),
      onKeyDown: ({ event }) => (event.key === 'Escape' ? false : (renderer?.ref?.onKeyDown(event) ?? false)),
      onExit: () => {
        unmount?.();
        renderer?.destroy();
        renderer = null;
        unmount = null;
      },
    };
  };
}
