// @vitest-environment happy-dom
/**
 * The margin's line numbers in a real tiptap editor: drawn before the words the server numbered,
 * kept there through local typing (mapping), remote changes (y-tiptap rewrites the whole document:
 * found again from their Yjs positions) and a paragraph split typed here then a remote change.
 */
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { docOfState } from '@/server/documents/anchors';
import { groupLines } from '@/server/motions/line-numbers-view';
import { currentLines, freezeLineMap } from '@/server/motions/line-numbers';
import { markdownToYState, replaceBodyIn, markdownToJSON } from '@/server/pages/body';
import { BODY_FRAGMENT, editorExtensions } from './extensions';
import { LineNumbers, lineNumbersKey, type LineNumberInput } from './line-numbers';

const MOTION = [
  '## Exposé des motifs',
  '',
  'Nous voulons des cantines bio dans chaque commune de la fédération. Les cantines bio coûtent moins cher que les repas industriels quand on achète local.',
  '',
  'Article 1 : la commune finance les repas des écoles.',
].join('\n');
// At 40 characters: 1 « Exposé des motifs », 2 « Nous voulons des cantines bio dans », 3 « chaque commune de la fédération. Les »,
// 4 « cantines bio coûtent moins cher que les », 5 « repas industriels quand on achète local. », 6 « Article 1 : la commune finance les repas », 7 « des écoles. »
const FIRST_WORDS = ['Exposé d', 'Nous vou', 'chaque c', 'cantines', 'repas in', 'Article ', 'des écol'];

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

const tick = () => new Promise((r) => setTimeout(r, 0));

/** The words after each drawn number, from the editor's own document. */
function wordsAfterNumbers(e: Editor): string[] {
  const marks = lineNumbersKey.getState(e.state)!.marks;
  return marks.map((m) => e.state.doc.textBetween(m.pos, Math.min(e.state.doc.content.size, m.pos + 8), '\n'));
}
const drawn = (e: Editor) => Array.from(e.view.dom.querySelectorAll<HTMLElement>('span.line-number')).map((s) => s.dataset.line);

/** A live document and the lines the server would send for it. */
function serverSide(): { ydoc: Y.Doc; lines: LineNumberInput[] } {
  const ydoc = docOfState(markdownToYState(MOTION));
  const map = freezeLineMap(ydoc, 'filed', 40);
  return { ydoc, lines: groupLines(currentLines(ydoc, map)) };
}

/** Sends what `from` has and `to` lacks (a relay through the server). */
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

function placeText(e: Editor, words: string): number {
  let found = -1;
  e.state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(words)) found = pos + node.text!.indexOf(words);
    return true;
  });
  if (found < 0) throw new Error(`no ${words}`);
  return found;
}

describe('line numbers in the margin', () => {
  it('draws each number before its line’s first word, aria-hidden, and gives the text room only when there are numbers', async () => {
    const { ydoc, lines } = serverSide();
    editor = new Editor({ element: document.createElement('div'), extensions: [...editorExtensions(), Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }), LineNumbers.configure({ lines })] });
    await tick();
    expect(wordsAfterNumbers(editor)).toEqual(FIRST_WORDS);
    expect(drawn(editor)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    for (const s of editor.view.dom.querySelectorAll('span.line-number')) expect(s.getAttribute('aria-hidden')).toBe('true');
    expect(editor.view.dom.classList.contains('has-line-numbers')).toBe(true);
    editor.commands.setLineNumbers([]);
    expect(drawn(editor)).toEqual([]);
    expect(editor.view.dom.classList.contains('has-line-numbers')).toBe(false);
    editor.commands.setLineNumbers(lines);
    expect(wordsAfterNumbers(editor)).toEqual(FIRST_WORDS);
  });

  it('keeps them on their words while this editor types and another client’s changes arrive', async () => {
    const { ydoc, lines } = serverSide();
    const other = new Y.Doc();
    sync(ydoc, other);
    editor = new Editor({ element: document.createElement('div'), extensions: [...editorExtensions(), Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }), LineNumbers.configure({ lines })] });
    await tick();
    // here: words typed inside line 2 and before line 4
    editor.commands.insertContentAt(placeText(editor, 'des cantines bio dans'), 'belles ');
    editor.commands.insertContentAt(placeText(editor, 'Les cantines'), 'Et ');
    expect(wordsAfterNumbers(editor)).toEqual(FIRST_WORDS);
    sync(ydoc, other);
    // there: Enter before « Les cantines » (y-prosemirror rewrites the words after it), and words before line 6
    const there = MOTION.replace('des cantines', 'des belles cantines').replace('fédération. Les cantines', 'fédération. Et\n\nLes cantines').replace('Article 1', 'Premier Article 1');
    replaceBodyIn(other, markdownToJSON(there));
    sync(other, ydoc);
    expect(editor.getText()).toContain('Premier Article 1');
    const words = wordsAfterNumbers(editor);
    expect(words.slice(0, 5)).toEqual(FIRST_WORDS.slice(0, 5));
    expect(words[5]).toBe('Article ');
    expect(words[6]).toBe('des écol');
    expect(drawn(editor)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('follows a paragraph split typed here when another client’s change arrives next', async () => {
    const { ydoc, lines } = serverSide();
    const other = new Y.Doc();
    sync(ydoc, other);
    editor = new Editor({ element: document.createElement('div'), extensions: [...editorExtensions(), Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }), LineNumbers.configure({ lines })] });
    await tick();
    const at = placeText(editor, 'Les cantines');
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at)));
    editor.commands.splitBlock();
    expect(wordsAfterNumbers(editor)).toEqual(FIRST_WORDS);
    sync(ydoc, other);
    other.getXmlFragment(BODY_FRAGMENT).insert(0, [Object.assign(new Y.XmlElement('paragraph'), {})]);
    sync(other, ydoc);
    expect(wordsAfterNumbers(editor)).toEqual(FIRST_WORDS);
  });
});
