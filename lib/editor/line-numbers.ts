/**
 * Line numbers in the left margin of a deciding text (issue 11): a small number at the start of
 * each line the server numbered for the current stage, drawn as a widget decoration. Nothing here
 * touches the document; the numbers are `aria-hidden` and drawn by CSS from `data-line` (so they are
 * neither read out on every line nor copied with the text).
 *
 * The page gives each line's start as the server resolved it: a Yjs relative position (base64) on
 * the line's first character, and the ProseMirror position it had in the server's render. With the
 * Collaboration extension, the numbers follow their characters: y-tiptap rewrites the whole
 * document on every remote change (a ProseMirror mapping would throw them to the end), so after
 * such a change each number is found again from its relative position in the Y.Doc; a local change
 * maps them with the transaction's mapping (exact, even for a paragraph split), and their relative
 * positions are then taken afresh on the characters they now stand before. Without Collaboration
 * (a fixed text) the server's positions are used and mapped.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { fromBase64 } from 'lib0/buffer';
import { BLOCK_SEPARATOR, offsetToPos, posToOffset, runsOfDoc, type TextRun } from './anchor-from-selection';
import { WIKI_LINK } from './wiki-link';

/** One numbered place of the text: its label (« 12 », or « 12–13 » when lines share it) and its start. */
export type LineNumberInput = {
  label: string;
  /** `Y.encodeRelativePosition` of the line's first character now, base64; null if none (its words are gone). */
  start: string | null;
  /** Its ProseMirror position in the document the server rendered. */
  pos: number;
  /** Its first words when numbered: where another client's edit rewrote them, they are found again by these. */
  words?: string;
};

type Mark = { label: string; pos: number; rel: Y.RelativePosition | null; words: string };
type PluginState = { marks: Mark[]; decorations: DecorationSet };

export const lineNumbersKey = new PluginKey<PluginState>('lineNumbers');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    lineNumbers: {
      /** New numbers from the server (a new render, a new stage); an empty list hides them. */
      setLineNumbers: (lines: LineNumberInput[]) => ReturnType;
    };
  }
}

type Binding = { doc: Y.Doc; type: Y.XmlFragment; mapping: Map<unknown, unknown> };
const bindingOf = (state: EditorState): Binding | null => (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding ?? null;

function decodeRel(start: string | null): Y.RelativePosition | null {
  if (!start) return null;
  try {
    return Y.decodeRelativePosition(fromBase64(start));
  } catch {
    return null;
  }
}

/** The first position inside a textblock at or after `pos` (a number is drawn in the text, not between blocks). */
function inTextblock(doc: PMNode, pos: number): number {
  const size = doc.content.size;
  let p = Math.max(0, Math.min(pos, size));
  const $p = doc.resolve(p);
  if ($p.parent.inlineContent) return p;
  let found = -1;
  doc.nodesBetween(p, size, (node, at) => {
    if (found >= 0) return false;
    if (node.isTextblock) {
      found = at + 1;
      return false;
    }
    return true;
  });
  if (found >= 0) p = found;
  return p;
}

/** Never out of order, never outside the document. */
function ordered(marks: Mark[], doc: PMNode): Mark[] {
  let last = 0;
  return marks.map((m) => {
    const pos = Math.max(last, inTextblock(doc, m.pos));
    last = pos;
    return { ...m, pos };
  });
}

/**
 * The position of a character of a textblock, walked by hand: y-tiptap refuses to resolve a
 * character position to 1 or less (it takes it for a drag-and-drop misresolution), which is where
 * the first line of a text begins.
 */
function textPosByHand(rel: Y.RelativePosition, state: EditorState, binding: Binding): number | null {
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, binding.doc);
  if (!abs || !(abs.type instanceof Y.XmlText)) return null;
  const parent = abs.type._item?.parent as Y.XmlElement | undefined;
  const node = parent && binding.mapping.get(parent);
  if (!node) return null;
  let start = -1;
  state.doc.descendants((n, pos) => {
    if (start >= 0) return false;
    if (n === node) start = pos + 1;
    return start < 0;
  });
  if (start < 0) return null;
  let offset = 0;
  for (const child of parent.toArray()) {
    if (child === abs.type) return start + offset + abs.index;
    if (child instanceof Y.XmlText) offset += child.length;
    else offset += (binding.mapping.get(child) as PMNode | undefined)?.nodeSize ?? 0;
  }
  return null;
}

const leafText = (node: PMNode) => (node.type.name === WIKI_LINK ? '…' : ' ');

/**
 * Marks whose relative position no longer stands before their words (another client's Enter or
 * Backspace made y-prosemirror rewrite them as new characters): put on the occurrence of their
 * words nearest to where the position fell, if the words are still there.
 */
function refindRewritten(marks: Mark[], doc: PMNode): void {
  let text: string | null = null;
  let runs: TextRun[] = [];
  for (const m of marks) {
    if (!m.words) continue;
    const size = doc.content.size;
    if (m.pos >= 0 && m.pos <= size && doc.textBetween(m.pos, Math.min(size, m.pos + m.words.length), BLOCK_SEPARATOR, leafText) === m.words) continue;
    if (text === null) {
      text = doc.textBetween(0, size, BLOCK_SEPARATOR, leafText);
      runs = runsOfDoc(doc);
    }
    const near = m.pos >= 0 ? posToOffset(runs, m.pos) : 0;
    let best = -1;
    for (let i = text.indexOf(m.words); i !== -1; i = text.indexOf(m.words, i + 1)) if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
    if (best >= 0) m.pos = offsetToPos(runs, best, 'from');
  }
}

/** Each mark's place found again from its relative position in the Y.Doc (after a remote change). */
function resolveMarks(marks: Mark[], state: EditorState, binding: Binding): Mark[] {
  const resolved = marks.map((m) => {
    const pos = m.rel ? (relativePositionToAbsolutePosition(binding.doc, binding.type, m.rel, binding.mapping as never) ?? textPosByHand(m.rel, state, binding)) : null;
    return { ...m, pos: pos ?? -1 };
  });
  refindRewritten(resolved, state.doc);
  // A line whose place is not known: with the next one known (where the server would put it).
  let next = state.doc.content.size;
  for (let i = resolved.length - 1; i >= 0; i--) {
    if (resolved[i]!.pos < 0) resolved[i]!.pos = next;
    else next = resolved[i]!.pos;
  }
  return ordered(resolved, state.doc);
}

/** A relative position on the character at `pos`, staying with it when text is typed before it. */
function relAt(pos: number, binding: Binding): Y.RelativePosition | null {
  try {
    const left = absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never);
    const abs = Y.createAbsolutePositionFromRelativePosition(left, binding.doc);
    if (!abs) return null;
    return Y.createRelativePositionFromTypeIndex(abs.type, abs.index, 0);
  } catch {
    return null;
  }
}

function decorate(marks: Mark[], doc: PMNode): DecorationSet {
  if (!marks.length) return DecorationSet.empty;
  const decos: Decoration[] = [];
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i]!;
    // Lines sharing a place (their words gone) are shown once, as « 12–13 ».
    if (i > 0 && marks[i - 1]!.pos === m.pos) continue;
    let j = i;
    while (j + 1 < marks.length && marks[j + 1]!.pos === m.pos) j++;
    const label = j > i ? `${firstOf(m.label)}–${lastOf(marks[j]!.label)}` : m.label;
    decos.push(
      Decoration.widget(
        m.pos,
        () => {
          const el = document.createElement('span');
          el.className = 'line-number';
          el.setAttribute('aria-hidden', 'true');
          el.setAttribute('contenteditable', 'false');
          el.dataset.line = label;
          return el;
        },
        { side: -1, key: `line-${label}`, ignoreSelection: true },
      ),
    );
  }
  return DecorationSet.create(doc, decos);
}
const firstOf = (label: string) => label.split('–')[0]!;
const lastOf = (label: string) => label.split('–').pop()!;

function fromInputs(lines: readonly LineNumberInput[], state: EditorState): Mark[] {
  const marks = lines.map((l) => ({ label: l.label, pos: l.pos, rel: decodeRel(l.start), words: l.words ?? '' }));
  const binding = bindingOf(state);
  // With a live document, the relative positions say where the lines are in it now.
  if (binding && binding.type.length > 0) return resolveMarks(marks, state, binding);
  return ordered(marks, state.doc);
}

function apply(tr: Transaction, value: PluginState, _old: EditorState, state: EditorState): PluginState {
  const given = tr.getMeta(lineNumbersKey) as LineNumberInput[] | undefined;
  let marks = value.marks;
  if (given) marks = fromInputs(given, state);
  else if (tr.getMeta(ySyncPluginKey) && tr.docChanged) {
    const binding = bindingOf(state);
    marks = binding ? resolveMarks(marks, state, binding) : marks;
  } else if (tr.docChanged) {
    marks = ordered(
      marks.map((m) => ({ ...m, pos: tr.mapping.map(m.pos, 1) })),
      state.doc,
    );
  } else return value;
  return { marks, decorations: decorate(marks, state.doc) };
}

export type LineNumbersOptions = { lines: LineNumberInput[] };

/**
 * Line numbers in the margin. Give the server's lines as `lines`; later ones through the
 * `setLineNumbers` command. The editor's element gets the class `has-line-numbers` while any
 * number is shown (the text then makes room for them on the left).
 */
export const LineNumbers = Extension.create<LineNumbersOptions>({
  name: 'lineNumbers',

  addOptions() {
    return { lines: [] };
  },

  addCommands() {
    return {
      setLineNumbers:
        (lines) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(lineNumbersKey, lines).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const initial = this.options.lines;
    return [
      new Plugin<PluginState>({
        key: lineNumbersKey,
        state: {
          init: (_, state) => {
            const marks = fromInputs(initial, state);
            return { marks, decorations: decorate(marks, state.doc) };
          },
          apply,
        },
        props: {
          decorations: (state) => lineNumbersKey.getState(state)?.decorations,
          attributes: (state): Record<string, string> => (lineNumbersKey.getState(state)?.marks.length ? { class: 'has-line-numbers' } : {}),
        },
        view: () => ({
          // After a local change (y-tiptap has written it into the Y.Doc by now, its view being
          // updated first): the relative positions are taken again on the characters the numbers
          // stand before, so a remote change next finds them even where Yjs rewrote characters.
          update: (view, prev) => {
            if (view.state.doc.eq(prev.doc)) return;
            const binding = bindingOf(view.state);
            const st = lineNumbersKey.getState(view.state);
            if (!binding || !st) return;
            for (const m of st.marks) m.rel = relAt(m.pos, binding) ?? m.rel;
          },
        }),
      }),
    ];
  },
});
