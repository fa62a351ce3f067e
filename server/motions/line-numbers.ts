/**
 * Line numbers of a deciding text, frozen per stage (issue 11): the numbers printed when a stage
 * began stay on the same words while the live text changes, so « Amendement L12–14 » keeps
 * pointing at what the reader saw.
 *
 * A stage's numbering is computed once on the text of that moment: each block's text broken at
 * word boundaries into lines of at most `lineLength` characters (a word longer than a line is cut;
 * every block starts a new line; a block with no words takes no number). Each line is then held as
 * a passage anchor on its words (server/documents/anchors), whose start is the Yjs relative
 * position of the line's first character: it follows that character through any edit, and where
 * y-prosemirror rewrote the words as new characters (Enter before them, Backspace joining their
 * paragraph) the anchor finds them again by quote and context.
 *
 * Offsets are those of the body's plain text (`BLOCK_SEPARATOR` between blocks), ProseMirror
 * positions those of the editor's document. Pure functions over a `Y.Doc`, plus the setting read.
 */
import type * as Y from 'yjs';
import type { DeliberationStage } from '@/lib/domain/enums';
import { BLOCK_SEPARATOR } from '@/lib/editor/anchor-from-selection';
import { anchorFromRange, bodyPositions, resolveAnchors, type PassageAnchor } from '@/server/documents/anchors';
import { motionLineLength } from '@/server/settings/site-settings';

export { MOTION_LINE_LENGTH } from '@/server/settings/site-settings';

/** A line of the text as it is now: plain-text offsets [from, to) and its words. */
export type ComputedLine = { from: number; to: number; text: string };

/**
 * One frozen line: a passage anchor on its words. `start` is `Y.encodeRelativePosition` of the
 * line's first character (base64), as for every anchor; the quote and its context find the words
 * again where their characters were rewritten.
 */
export type FrozenLine = PassageAnchor;

/** The numbering of a stage, as stored in `deliberations.lineMap` (JSON). Line n is `lines[n - 1]`. */
export type LineMap = {
  stage: DeliberationStage;
  lineLength: number;
  lines: FrozenLine[];
};

/** Where a numbered line begins now: its text offset and ProseMirror position. */
export type CurrentLine = {
  /** 1-based, as printed. */
  number: number;
  offset: number;
  pos: number;
  /** False when every word of the line is gone: the number stays, at the next surviving text. */
  present: boolean;
  /**
   * `Y.encodeRelativePosition` (base64) of the line's first character in `doc` now: the frozen one,
   * or a fresh one where its words were found again as new characters; null when they are gone.
   * An editor bound to the same document follows the line with it.
   */
  start: string | null;
  /** The line's first words when it was numbered (an editor finds rewritten words again by them). */
  words: string;
};

export type LineRange = { lineFrom: number; lineTo: number };

/** The site's line length for motions (setting `motionLineLength`). */
export function lineLength(): number {
  return motionLineLength();
}

const isSpace = (c: string) => /\s/.test(c);

/** Greedy breaking of one block's text (starting at `base` in the body) into lines of ≤ `max` characters. */
function breakBlock(block: string, base: number, max: number, out: ComputedLine[]): void {
  let i = 0;
  const n = block.length;
  while (i < n) {
    while (i < n && isSpace(block[i]!)) i++;
    if (i >= n) break;
    const start = i;
    let end = start; // end of the last whole word that fits
    let j = start;
    while (j < n) {
      let w = j;
      while (w < n && !isSpace(block[w]!)) w++; // [j, w) is a word
      if (w - start > max) {
        if (end === start) end = start + max; // a word longer than a line: cut it
        break;
      }
      end = w;
      j = w;
      while (j < n && isSpace(block[j]!)) j++;
    }
    out.push({ from: base + start, to: base + end, text: block.slice(start, end) });
    i = end;
  }
}

/** The lines of the body as it is now, each block starting a new line. */
export function computeLines(doc: Y.Doc, lineLength: number): ComputedLine[] {
  const max = Math.max(1, Math.floor(lineLength));
  const { text } = bodyPositions(doc);
  const lines: ComputedLine[] = [];
  let base = 0;
  for (const block of text.split(BLOCK_SEPARATOR)) {
    breakBlock(block, base, max, lines);
    base += block.length + BLOCK_SEPARATOR.length;
  }
  return lines;
}

/** Numbers the body's lines for `stage`, with the site's line length (or the one given). */
export function freezeLineMap(doc: Y.Doc, stage: DeliberationStage, length: number = lineLength()): LineMap {
  const lines = computeLines(doc, length).map((l) => anchorFromRange(doc, l.from, l.to));
  return { stage, lineLength: length, lines };
}

/** Whether a stored JSON value is a line map this module can read (an old or foreign shape is not). */
export function isLineMap(value: unknown): value is LineMap {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<LineMap>;
  return typeof v.stage === 'string' && typeof v.lineLength === 'number' && Array.isArray(v.lines) && v.lines.every((l) => l && typeof (l as PassageAnchor).start === 'string');
}

const firstWords = (quote: string) => quote.slice(0, 24);

/**
 * Where each numbered line begins in `doc` now. A line whose first characters were deleted begins
 * at its first surviving one; a line whose words are all gone keeps its number at the next
 * surviving text (so it shares that place with the next line). Numbers never go out of order:
 * a line found before the previous one (its words moved up) is put with the previous one.
 */
export function currentLines(doc: Y.Doc, lineMap: LineMap): CurrentLine[] {
  if (!lineMap.lines.length) return [];
  const resolved = resolveAnchors(doc, lineMap.lines);
  const { text, toPos } = bodyPositions(doc);
  const out: CurrentLine[] = resolved.map((r, i) => {
    if (r.status !== 'gone') return { number: i + 1, offset: r.from, pos: r.pos.from, present: true, start: r.anchor?.start ?? lineMap.lines[i]!.start, words: firstWords(lineMap.lines[i]!.quote) };
    return { number: i + 1, offset: r.at?.text ?? -1, pos: r.at?.pos ?? -1, present: false, start: null, words: firstWords(lineMap.lines[i]!.quote) };
  });
  // A gone line with no known place: where the next placed line is (the end of the text if none).
  let next = { offset: text.length, pos: toPos(text.length, 'to') };
  for (let i = out.length - 1; i >= 0; i--) {
    const l = out[i]!;
    if (l.offset < 0) Object.assign(l, next);
    else next = { offset: l.offset, pos: l.pos };
  }
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const l = out[i]!;
    if (l.offset < prev.offset || l.pos < prev.pos) Object.assign(l, { offset: prev.offset, pos: prev.pos });
  }
  return out;
}

/**
 * The numbered lines a text range [from, to) (plain-text offsets) lies on, from lines already
 * resolved by `currentLines` (one walk of the body for all the amendments of a page). Text before
 * line 1 counts as line 1; `{ 0, 0 }` when nothing is numbered.
 */
export function lineRangeIn(lines: readonly CurrentLine[], from: number, to: number): LineRange {
  if (!lines.length) return { lineFrom: 0, lineTo: 0 };
  const lineAt = (offset: number) => {
    // The last line beginning at or before `offset` (lines sharing a place: the last of them).
    let lo = 0;
    let hi = lines.length - 1;
    if (offset < lines[0]!.offset) return lines[0]!.number;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo]!.number;
  };
  const lineFrom = lineAt(from);
  return { lineFrom, lineTo: to > from ? Math.max(lineFrom, lineAt(to - 1)) : lineFrom };
}

/** The numbered lines a text range [from, to) of `doc` lies on (see `lineRangeIn`). */
export function lineRangeOf(doc: Y.Doc, lineMap: LineMap, from: number, to: number): LineRange {
  return lineRangeIn(currentLines(doc, lineMap), from, to);
}
