// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { editorExtensions } from './extensions';
import { AmendmentSuggestions, SuggestionController, amendmentSuggestionsKey, placeSuggestions, plainTextOf, selectionQuote, type SuggestionInput } from './amendment-suggestions';

const HTML = '<h2>Exposé</h2><p>Le tram passe. Le bus passe toutes les heures.</p><p>Le bus est gratuit.</p>';
// Plain text: "Exposé\n\nLe tram passe. Le bus passe toutes les heures.\n\nLe bus est gratuit."
const TEXT = 'Exposé\n\nLe tram passe. Le bus passe toutes les heures.\n\nLe bus est gratuit.';

const at = (quote: string, n = 1) => {
  let i = -1;
  for (let k = 0; k < n; k++) i = TEXT.indexOf(quote, i + 1);
  return i;
};
const input = (id: string, number: number, op: SuggestionInput['op'], quote: string, replacement = '', n = 1): SuggestionInput => ({ id, number, op, from: at(quote, n), to: at(quote, n) + quote.length, text: quote, replacement });

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

async function editorWith(controller: SuggestionController): Promise<Editor> {
  editor = new Editor({ element: document.createElement('div'), extensions: [...editorExtensions(), AmendmentSuggestions.configure({ controller })], content: HTML });
  await new Promise((r) => setTimeout(r, 0)); // the controller attaches once the view is built
  return editor;
}

const struck = (e: Editor) => Array.from(e.view.dom.querySelectorAll('del.amend-del')).map((d) => d.textContent);
const inserted = (e: Editor) => Array.from(e.view.dom.querySelectorAll('ins.amend-ins .amend-ins-words')).map((d) => d.textContent);

describe('amendments drawn as suggestions', () => {
  it('reads the body as the server quotes it', async () => {
    const e = await editorWith(new SuggestionController());
    expect(plainTextOf(e.state.doc)).toBe(TEXT);
  });

  it('strikes the passage and shows the new words after it, numbered', async () => {
    const c = new SuggestionController();
    c.setItems([input('a1', 1, 'replace', 'toutes les heures', 'toutes les dix minutes'), input('a2', 2, 'delete', ' est gratuit'), input('a3', 3, 'insert_after', 'Le tram passe.', 'Il passe la nuit.')]);
    const e = await editorWith(c);
    expect(struck(e)).toEqual(['toutes les heures', ' est gratuit']);
    expect(inserted(e)).toEqual([' Il passe la nuit.', 'toutes les dix minutes']); // in the text's order
    expect(e.view.dom.querySelector('ins[data-amendment-id="a1"] .amend-mark')?.textContent).toBe('n° 1');
    // Decorations only: the document itself is untouched.
    expect(plainTextOf(e.state.doc)).toBe(TEXT);
  });

  it('keeps a suggestion on its words while text is typed before, inside and after it', async () => {
    const c = new SuggestionController();
    const e = await editorWith(c);
    c.setItems([input('a1', 1, 'replace', 'toutes les heures', 'la nuit')]);
    const { from, to } = placeSuggestions(e.state.doc, [input('a1', 1, 'replace', 'toutes les heures', 'la nuit')])[0]!;
    e.chain().insertContentAt(to, ' pleines').run(); // just after: stays outside
    e.chain().insertContentAt(from + 'toutes'.length, ' vraiment').run(); // inside: inside
    e.chain().insertContentAt(1, 'Vu. ').run(); // before, elsewhere
    expect(struck(e)).toEqual(['toutes vraiment les heures']);
    expect(e.getText()).toContain('toutes vraiment les heures pleines');
    // Its words deleted: the suggestion goes.
    const s = amendmentSuggestionsKey.getState(e.state)!.items[0]!;
    e.chain().deleteRange({ from: s.from, to: s.to }).run();
    expect(struck(e)).toEqual([]);
    expect(amendmentSuggestionsKey.getState(e.state)!.items).toEqual([]);
  });

  it('finds the words again when the server’s offsets are off, and leaves out words that are gone', async () => {
    const c = new SuggestionController();
    const e = await editorWith(c);
    const second = input('a1', 1, 'delete', 'Le bus', '', 2);
    c.setItems([{ ...second, from: second.from + 3, to: second.to + 3 }, { ...input('a2', 2, 'delete', 'tram'), text: 'métro' }]);
    const items = amendmentSuggestionsKey.getState(e.state)!.items;
    expect(items.map((i) => i.id)).toEqual(['a1']);
    expect(e.state.doc.textBetween(items[0]!.from, items[0]!.to)).toBe('Le bus');
    expect(plainTextOf(e.state.doc).lastIndexOf('Le bus')).toBe(second.from);
    expect(e.view.dom.querySelectorAll('p')[1]!.querySelector('del')?.textContent).toBe('Le bus');
  });

  it('marks the focused amendment and can hide every suggestion', async () => {
    const c = new SuggestionController();
    c.setItems([input('a1', 1, 'replace', 'toutes les heures', 'la nuit')]);
    const e = await editorWith(c);
    c.focus('a1');
    expect(e.view.dom.querySelector('del.is-focused')?.textContent).toBe('toutes les heures');
    expect(e.view.dom.querySelector('ins.is-focused')).not.toBeNull();
    c.setVisible(false);
    expect(struck(e)).toEqual([]);
    c.setVisible(true);
    expect(struck(e)).toEqual(['toutes les heures']);
  });

  it('gives the selection as a quote with its occurrence, trimmed of spaces, and tells the page', async () => {
    const c = new SuggestionController();
    const heard: unknown[] = [];
    c.listen({ onSelection: (q) => heard.push(q?.quote ?? null) });
    const e = await editorWith(c);
    const doc = e.state.doc;
    // The second « Le bus » (third paragraph), selected with the space after it.
    const pos = doc.content.size - 'Le bus est gratuit.'.length - 1;
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(doc, pos, pos + 'Le bus '.length)));
    expect(selectionQuote(e.state)).toEqual({ quote: 'Le bus', occurrence: 2, from: at('Le bus', 2), to: at('Le bus', 2) + 6 });
    expect(c.selection()?.quote).toBe('Le bus');
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(doc, 3)));
    expect(selectionQuote(e.state)).toBeNull();
    expect(heard).toEqual(['Le bus', null]);
  });
});
