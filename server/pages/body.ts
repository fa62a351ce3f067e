/**
 * A page body is a Yjs document. These helpers convert between Markdown, the editor's
 * ProseMirror JSON, HTML and the stored Yjs state, all through the one schema in lib/editor.
 */
import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { prosemirrorJSONToYDoc, updateYFragment, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { Node as PMNode } from '@tiptap/pm/model';
import { editorExtensions, BODY_FRAGMENT } from '@/lib/editor/extensions';
import { WIKI_LINK } from '@/lib/editor/wiki-link';
import { docToHTML } from './html';

const extensions = editorExtensions();
const schema = getSchema(extensions);
const markdown = new MarkdownManager({ extensions });

const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

export function markdownToJSON(md: string): JSONContent {
  if (!md.trim()) return EMPTY_DOC;
  const json = markdown.parse(md);
  // Validate against the schema: throws on content the schema cannot hold.
  return PMNode.fromJSON(schema, json).toJSON() as JSONContent;
}

export function jsonToMarkdown(json: JSONContent): string {
  return markdown.serialize(json).trim();
}

export function jsonToYState(json: JSONContent): Uint8Array {
  const doc = prosemirrorJSONToYDoc(schema, json, BODY_FRAGMENT);
  return Y.encodeStateAsUpdate(doc);
}

export function markdownToYState(md: string): Uint8Array {
  return jsonToYState(markdownToJSON(md));
}

export function yStateToJSON(state: Uint8Array): JSONContent {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return yDocToProsemirrorJSON(doc, BODY_FRAGMENT) as JSONContent;
}

/** Plain text of a document, blocks separated by blank lines. */
export function jsonToText(json: JSONContent): string {
  const node = PMNode.fromJSON(schema, json);
  return node.textBetween(0, node.content.size, '\n\n', (leaf) => (leaf.type.name === WIKI_LINK ? String(leaf.attrs.label ?? '') : leaf.isText ? (leaf.text ?? '') : ' ')).trim();
}

export type RenderedBody = { json: JSONContent; text: string; markdown: string };

export function renderBody(state: Uint8Array): RenderedBody {
  const json = yStateToJSON(state);
  let markdown: string | undefined;
  // Markdown is serialised only when asked for (API, edit form): the page view never needs it.
  return {
    json,
    text: jsonToText(json),
    get markdown() {
      return (markdown ??= jsonToMarkdown(json));
    },
  };
}

export { schema as editorSchema };

/**
 * Replaces (or appends to) the body of a stored document as a Yjs change, computing a minimal
 * diff, so the result merges with concurrent edits instead of overwriting them.
 */
export function applyContent(state: Uint8Array | null, incoming: JSONContent, mode: 'replace' | 'append' = 'replace'): Uint8Array {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  let target: JSONContent = incoming;
  if (mode === 'append' && fragment.length > 0) {
    const current = yDocToProsemirrorJSON(doc, BODY_FRAGMENT) as JSONContent;
    target = { type: 'doc', content: [...(current.content ?? []), ...(incoming.content ?? [])] };
  }
  replaceBodyIn(doc, target);
  return Y.encodeStateAsUpdate(doc);
}

/** Turns the body of `doc` into `content` by one minimal Yjs transaction (y-prosemirror's diff). */
export function replaceBodyIn(doc: Y.Doc, content: JSONContent): void {
  updateYFragment(doc, doc.getXmlFragment(BODY_FRAGMENT), PMNode.fromJSON(schema, content), { mapping: new Map(), isOMark: new Map() });
}

export function applyMarkdown(state: Uint8Array | null, md: string, mode: 'replace' | 'append' = 'replace'): Uint8Array {
  return applyContent(state, markdownToJSON(md), mode);
}

/** Server-side HTML of a body, from the schema's own toDOM rules (text and attributes escaped). */
export function jsonToHTML(json: JSONContent): string {
  return docToHTML(schema, json);
}
