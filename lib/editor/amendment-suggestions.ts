/**
 * Amendments drawn in the live text as suggestions (Google Docs' suggestion mode): the words an
 * amendment would remove are struck (`<del>`), the words it would add are shown underlined right
 * after the passage (`<ins>` widgets), each marked with its number. Nothing here touches the
 * document: these are decorations, for readers and writers alike.
 *
 * The page gives the amendments as the server placed them (plain-text offsets of the body and the
 * words there); they are put on this editor's document by those words (the server's offsets may
 * be a keystroke behind or ahead), then carried through every transaction by ProseMirror's
 * mapping, so they stay on their words while people type, until the next list from the server.
 *
 * The page drives the plugin through a `SuggestionController` (items, the focused amendment,
 * on/off) and hears back which suggestion the pointer or a click points at, and the reader's
 * selection as a quote of the plain text (what `proposeAmendment` takes).
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { BLOCK_SEPARATOR, offsetToPos, posToOffset, runsOfDoc } from './anchor-from-selection';
import { WIKI_LINK } from './wiki-link';

export type SuggestionOp = 'replace' | 'delete' | 'insert_after';

/** An amendment as the server placed it: its passage's plain-text offsets and words, and its change. */
export type SuggestionInput = { id: string; number: number; op: SuggestionOp; from: number; to: number; text: string; replacement: string };

/** An amendment on this editor's document (ProseMirror positions, mapped through each change). */
export type PlacedSuggestion = { id: string; number: number; op: SuggestionOp; from: number; to: number; replacement: string };

/** The reader's selection as the server reads a passage: its words and which occurrence of them. */
export type SelectionQuote = { quote: string; occurrence: number; from: number; to: number };

type PluginState = { items: PlacedSuggestion[]; focused: string | null; visible: boolean; decorations: DecorationSet };
type Meta = { items?: PlacedSuggestion[]; focused?: string | null; visible?: boolean };

export const amendmentSuggestionsKey = new PluginKey<PluginState>('amendmentSuggestions');

/** Every leaf is one character of the plain text, as server/documents/anchors reads a body. */
const leafText = (node: PMNode) => (node.type.name === WIKI_LINK ? '…' : ' ');

/** The body's plain text, as passage anchors quote it. */
export function plainTextOf(doc: PMNode): string {
  return doc.textBetween(0, doc.content.size, BLOCK_SEPARATOR, leafText);
}

/** Start offsets of every occurrence of `quote` in `text`, overlapping ones counted (as the server counts). */
function occurrencesOf(text: string, quote: string): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/**
 * Puts the server's amendments on `doc`: where the server said when the words are there, else on
 * the occurrence of the same words nearest to it; left out when the words are nowhere (the margin
 * still shows the amendment, « passage modifié »).
 */
export function placeSuggestions(doc: PMNode, inputs: readonly SuggestionInput[]): PlacedSuggestion[] {
  if (!inputs.length) return [];
  const text = plainTextOf(doc);
  const runs = runsOfDoc(doc);
  const placed: PlacedSuggestion[] = [];
  for (const s of inputs) {
    let from = s.from;
    if (!s.text || text.slice(s.from, s.to) !== s.text) {
      const found = occurrencesOf(text, s.text);
      if (!found.length) continue;
      from = found.reduce((best, at) => (Math.abs(at - s.from) < Math.abs(best - s.from) ? at : best), found[0]!);
    }
    const to = from + s.text.length;
    placed.push({ id: s.id, number: s.number, op: s.op, replacement: s.replacement, from: offsetToPos(runs, from, 'from'), to: offsetToPos(runs, to, 'to') });
  }
  return placed;
}

/**
 * The selection of `state` as a quote of the plain text, trimmed of the spaces a double click
 * takes along; null when it holds no words.
 */
export function selectionQuote(state: EditorState): SelectionQuote | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const doc = state.doc;
  const runs = runsOfDoc(doc);
  const text = plainTextOf(doc);
  let start = posToOffset(runs, from);
  let end = posToOffset(runs, to);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  const quote = text.slice(start, end);
  const occurrence = occurrencesOf(text, quote).indexOf(start) + 1;
  return { quote, occurrence: Math.max(1, occurrence), from: start, to: end };
}

/** Maps suggestions through a change: the passage's start stays after what is typed before it, its end before what is typed after it. */
function mapItems(items: PlacedSuggestion[], tr: Transaction): PlacedSuggestion[] {
  const out: PlacedSuggestion[] = [];
  for (const s of items) {
    const from = tr.mapping.mapResult(s.from, 1);
    const to = tr.mapping.mapResult(s.to, -1);
    // The passage's words are gone: nothing left to strike or to follow.
    if (to.pos <= from.pos) continue;
    out.push({ ...s, from: from.pos, to: to.pos });
  }
  return out;
}

export type SuggestionLabels = {
  /** « Amendement n° 3 : remplacer par » — read before the inserted words by screen readers. */
  insertion: (s: PlacedSuggestion) => string;
  /** The number's mark after the words (« n° 3 »). */
  mark: (s: PlacedSuggestion) => string;
  /** The tooltip of the struck words. */
  deletion: (s: PlacedSuggestion) => string;
};

function insertionWidget(s: PlacedSuggestion, focused: boolean, labels: SuggestionLabels): (view: EditorView) => HTMLElement {
  return () => {
    const ins = document.createElement('ins');
    ins.className = `amend-ins${focused ? ' is-focused' : ''}`;
    ins.dataset.amendmentId = s.id;
    ins.contentEditable = 'false';
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = `${labels.insertion(s)} `;
    const words = document.createElement('span');
    words.className = 'amend-ins-words';
    words.textContent = s.op === 'insert_after' ? ` ${s.replacement}` : s.replacement;
    const mark = document.createElement('sup');
    mark.className = 'amend-mark';
    mark.textContent = labels.mark(s);
    ins.append(hidden, words, mark);
    return ins;
  };
}

function decorationsOf(doc: PMNode, items: PlacedSuggestion[], focused: string | null, visible: boolean, labels: SuggestionLabels): DecorationSet {
  if (!visible || !items.length) return DecorationSet.empty;
  const decos: Decoration[] = [];
  for (const s of items) {
    const isFocused = s.id === focused;
    const cls = isFocused ? ' is-focused' : '';
    if (s.op === 'insert_after') {
      decos.push(Decoration.inline(s.from, s.to, { class: `amend-passage${cls}`, 'data-amendment-id': s.id }, { id: s.id }));
    } else {
      decos.push(Decoration.inline(s.from, s.to, { nodeName: 'del', class: `amend-del${cls}`, 'data-amendment-id': s.id, title: labels.deletion(s) }, { id: s.id }));
    }
    if (s.op !== 'delete' && s.replacement) {
      decos.push(Decoration.widget(s.to, insertionWidget(s, isFocused, labels), { side: 1, key: `${s.id}:${isFocused ? 1 : 0}:${s.replacement}`, ignoreSelection: true, id: s.id }));
    }
  }
  return DecorationSet.create(doc, decos);
}

/** What the page hears from the editor. */
export type SuggestionListener = {
  /** The pointer is over a suggestion (null: over none). */
  onHover?: (id: string | null) => void;
  /** A suggestion was clicked. */
  onActivate?: (id: string) => void;
  /** The selection changed (null: no words selected). */
  onSelection?: (quote: SelectionQuote | null) => void;
  /** The document changed (typed here or arrived from others): the server's list may be stale. */
  onDocChange?: () => void;
};

/**
 * The page's handle on the plugin: it may be given items before the editor exists (they are
 * drawn when it comes), and it outlives an editor recreated for a change of access.
 */
export class SuggestionController {
  private view: EditorView | null = null;
  private inputs: SuggestionInput[] = [];
  private focused: string | null = null;
  private visible = true;
  private listener: SuggestionListener = {};

  /** Hears the editor (one listener: the page's); returns how to stop. */
  listen(listener: SuggestionListener): () => void {
    this.listener = listener;
    return () => {
      if (this.listener === listener) this.listener = {};
    };
  }

  /** @internal */
  get heard(): SuggestionListener {
    return this.listener;
  }

  private placed = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;

  /** Draws these amendments (replacing the previous list). */
  setItems(inputs: SuggestionInput[]): void {
    this.inputs = inputs;
    if (this.view) this.place(this.view);
  }

  private place(view: EditorView): void {
    const items = placeSuggestions(view.state.doc, this.inputs);
    this.placed = items.length;
    this.dispatch({ items });
  }

  /**
   * @internal the document changed: amendments not found in it yet (the editor was still empty,
   * waiting for the live document) are looked for again once the change has settled.
   */
  docChanged(view: EditorView): void {
    if (this.placed >= this.inputs.length || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.view === view && !view.isDestroyed) this.place(view);
    }, 50);
  }

  /** Highlights one amendment's suggestion (null: none) and, when `scroll`, brings it into view. */
  focus(id: string | null, scroll = false): void {
    this.focused = id;
    if (!this.view) return;
    this.dispatch({ focused: id });
    if (id && scroll) this.view.dom.querySelector(`[data-amendment-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (this.view) this.dispatch({ visible });
  }

  /** How many times `quote` appears in the text now (overlapping ones counted, as the server counts). */
  occurrences(quote: string): number {
    return this.view ? occurrencesOf(plainTextOf(this.view.state.doc), quote).length : 0;
  }

  /** Whether the text is being written in here (clicking a suggestion then keeps the caret in it). */
  editable(): boolean {
    return this.view !== null && !this.view.isDestroyed && this.view.editable;
  }

  /** The current selection as a quote (for the « Proposer un amendement » button). */
  selection(): SelectionQuote | null {
    return this.view ? selectionQuote(this.view.state) : null;
  }

  /** @internal the plugin's view attaches and detaches itself. */
  attach(view: EditorView): void {
    this.view = view;
    this.dispatch({ focused: this.focused, visible: this.visible });
    this.place(view);
  }

  /** @internal */
  detach(view: EditorView): void {
    if (this.view === view) this.view = null;
  }

  private dispatch(meta: Meta): void {
    const view = this.view;
    if (!view || view.isDestroyed) return;
    view.dispatch(view.state.tr.setMeta(amendmentSuggestionsKey, meta).setMeta('addToHistory', false));
  }
}

export type AmendmentSuggestionsOptions = { controller: SuggestionController | null; labels: SuggestionLabels };

export const AmendmentSuggestions = Extension.create<AmendmentSuggestionsOptions>({
  name: 'amendmentSuggestions',

  addOptions() {
    return {
      controller: null,
      labels: { insertion: (s) => `Amendement n° ${s.number} :`, mark: (s) => `n° ${s.number}`, deletion: (s) => `Amendement n° ${s.number}` },
    };
  },

  addProseMirrorPlugins() {
    const { controller, labels } = this.options;
    if (!controller) return [];
    const idAt = (target: EventTarget | null) => (target instanceof Element ? (target.closest('[data-amendment-id]')?.getAttribute('data-amendment-id') ?? null) : null);
    let hovered: string | null = null;
    return [
      new Plugin<PluginState>({
        key: amendmentSuggestionsKey,
        state: {
          init: () => ({ items: [], focused: null, visible: true, decorations: DecorationSet.empty }),
          apply(tr, prev, _old, state) {
            const meta = tr.getMeta(amendmentSuggestionsKey) as Meta | undefined;
            if (!meta && !tr.docChanged) return prev;
            const items = meta?.items ?? (tr.docChanged ? mapItems(prev.items, tr) : prev.items);
            const focused = meta && 'focused' in meta ? (meta.focused ?? null) : prev.focused;
            const visible = meta?.visible ?? prev.visible;
            return { items, focused, visible, decorations: decorationsOf(state.doc, items, focused, visible, labels) };
          },
        },
        props: {
          decorations: (state) => amendmentSuggestionsKey.getState(state)?.decorations,
          handleDOMEvents: {
            mouseover: (_view, event) => {
              const id = idAt(event.target);
              if (id !== hovered) {
                hovered = id;
                controller.heard.onHover?.(id);
              }
              return false;
            },
            mouseleave: () => {
              if (hovered !== null) {
                hovered = null;
                controller.heard.onHover?.(null);
              }
              return false;
            },
            click: (_view, event) => {
              const id = idAt(event.target);
              if (id) controller.heard.onActivate?.(id);
              return false;
            },
          },
        },
        view: (view) => {
          // Not while the view is being built: the editor has no view to dispatch to yet.
          queueMicrotask(() => !view.isDestroyed && controller.attach(view));
          let last: string | null = null;
          return {
            update: (v, prevState) => {
              const docChanged = prevState.doc !== v.state.doc;
              if (docChanged) {
                controller.docChanged(v);
                controller.heard.onDocChange?.();
              }
              if (!docChanged && prevState.selection.eq(v.state.selection)) return;
              if (last === null && v.state.selection.empty) return;
              const quote = selectionQuote(v.state);
              const key = quote ? `${quote.from}:${quote.to}:${quote.quote.length}` : null;
              if (key === last) return;
              last = key;
              controller.heard.onSelection?.(quote);
            },
            destroy: () => controller.detach(view),
          };
        },
      }),
    ];
  },
});
