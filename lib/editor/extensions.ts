/**
 * The editor schema, defined once: the browser editor, the server renderer and the Markdown
 * converter all build from this list, so a document means the same thing everywhere.
 */
import StarterKit from '@tiptap/starter-kit';
import type { AnyExtension } from '@tiptap/core';
import { WikiLink } from './wiki-link';

export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own (per-user) undo manager.
      undoRedo: false,
      link: { openOnClick: false, autolink: true },
    }),
    WikiLink,
  ];
}

/** Name of the Y.XmlFragment holding the body (tiptap's default), readable by any Yjs client. */
export const BODY_FRAGMENT = 'default';
