/**
 * The editor schema, defined once: the browser editor, the server renderer and the Markdown
 * converter all build from this list, so a document means the same thing everywhere.
 * Browser-only behaviour (collaboration, carets, menus, placeholder) is added in components/editor.
 */
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import Image from '@tiptap/extension-image';
import type { AnyExtension } from '@tiptap/core';
import { WikiLink } from './wiki-link';

export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own (per-user) undo manager.
      undoRedo: false,
      link: { openOnClick: false, autolink: true },
    }),
    TableKit.configure({ table: { resizable: false } }),
    // Images are uploaded to the server (never inlined as data: URLs, which would bloat the doc).
    Image.configure({ inline: false, allowBase64: false }),
    WikiLink,
  ];
}

/** Name of the Y.XmlFragment holding the body (tiptap's default), readable by any Yjs client. */
export const BODY_FRAGMENT = 'default';
