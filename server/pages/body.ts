/**
 * A page body is a Yjs document. These helpers convert between Markdown, the editor's
 * ProseMirror JSON, HTML and the stored Yjs state, all through the one schema in lib/editor.
 */
import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { prosemirrorJSONToYDoc, updateYFragment } from '@tiptap/y-tiptap';
import { Node as PMNode } from '@tiptap/pm/model';
import { editorExtensions, BODY_FRAGMENT } from '@/lib/editor/extensions';
import { MAX_BODY_DEPTH } from '@/lib/editor/limits';
import { WIKI_LINK } from '@/lib/editor/wiki-link';
import { AppError } from '@/lib/errors';
import { renderNode } from './html';
import { plainTextOf, toSchemaDoc, yFragmentToJSON } from './sanitize';

const extensions = editorExtensions();
const schema = getSchema(extensions);
const markdown = new MarkdownManager({ extensions });

const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

export function markdownToJSON(md: string): JSONContent {
  if (!md.trim()) return EMPTY_DOC;
  const json = markdown.parse(md);
  // Nesting the readers would cut off is refused on write (`> > > …` three thousand times).
  if (nestsTooDeep(json)) throw new AppError('invalid_input', `markdown: nesting deeper than ${MAX_BODY_DEPTH} levels.`, 'markdown');
  // Validate against the schema: throws on content the schema cannot hold.
  return PMNode.fromJSON(schema, json).toJSON() as JSONContent;
}

function nestsTooDeep(json: JSONContent): boolean {
  const stack: [JSONContent, number][] = [[json, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_BODY_DEPTH) return true;
    for (const c of node.content ?? []) if (c.type !== 'text') stack.push([c, depth + 1]);
  }
  return false;
}

/** Markdown of a document; never throws (what the schema does not hold is repaired first). */
export function jsonToMarkdown(json: JSONContent): string {
  const { node, repaired } = toSchemaDoc(schema, json);
  try {
    return markdown.serialize(repaired ? (node.toJSON() as JSONContent) : json).trim();
  } catch {
    return textOfNode(node);
  }
}

export function jsonToYState(json: JSONContent): Uint8Array {
  const doc = prosemirrorJSONToYDoc(schema, json, BODY_FRAGMENT);
  return Y.encodeStateAsUpdate(doc);
}

export function markdownToYState(md: string): Uint8Array {
  return jsonToYState(markdownToJSON(md));
}

/**
 * A stored document as the schema's JSON and node. Never throws on what the document holds:
 * what the schema does not know is repaired (`sanitize.ts`); a valid document comes out as
 * y-tiptap's `yDocToProsemirrorJSON` gives it.
 */
function readState(state: Uint8Array): { json: JSONContent; node: PMNode } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const raw = yFragmentToJSON(doc.getXmlFragment(BODY_FRAGMENT));
    const { node, repaired } = toSchemaDoc(schema, raw);
    return { json: repaired ? (node.toJSON() as JSONContent) : raw, node };
  } finally {
    doc.destroy();
  }
}

export function yStateToJSON(state: Uint8Array): JSONContent {
  return readState(state).json;
}

/**
 * Stands for a wiki link in stored text (pages.text, versions, search, excerpts): a stored label
 * is the target's title when the link was made, which a reader of this page may not be allowed
 * to read. The same mark as in backlink snippets.
 */
export const LINK_IN_TEXT = '…';

function textOfNode(node: PMNode, linkLabels = false): string {
  const leafText = (leaf: PMNode) => (leaf.type.name === WIKI_LINK ? (linkLabels ? String(leaf.attrs.label ?? '') : LINK_IN_TEXT) : leaf.isText ? (leaf.text ?? '') : ' ');
  return node.textBetween(0, node.content.size, '\n\n', leafText).trim();
}

/**
 * Plain text of a document, blocks separated by blank lines; a wiki link is LINK_IN_TEXT. With
 * `linkLabels`, a link is its label: only for a document whose links `renderLinks` resolved for
 * its reader.
 */
export function jsonToText(json: JSONContent, opts: { linkLabels?: boolean } = {}): string {
  return textOfNode(toSchemaDoc(schema, json).node, opts.linkLabels);
}

export type RenderedBody = { json: JSONContent; text: string; markdown: string };

export function renderBody(state: Uint8Array): RenderedBody {
  const { json, node } = readState(state);
  let markdown: string | undefined;
  // Markdown is serialised only when asked for (API, edit form): the page view never needs it.
  return {
    json,
    text: textOfNode(node),
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
    const current = toSchemaDoc(schema, yFragmentToJSON(fragment)).node.toJSON() as JSONContent;
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

/**
 * Server-side HTML of a body, from the schema's own toDOM rules (text and attributes escaped).
 * Never throws: a document the schema cannot render as it is is repaired first, and as a last
 * resort shown as its text.
 */
export function jsonToHTML(json: JSONContent): string {
  try {
    // As it is when the schema reads it (a single block of a diff is not a whole document).
    return renderNode(schema.nodeFromJSON(json));
  } catch {
    try {
      return renderNode(toSchemaDoc(schema, json).node);
    } catch {
      return renderNode(schema.topNodeType.create(null, schema.nodes.paragraph!.create(null, plainTextOf(json) ? schema.text(plainTextOf(json)) : null)));
    }
  }
}
