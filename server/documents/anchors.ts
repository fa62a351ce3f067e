/**
 * Passage anchors: a passage of a body pointed at so that it keeps its words while the text moves
 * around it (amendments now, comments and line numbers next).
 *
 * An anchor holds its first and last characters as Yjs relative positions on the body fragment
 * (start associated right, end associated left: what is typed just outside the passage stays
 * outside), the quote, and some context on each side. Positions follow the characters through any
 * concurrent edit; quote and context find the passage again where positions mean nothing (an
 * anchor made on a published version, whose state was rebuilt from its content) or no longer hold
 * it (a restore or a paste brought the words back as new characters).
 *
 * Offsets are in the body's plain text (`BLOCK_SEPARATOR` between blocks, every leaf one character:
 * a wiki link `LINK_IN_TEXT`, any other a space; as `pages.text`, untrimmed). ProseMirror positions
 * come from the same walk. Pure functions over a `Y.Doc`; nothing is stored here.
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { WIKI_LINK } from '@/lib/editor/wiki-link';
import { BLOCK_SEPARATOR, offsetToPos, posToOffset, type TextRun } from '@/lib/editor/anchor-from-selection';
import { AppError } from '@/lib/errors';
import { editorSchema, LINK_IN_TEXT } from '@/server/pages/body';

/** Characters of context kept on each side of a passage. */
export const ANCHOR_CONTEXT = 32;

/** A passage of a body, as stored by whoever points at it (an amendment's row, a comment's). */
export type PassageAnchor = {
  /** `Y.encodeRelativePosition` of the passage's first character (assoc 0), base64. */
  start: string;
  /** `Y.encodeRelativePosition` after its last character (assoc -1), base64. */
  end: string;
  /** The passage's words when the anchor was made. */
  quote: string;
  /** Up to ANCHOR_CONTEXT characters of text just before and just after the passage. */
  before: string;
  after: string;
};

/** Where a passage is: plain-text offsets, and the ProseMirror positions of the same document. */
export type AnchorRange = { from: number; to: number; pos: { from: number; to: number } };

/**
 * What an anchor points at in a document now. `rebased` (with a fresh `anchor` to store in place
 * of the old one) when it was found again by its quote and context rather than by its positions.
 */
export type ResolvedAnchor =
  | (AnchorRange & { status: 'current'; text: string; rebased?: true; anchor?: PassageAnchor })
  | (AnchorRange & { status: 'changed'; text: string; quote: string; rebased?: true; anchor?: PassageAnchor })
  | { status: 'gone'; quote: string; at?: { text: number; pos: number } };

/** Where characters of the text sit in Yjs: `length` of them from `index` of `type`'s children. */
type YSpan = { text: number; type: Y.XmlText | Y.XmlElement | Y.XmlFragment; index: number; length: number };
type Boundaries = { starts: number[]; ends: number[]; contentStart: number; contentEnd: number };

/** The plain text of a body and, for each character, where it is in Yjs and in ProseMirror. */
type BodyMap = {
  fragment: Y.XmlFragment;
  text: string;
  runs: TextRun[];
  spans: YSpan[];
  spansOfText: Map<Y.XmlText, YSpan[]>;
  boundaries: Map<Y.AbstractType<unknown>, Boundaries>;
};

const leafText = (name: string) => (name === WIKI_LINK ? LINK_IN_TEXT : ' ');

/**
 * Walks the body as ProseMirror's `textBetween` would walk its document (y-tiptap keeps one
 * element per node, a Y.XmlText per stretch of text), with a stack: documents may nest deep.
 */
function mapBody(doc: Y.Doc): BodyMap {
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  const parts: string[] = [];
  const runs: TextRun[] = [];
  const spans: YSpan[] = [];
  const spansOfText = new Map<Y.XmlText, YSpan[]>();
  const boundaries = new Map<Y.AbstractType<unknown>, Boundaries>();
  let text = 0;
  let pos = 0;
  let run: TextRun | null = null; // the textblock being walked
  const emit = (s: string) => {
    parts.push(s);
    text += s.length;
  };
  const openBlock = () => {
    if (runs.length) emit(BLOCK_SEPARATOR);
  };

  type Frame = { node: Y.XmlFragment | Y.XmlElement; i: number; children: unknown[]; b: Boundaries; textblock: boolean };
  const open = (node: Y.XmlFragment | Y.XmlElement, textblock: boolean): Frame => {
    const b: Boundaries = { starts: [], ends: [], contentStart: text, contentEnd: text };
    boundaries.set(node as Y.AbstractType<unknown>, b);
    return { node, i: 0, children: node.toArray(), b, textblock };
  };
  const stack: Frame[] = [open(fragment, false)];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.i === frame.children.length) {
      frame.b.contentEnd = text;
      stack.pop();
      if (frame.textblock && run) {
        run.length = pos - run.pos;
        run = null;
      }
      if (stack.length) {
        const parent = stack[stack.length - 1]!;
        pos += 1; // closing token
        parent.b.ends[parent.i - 1] = text;
      }
      continue;
    }
    const child = frame.children[frame.i++];
    if (child instanceof Y.XmlText) {
      frame.b.starts.push(text);
      const own: YSpan[] = [];
      let index = 0;
      for (const d of child.toDelta() as { insert: unknown }[]) {
        if (typeof d.insert === 'string') {
          own.push({ text, type: child, index, length: d.insert.length });
          emit(d.insert);
          pos += d.insert.length;
          index += d.insert.length;
        } else index += 1; // an embed: no text, no position
      }
      if (!own.length) own.push({ text, type: child, index: 0, length: 0 });
      spans.push(...own.filter((s) => s.length));
      spansOfText.set(child, own);
      frame.b.ends.push(text);
    } else if (child instanceof Y.XmlElement) {
      const type = editorSchema.nodes[child.nodeName];
      if (type?.isLeaf) {
        if (type.isBlock) {
          openBlock();
          runs.push({ text, pos, length: 1 });
        }
        frame.b.starts.push(text);
        spans.push({ text, type: frame.node, index: frame.i - 1, length: 1 });
        emit(leafText(child.nodeName));
        pos += 1;
        frame.b.ends.push(text);
      } else {
        const textblock = !!type?.isTextblock;
        if (textblock) openBlock();
        frame.b.starts.push(text);
        pos += 1; // opening token
        if (textblock) {
          run = { text, pos, length: 0 };
          runs.push(run);
        }
        stack.push(open(child, textblock));
      }
    } else {
      frame.b.starts.push(text);
      frame.b.ends.push(text);
    }
  }
  return { fragment, text: parts.join(''), runs, spans, spansOfText, boundaries };
}

/** The span holding the character at `offset`, or null between blocks. */
function spanAt(map: BodyMap, offset: number): YSpan | null {
  let lo = 0;
  let hi = map.spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = map.spans[mid]!;
    if (offset < s.text) hi = mid - 1;
    else if (offset >= s.text + s.length) lo = mid + 1;
    else return s;
  }
  return null;
}

const encode = (rpos: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(rpos));

function anchorOn(map: BodyMap, from: number, to: number): PassageAnchor {
  const first = spanAt(map, from)!;
  const last = spanAt(map, to - 1)!;
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(first.type, first.index + (from - first.text), 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(last.type, last.index + (to - 1 - last.text) + 1, -1)),
    quote: map.text.slice(from, to),
    before: map.text.slice(Math.max(0, from - ANCHOR_CONTEXT), from),
    after: map.text.slice(to, to + ANCHOR_CONTEXT),
  };
}

/** A range narrowed to begin and end on characters of blocks (never on a separator); null if none. */
function narrowed(map: BodyMap, from: number, to: number): [number, number] | null {
  while (from < to && !spanAt(map, from)) from++;
  while (to > from && !spanAt(map, to - 1)) to--;
  return from < to ? [from, to] : null;
}

/**
 * An anchor on the plain-text range [from, to) of the body (narrowed so it does not begin or end
 * between two blocks). Throws `invalid_input` on `quote` when the range holds no character.
 */
export function anchorFromRange(doc: Y.Doc, from: number, to: number): PassageAnchor {
  return anchorInRange(mapBody(doc), from, to);
}

function anchorInRange(map: BodyMap, from: number, to: number): PassageAnchor {
  const range = narrowed(map, Math.max(0, from), Math.min(map.text.length, to));
  if (!range) throw new AppError('invalid_input', 'quote: the passage holds no text.', 'quote');
  return anchorOn(map, range[0], range[1]);
}

/** Start offsets of every occurrence of `quote` in `text` (overlapping ones too). */
function occurrencesOf(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/**
 * An anchor on the `occurrence`-th (1-based, overlapping ones counted) appearance of `quote` in
 * the body's plain text. Throws `invalid_input` naming `quote` when the words are not in the text,
 * `occurrence` when they are there fewer times.
 */
export function anchorFromQuote(doc: Y.Doc, { quote, occurrence = 1 }: { quote: string; occurrence?: number }): PassageAnchor {
  const map = mapBody(doc);
  const found = quote ? occurrencesOf(map.text, quote) : [];
  if (!found.length) throw new AppError('invalid_input', 'quote: these words are not in the text.', 'quote');
  const at = Number.isInteger(occurrence) ? found[occurrence - 1] : undefined;
  if (at === undefined) throw new AppError('invalid_input', `occurrence: the words appear ${found.length} time(s).`, 'occurrence');
  return anchorInRange(map, at, at + quote.length);
}

/**
 * An anchor on a selection of the editor: ProseMirror positions `from`, `to` of the document the
 * body is (as y-tiptap binds it).
 */
export function anchorFromSelection(doc: Y.Doc, from: number, to: number): PassageAnchor {
  const map = mapBody(doc);
  return anchorInRange(map, posToOffset(map.runs, from), posToOffset(map.runs, to));
}

/** Plain-text offsets of the body to ProseMirror positions of the same document. */
export function bodyPositions(doc: Y.Doc): { text: string; toPos: (offset: number, side: 'from' | 'to') => number } {
  const map = mapBody(doc);
  return { text: map.text, toPos: (offset, side) => offsetToPos(map.runs, offset, side) };
}

/** Whether a type is still in the body (neither it nor any element around it deleted). */
function isInBody(map: BodyMap, type: Y.AbstractType<unknown>): boolean {
  let t: Y.AbstractType<unknown> = type;
  while (t._item) {
    if (t._item.deleted) return false;
    t = t._item.parent as Y.AbstractType<unknown>;
  }
  return t === (map.fragment as Y.AbstractType<unknown>);
}

/** The plain-text offset of a resolved relative position; null when it is not (any longer) in the body. */
function offsetOf(map: BodyMap, encoded: string, doc: Y.Doc): number | null {
  let abs: Y.AbsolutePosition | null;
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(encoded)), doc);
  } catch {
    return null; // not a relative position at all
  }
  if (!abs || !isInBody(map, abs.type)) return null;
  if (abs.type instanceof Y.XmlText) {
    const own = map.spansOfText.get(abs.type);
    if (!own) return null;
    for (const s of own) if (abs.index <= s.index + s.length) return s.text + Math.max(0, abs.index - s.index);
    const last = own[own.length - 1]!;
    return last.text + last.length;
  }
  const b = map.boundaries.get(abs.type);
  if (!b) return null;
  const i = abs.index;
  if (abs.assoc >= 0) return i < b.starts.length ? b.starts[i]! : b.contentEnd;
  return i > 0 ? (b.ends[i - 1] ?? b.contentEnd) : b.contentStart;
}

/** Length of the longest common subsequence of two short strings (contexts: a few dozen characters). */
function commonSubsequence(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]!;
}

/** Context without block separators: joining or splitting paragraphs around a passage does not move it. */
const flat = (s: string) => s.replaceAll('\n', '');

/** Share of the strict matching a context needs: most of it, so other occurrences of common words are not taken. */
const STRICT_CONTEXT = 0.75;

/**
 * The occurrence of the quote whose surroundings match the anchor's context best (how much of the
 * context is still there, in order, around it: a word typed or a paragraph joined nearby does not
 * hide it). With `strict`, only one keeping at least STRICT_CONTEXT of its context.
 */
function refind(map: BodyMap, anchor: PassageAnchor, strict: boolean): number | null {
  const before = flat(anchor.before);
  const after = flat(anchor.after);
  let best: number | null = null;
  let bestScore = -1;
  for (const at of occurrencesOf(map.text, anchor.quote)) {
    const end = at + anchor.quote.length;
    const score =
      commonSubsequence(before, flat(map.text.slice(Math.max(0, at - 2 * ANCHOR_CONTEXT), at)).slice(-ANCHOR_CONTEXT)) +
      commonSubsequence(after, flat(map.text.slice(end, end + 2 * ANCHOR_CONTEXT)).slice(0, ANCHOR_CONTEXT));
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  if (best === null) return null;
  return !strict || bestScore >= STRICT_CONTEXT * (before.length + after.length) ? best : null;
}

/**
 * Enter before a passage, in its paragraph, rewrites the rest of the paragraph as new characters in
 * a new block: the old ones are deleted where the positions point (`at`). The quote found just
 * after a block separator following `at`, with only the end of its old context before it there.
 */
function splitOff(map: BodyMap, anchor: PassageAnchor, at: number): number | null {
  const found = map.text.indexOf(anchor.quote, at);
  if (found === -1) return null;
  const between = map.text.slice(at, found);
  return between.includes(BLOCK_SEPARATOR) && flat(anchor.before).endsWith(flat(between)) ? found : null;
}

/** Contexts shorter than this do not say where a changed passage is. */
const MIN_CONTEXT = 8;

/** The text between the anchor's two contexts, when each is long enough and the one before is found once. */
function between(map: BodyMap, anchor: PassageAnchor): [number, number] | null {
  if (anchor.before.length < MIN_CONTEXT || anchor.after.length < MIN_CONTEXT) return null;
  const starts = occurrencesOf(map.text, anchor.before);
  if (starts.length !== 1) return null;
  const from = starts[0]! + anchor.before.length;
  const to = map.text.indexOf(anchor.after, from);
  return to === -1 ? null : [from, to];
}

function range(map: BodyMap, from: number, to: number): AnchorRange {
  return { from, to, pos: { from: offsetToPos(map.runs, from, 'from'), to: offsetToPos(map.runs, to, 'to') } };
}

function rebasedAt(map: BodyMap, anchor: PassageAnchor, at: number, end: number): ResolvedAnchor {
  const words = narrowed(map, at, end);
  if (!words) return { status: 'gone', quote: anchor.quote, at: { text: at, pos: offsetToPos(map.runs, at, 'from') } };
  const [from, to] = words;
  const text = map.text.slice(from, to);
  const fresh = { ...anchorOn(map, from, to), quote: anchor.quote }; // a changed passage keeps its old words
  if (text === anchor.quote) return { status: 'current', ...range(map, from, to), text, rebased: true, anchor: fresh };
  return { status: 'changed', ...range(map, from, to), text, quote: anchor.quote, rebased: true, anchor: fresh };
}

function resolveOn(map: BodyMap, doc: Y.Doc, anchor: PassageAnchor, usePositions: boolean): ResolvedAnchor {
  const start = usePositions ? offsetOf(map, anchor.start, doc) : null;
  const end = usePositions ? offsetOf(map, anchor.end, doc) : null;
  if (start !== null && end !== null) {
    const [from, to] = [start, Math.max(start, end)];
    const text = map.text.slice(from, to);
    if (text === anchor.quote) return { status: 'current', ...range(map, from, to), text };
    const words = narrowed(map, from, to); // what is left, without a separator at either end
    // The quote between a separator and the positions: its first characters were rewritten into a new block.
    if (words && map.text.slice(words[0], words[1]) === anchor.quote) return rebasedAt(map, anchor, words[0], words[1]);
    // The words came back elsewhere as new characters (a restore, a paste, a join): there, if their surroundings agree.
    const again = refind(map, anchor, true);
    if (again !== null) return rebasedAt(map, anchor, again, again + anchor.quote.length);
    const split = words ? null : splitOff(map, anchor, from);
    if (split !== null) return rebasedAt(map, anchor, split, split + anchor.quote.length);
    if (!words) return { status: 'gone', quote: anchor.quote, at: { text: from, pos: offsetToPos(map.runs, from, 'from') } };
    return { status: 'changed', ...range(map, words[0], words[1]), text: map.text.slice(words[0], words[1]), quote: anchor.quote };
  }
  const again = refind(map, anchor, false);
  if (again !== null) return rebasedAt(map, anchor, again, again + anchor.quote.length);
  const found = between(map, anchor);
  const words = found && narrowed(map, found[0], found[1]);
  if (words) return rebasedAt(map, anchor, words[0], words[1]);
  return { status: 'gone', quote: anchor.quote, ...(found ? { at: { text: found[0], pos: offsetToPos(map.runs, found[0], 'from') } } : {}) };
}

/**
 * Where anchors point in `doc` now (one walk of the body for all of them):
 * - `current`: their positions still enclose the quote;
 * - `changed`: they enclose other words (some of the passage was deleted or written over, or
 *   words were typed inside it): both the `text` and the old `quote`;
 * - `gone`: every character of the passage was deleted and nothing typed in its place (`at`,
 *   when known, is where it was).
 * When the positions no longer enclose the quote but the quote stands elsewhere with the same
 * surroundings (most of its context), or when the positions do not resolve in this
 * document at all (an anchor of another document's state, a deleted paragraph), the passage is
 * found again by quote and context (the best-matching occurrence; failing that, a changed
 * passage between the two contexts) and comes back `rebased` with a fresh `anchor` to store.
 */
export function resolveAnchors(doc: Y.Doc, anchors: readonly PassageAnchor[]): ResolvedAnchor[] {
  const map = mapBody(doc);
  return anchors.map((a) => resolveOn(map, doc, a, true));
}

/** `resolveAnchors` for one anchor. */
export function resolveAnchor(doc: Y.Doc, anchor: PassageAnchor): ResolvedAnchor {
  return resolveAnchors(doc, [anchor])[0]!;
}

/**
 * An anchor made on another state of the page (a published or saved version, whose Yjs state is
 * rebuilt from its content, so its positions mean nothing here) carried onto `doc`: found by quote
 * and context alone, then re-anchored (`rebased`, with the `anchor` to store), or `gone`.
 */
export function rebaseAnchor(doc: Y.Doc, anchor: PassageAnchor): ResolvedAnchor {
  return resolveOn(mapBody(doc), doc, anchor, false);
}

/** A Y.Doc of a stored state, for the functions above. */
export function docOfState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
