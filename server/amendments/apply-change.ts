/**
 * An amendment's change made on the body of a `Y.Doc` at a passage's ProseMirror range (as
 * `resolveAnchor` gives it): the words replaced, deleted, or new words inserted just after them.
 *
 * The change is made on the ProseMirror document (so that marks, and paragraphs in the new
 * wording, follow the schema's rules) and carried back to the Y.Doc as y-prosemirror's minimal
 * diff (`replaceBodyIn`): only the characters of the passage change, so text typed elsewhere at
 * the same time, and anchors on other passages, are left as they are.
 */
import * as Y from 'yjs';
import { Fragment, type Mark, type Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { AmendmentOp } from '@/lib/domain/enums';
import { editorSchema, replaceBodyIn, yStateToJSON } from '@/server/pages/body';

/** New words as text nodes carrying `marks`, or nothing for an empty string. */
const words = (text: string, marks: readonly Mark[]): Fragment => (text ? Fragment.from(editorSchema.text(text, marks)) : Fragment.empty);

/**
 * Puts `text` at [from, to) of `tr`'s document (from = to: inserts), with the marks of the words
 * it replaces (or of the character before when inserting). Line breaks in `text` begin new
 * paragraphs of the same block.
 */
function putText(tr: Transform, from: number, to: number, text: string): void {
  const $from = tr.doc.resolve(from);
  const marks = from === to ? $from.marks() : ($from.marksAcross(tr.doc.resolve(to)) ?? $from.marks());
  const [first = '', ...rest] = text.split(/\r?\n+/);
  tr.replaceWith(from, to, words(first, marks));
  let at = from + first.length;
  for (const part of rest) {
    tr.split(at);
    at += 2; // the closing and opening tokens of the split
    if (part) {
      tr.insert(at, words(part, marks));
      at += part.length;
    }
  }
}

/**
 * Applies `op` with `text` to the passage at ProseMirror positions `pos` of the body of `doc`.
 * `replace` with an empty text deletes.
 */
export function applyChangeAt(doc: Y.Doc, pos: { from: number; to: number }, op: AmendmentOp, text: string): void {
  const node: PMNode = editorSchema.nodeFromJSON(yStateToJSON(Y.encodeStateAsUpdate(doc)));
  const tr = new Transform(node);
  if (op === 'delete') tr.delete(pos.from, pos.to);
  else if (op === 'replace') putText(tr, pos.from, pos.to, text);
  else putText(tr, pos.to, pos.to, text);
  replaceBodyIn(doc, tr.doc.toJSON());
}
