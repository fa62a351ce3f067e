/**
 * Plain-text offsets of a body and ProseMirror positions, one to the other. The plain text is the
 * one passage anchors quote: ProseMirror's `textBetween(0, size, BLOCK_SEPARATOR, leafText)` with
 * every leaf one character (a wiki link `…`, a hard break or an image a space), so inside a
 * textblock one character of text is one position of the document. Browser-safe: the editor maps
 * a resolved anchor onto its own document with `textOffsetToPos`, a selection onto text offsets
 * with `posToTextOffset`.
 */
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';

/** Between two blocks of the plain text (as `pages.text`). */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * A stretch where text and document advance together: the content of a textblock, or a leaf
 * block (one character). Runs are in document order; between two runs lies a separator.
 */
export type TextRun = { text: number; pos: number; length: number };

/** The runs of a document node (as ProseMirror numbers its positions: 0 is before its first child). */
export function runsOfDoc(doc: PMNode): TextRun[] {
  const runs: TextRun[] = [];
  let text = 0;
  doc.descendants((node, pos) => {
    const isLeafBlock = node.isBlock && node.isLeaf;
    if (!node.isTextblock && !isLeafBlock) return true;
    if (runs.length) text += BLOCK_SEPARATOR.length;
    const length = isLeafBlock ? 1 : node.content.size;
    runs.push({ text, pos: isLeafBlock ? pos : pos + 1, length });
    text += length;
    return false;
  });
  return runs;
}

/**
 * The document position of a plain-text offset. An offset between two blocks (in a separator)
 * goes to the start of the next block for the start of a range (`side: 'from'`), to the end of
 * the previous one for its end (`side: 'to'`).
 */
export function offsetToPos(runs: readonly TextRun[], offset: number, side: 'from' | 'to'): number {
  if (!runs.length) return 0;
  let lo = 0;
  let hi = runs.length - 1;
  // The last run starting at or before the offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]!.text <= offset) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo]!;
  if (offset < run.text) return run.pos; // before the first run
  if (offset <= run.text + run.length) return run.pos + (offset - run.text);
  const next = runs[lo + 1];
  return side === 'from' && next ? next.pos : run.pos + run.length;
}

/** The plain-text offset of a document position (a position between blocks counts as the next block's start). */
export function posToOffset(runs: readonly TextRun[], pos: number): number {
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (pos < run.pos) return run.text;
    if (pos <= run.pos + run.length) return run.text + (pos - run.pos);
  }
  const last = runs[runs.length - 1];
  return last ? last.text + last.length : 0;
}

const nodeOf = (schema: Schema, doc: PMNode | JSONContent): PMNode => ('nodeSize' in doc ? (doc as PMNode) : schema.nodeFromJSON(doc));

/** `offsetToPos` on a document given as a node or as the schema's JSON. */
export function textOffsetToPos(schema: Schema, doc: PMNode | JSONContent, offset: number, side: 'from' | 'to' = 'from'): number {
  return offsetToPos(runsOfDoc(nodeOf(schema, doc)), offset, side);
}

/** A selection of the editor (`from`, `to` positions) as a plain-text range of its document. */
export function posToTextOffset(schema: Schema, doc: PMNode | JSONContent, pos: number): number {
  return posToOffset(runsOfDoc(nodeOf(schema, doc)), pos);
}

/** A textblock of a body with its words, for choosing a passage without a pointer (« Proposer un amendement » by keyboard). */
export type TextBlock = { index: number; text: string };

/** The body's textblocks that hold words, in order (`plain`: the body's plain text, as anchors quote it). */
export function textBlocksOf(runs: readonly TextRun[], plain: string): TextBlock[] {
  return runs.flatMap((r, index) => {
    const text = plain.slice(r.text, r.text + r.length);
    return text.trim() ? [{ index, text }] : [];
  });
}

/**
 * `quote` (trimmed) looked for in block `index` of the body: its first appearance there, as the
 * `occurrence`-th of the whole plain text (overlapping ones counted, as the server counts them
 * when it anchors an amendment), so that the amendment lands on those words and not on the same
 * words elsewhere. Null when the block does not hold them.
 */
export function quoteInBlock(runs: readonly TextRun[], plain: string, index: number, raw: string): { quote: string; occurrence: number; from: number; to: number } | null {
  const run = runs[index];
  const quote = raw.trim();
  if (!run || !quote) return null;
  const at = plain.slice(run.text, run.text + run.length).indexOf(quote);
  if (at < 0) return null;
  const from = run.text + at;
  let occurrence = 0;
  for (let i = plain.indexOf(quote); i !== -1 && i <= from; i = plain.indexOf(quote, i + 1)) occurrence++;
  return { quote, occurrence, from, to: from + quote.length };
}
