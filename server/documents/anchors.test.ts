import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { posToTextOffset, textOffsetToPos } from '@/lib/editor/anchor-from-selection';
import { editorSchema, jsonToYState, LINK_IN_TEXT, markdownToJSON, markdownToYState, renderBody, replaceBodyIn, yStateToJSON } from '@/server/pages/body';
import { anchorFromQuote, anchorFromRange, anchorFromSelection, bodyPositions, docOfState, rebaseAnchor, resolveAnchor, type PassageAnchor, type ResolvedAnchor } from './anchors';

const MOTION = [
  '# Exposé des motifs',
  '',
  'Nous voulons des cantines bio dans chaque commune. Les cantines bio coûtent moins cher.',
  '',
  '## Dispositif',
  '',
  '- Article 1 : la commune finance les repas.',
  '- Article 2 : la section suit les achats.',
].join('\n');

const docOf = (md: string) => docOfState(markdownToYState(md));
/** The XmlText of the `n`-th paragraph-like block holding `words`. */
function textHolding(doc: Y.Doc, words: string): Y.XmlText {
  const stack: unknown[] = [doc.getXmlFragment(BODY_FRAGMENT)];
  while (stack.length) {
    const node = stack.pop();
    if (node instanceof Y.XmlText && node.toString().includes(words)) return node;
    if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) stack.push(...node.toArray());
  }
  throw new Error(`no text holds ${words}`);
}
const insertAt = (doc: Y.Doc, words: string, offsetInWords: number, inserted: string) => {
  const t = textHolding(doc, words);
  t.insert(t.toString().indexOf(words) + offsetInWords, inserted);
};
const deleteIn = (doc: Y.Doc, words: string, offsetInWords: number, length: number) => {
  const t = textHolding(doc, words);
  t.delete(t.toString().indexOf(words) + offsetInWords, length);
};

/** What the editor would show between the resolved positions. */
function pmText(doc: Y.Doc, r: ResolvedAnchor): string {
  if (r.status === 'gone') throw new Error('gone');
  const node = editorSchema.nodeFromJSON(yStateToJSON(Y.encodeStateAsUpdate(doc)));
  return node.textBetween(r.pos.from, r.pos.to, '\n\n', (leaf) => (leaf.type.name === 'wikiLink' ? LINK_IN_TEXT : ' '));
}

describe('passage anchors', () => {
  it('anchors the n-th occurrence of a quote, and resolves it to its range as text offsets and editor positions', () => {
    const doc = docOf(MOTION);
    const { text } = bodyPositions(doc);
    const second = text.indexOf('cantines bio', text.indexOf('cantines bio') + 1);
    const anchor = anchorFromQuote(doc, { quote: 'cantines bio', occurrence: 2 });
    expect(anchor.quote).toBe('cantines bio');
    expect(anchor.before).toBe(text.slice(second - 32, second));
    expect(anchor.after).toBe(text.slice(second + 12, second + 44));
    const r = resolveAnchor(doc, anchor);
    expect(r).toMatchObject({ status: 'current', from: second, to: second + 12, text: 'cantines bio' });
    expect(pmText(doc, r)).toBe('cantines bio');
  });

  it('refuses a quote that is not in the text (naming quote) and an occurrence beyond the last (naming occurrence)', () => {
    const doc = docOf(MOTION);
    expect(() => anchorFromQuote(doc, { quote: 'cantines locales' })).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'quote' }));
    expect(() => anchorFromQuote(doc, { quote: 'cantines bio', occurrence: 3 })).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'occurrence' }));
    expect(() => anchorFromQuote(doc, { quote: '' })).toThrow(expect.objectContaining({ field: 'quote' }));
    expect(() => anchorFromRange(doc, 3, 3)).toThrow(expect.objectContaining({ field: 'quote' }));
  });

  it('keeps text typed just before and just after the passage outside it, and follows it when text moves before it', () => {
    const doc = docOf(MOTION);
    const anchor = anchorFromQuote(doc, { quote: 'cantines bio' });
    insertAt(doc, 'cantines bio dans', 0, 'belles ');
    insertAt(doc, 'cantines bio dans', 'cantines bio'.length, ' et locales');
    insertAt(doc, 'Nous voulons', 0, 'Oui. ');
    const r = resolveAnchor(doc, anchor);
    expect(r).toMatchObject({ status: 'current', text: 'cantines bio' });
    expect(bodyPositions(doc).text.slice((r as { from: number }).from - 7, (r as { to: number }).to + 11)).toBe('belles cantines bio et locales');
    expect(pmText(doc, r)).toBe('cantines bio');
  });

  it('is changed when words are typed or deleted inside the passage (both wordings shown), gone when all of it is deleted', () => {
    const doc = docOf(MOTION);
    const anchor = anchorFromQuote(doc, { quote: 'cantines bio dans chaque commune' });
    insertAt(doc, 'cantines bio dans', 'cantines bio'.length, ' et locales');
    deleteIn(doc, 'dans chaque commune', 'dans '.length, 'chaque '.length);
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'changed', text: 'cantines bio et locales dans commune', quote: 'cantines bio dans chaque commune' });
    deleteIn(doc, 'cantines bio et locales dans commune', 0, 'cantines bio et locales dans commune'.length);
    const r = resolveAnchor(doc, anchor);
    expect(r).toMatchObject({ status: 'gone', quote: 'cantines bio dans chaque commune' });
    const at = (r as { at: { text: number } }).at.text;
    expect(bodyPositions(doc).text.slice(at - 4, at + 1)).toBe('des .');
  });

  it('anchors a passage across blocks (a paragraph into a list item) and resolves it whole', () => {
    const doc = docOf(MOTION);
    const quote = 'Dispositif\n\nArticle 1 : la commune';
    const anchor = anchorFromQuote(doc, { quote });
    const r = resolveAnchor(doc, anchor);
    expect(r).toMatchObject({ status: 'current', text: quote });
    expect(pmText(doc, r)).toBe(quote);
    insertAt(doc, 'Article 1', 'Article'.length, ' premier');
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'changed', text: 'Dispositif\n\nArticle premier 1 : la commune' });
  });

  it('never begins or ends a passage between two blocks', () => {
    const doc = docOf(MOTION);
    const { text } = bodyPositions(doc);
    const end = text.indexOf('Dispositif');
    const anchor = anchorFromRange(doc, end - 2, end + 'Dispositif'.length + 1);
    expect(anchor.quote).toBe('Dispositif');
  });

  it('begins or ends a passage on a wiki link, and keeps text typed beside the link outside', () => {
    const doc = docOfState(jsonToYState({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'voir ' }, { type: 'wikiLink', attrs: { pageId: 'p1', label: 'Budget' } }, { type: 'text', text: ' puis la suite' }] }] }));
    const endsOnLink = anchorFromQuote(doc, { quote: `voir ${LINK_IN_TEXT}` });
    const startsOnLink = anchorFromQuote(doc, { quote: `${LINK_IN_TEXT} puis` });
    const paragraph = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    (paragraph.get(2) as Y.XmlText).insert(0, ' et');
    (paragraph.get(0) as Y.XmlText).insert(5, 'donc ');
    expect(bodyPositions(doc).text).toBe(`voir donc ${LINK_IN_TEXT} et puis la suite`);
    expect(resolveAnchor(doc, endsOnLink)).toMatchObject({ status: 'changed', text: `voir donc ${LINK_IN_TEXT}` });
    expect(resolveAnchor(doc, startsOnLink)).toMatchObject({ status: 'changed', text: `${LINK_IN_TEXT} et puis` });
    const onLink = anchorFromQuote(doc, { quote: LINK_IN_TEXT });
    (paragraph.get(2) as Y.XmlText).insert(0, '!');
    (paragraph.get(0) as Y.XmlText).insert(10, '(');
    const r = resolveAnchor(doc, onLink);
    expect(r).toMatchObject({ status: 'current', text: LINK_IN_TEXT });
    expect(pmText(doc, r)).toBe(LINK_IN_TEXT);
  });

  it('finds a passage by its words when its stored positions are unreadable', () => {
    const doc = docOf(MOTION);
    const anchor = { ...anchorFromQuote(doc, { quote: 'la section suit' }), start: 'pas une position', end: '' };
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'current', text: 'la section suit', rebased: true });
  });

  it('anchors an editor selection (ProseMirror positions) on the same words', () => {
    const doc = docOf(MOTION);
    const json = yStateToJSON(Y.encodeStateAsUpdate(doc));
    const { text } = bodyPositions(doc);
    const from = text.indexOf('Article 2');
    const pmFrom = textOffsetToPos(editorSchema, json, from, 'from');
    const pmTo = textOffsetToPos(editorSchema, json, from + 'Article 2'.length, 'to');
    expect(anchorFromSelection(doc, pmFrom, pmTo).quote).toBe('Article 2');
    expect(posToTextOffset(editorSchema, json, pmFrom)).toBe(from);
  });

  it('maps text offsets to the editor positions of the same document through links, breaks, images, lists and tables', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titre' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'voir ' }, { type: 'wikiLink', attrs: { pageId: 'p1', label: 'Une page' } }, { type: 'text', text: ' puis', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'suite' }] },
        { type: 'image', attrs: { src: '/images/a.png' } },
        { type: 'paragraph' },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'un point' }] }] }] },
        markdownToJSON('| a | b |\n|---|---|\n| c | d |').content![0]!,
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fin' }] }] },
      ],
    };
    const state = jsonToYState(json);
    const doc = docOfState(state);
    const node = editorSchema.nodeFromJSON(yStateToJSON(state));
    const { text, toPos } = bodyPositions(doc);
    expect(text).toBe(node.textBetween(0, node.content.size, '\n\n', (l) => (l.type.name === 'wikiLink' ? LINK_IN_TEXT : ' ')));
    expect(text.trim()).toBe(renderBody(state).text);
    expect(text).toContain(`voir ${LINK_IN_TEXT} puis suite`);
    for (let o = 0; o <= text.length; o++) {
      for (const side of ['from', 'to'] as const) {
        const pos = toPos(o, side);
        expect(textOffsetToPos(editorSchema, json, o, side)).toBe(pos);
        expect(textOffsetToPos(editorSchema, node, o, side)).toBe(pos);
        // Where the offset is on a character of a block, the position gives it back.
        if (text[o] !== '\n' || (o > 0 && text[o - 1] !== '\n')) expect(posToTextOffset(editorSchema, node, pos)).toBe(o);
      }
    }
    for (const quote of [`voir ${LINK_IN_TEXT} puis suite`, 'Titre\n\nvoir', 'point\n\na', 'd\n\nfin']) {
      const r = resolveAnchor(doc, anchorFromQuote(doc, { quote }));
      expect(r).toMatchObject({ status: 'current', text: quote });
      expect(node.textBetween((r as { pos: { from: number } }).pos.from, (r as { pos: { to: number } }).pos.to, '\n\n', (l) => (l.type.name === 'wikiLink' ? LINK_IN_TEXT : ' '))).toBe(quote);
    }
  });
});

describe('carrying anchors across publication and restore', () => {
  /** An anchor on a published version: its state rebuilt from the version's content. */
  const anchorOnVersion = (content: JSONContent, quote: string, occurrence = 1) => anchorFromQuote(docOfState(jsonToYState(content)), { quote, occurrence });

  it('maps an anchor made on a published version onto the live text where the words still are, and re-anchors it there', () => {
    const live = docOf(MOTION);
    const published = yStateToJSON(Y.encodeStateAsUpdate(live));
    insertAt(live, 'Nous voulons', 0, 'Depuis 2020, ');
    insertAt(live, 'Les cantines bio coûtent', 0, 'Et ');
    const anchor = anchorOnVersion(published, 'cantines bio', 2);
    // Its positions mean nothing here: resolving by them cannot find it.
    const r = rebaseAnchor(live, anchor);
    expect(r).toMatchObject({ status: 'current', text: 'cantines bio', rebased: true });
    const { text } = bodyPositions(live);
    expect((r as { from: number }).from).toBe(text.lastIndexOf('cantines bio'));
    // The fresh anchor follows the live text from now on.
    const fresh = (r as { anchor: PassageAnchor }).anchor;
    insertAt(live, 'coûtent moins', 'coûtent'.length, ' beaucoup');
    insertAt(live, 'Les cantines bio', 'Les '.length, 'vraies ');
    expect(resolveAnchor(live, fresh)).toMatchObject({ status: 'current', text: 'cantines bio' });
    expect('rebased' in resolveAnchor(live, fresh)).toBe(false);
  });

  it('finds a changed passage between its two contexts, and says gone when the version\'s words are not in the live text', () => {
    const live = docOf(MOTION);
    const published = yStateToJSON(Y.encodeStateAsUpdate(live));
    const anchor = anchorOnVersion(published, 'la commune finance');
    deleteIn(live, 'la commune finance', 'la commune '.length, 'finance'.length);
    insertAt(live, 'la commune  les repas', 'la commune '.length, 'paie');
    expect(rebaseAnchor(live, anchor)).toMatchObject({ status: 'changed', text: 'la commune paie', quote: 'la commune finance', rebased: true });
    const gone = anchorOnVersion(published, 'Les cantines bio coûtent moins cher.');
    deleteIn(live, 'Les cantines bio coûtent moins cher.', 0, 'Les cantines bio coûtent moins cher.'.length);
    insertAt(live, 'dans chaque commune. ', 0, 'Tout à fait autre chose. Vraiment.');
    expect(rebaseAnchor(live, gone)).toMatchObject({ status: 'gone', quote: 'Les cantines bio coûtent moins cher.' });
  });

  it('finds the words again after a restore brought them back as new characters', () => {
    const live = docOf(MOTION);
    const version = yStateToJSON(Y.encodeStateAsUpdate(live));
    const anchor = anchorFromQuote(live, { quote: 'la section suit les achats' });
    replaceBodyIn(live, markdownToJSON(MOTION.replace('- Article 2 : la section suit les achats.', '- Article 2 : supprimé.')));
    expect(resolveAnchor(live, anchor)).toMatchObject({ status: 'gone' });
    replaceBodyIn(live, version); // the restore
    const r = resolveAnchor(live, anchor);
    expect(r).toMatchObject({ status: 'current', text: 'la section suit les achats', rebased: true });
    expect(resolveAnchor(live, (r as { anchor: PassageAnchor }).anchor)).toMatchObject({ status: 'current', text: 'la section suit les achats' });
  });

  it('finds the words again when their paragraph was rebuilt (a restore writing the whole body anew)', () => {
    const live = docOf(MOTION);
    const anchor = anchorFromQuote(live, { quote: 'coûtent moins cher' });
    const content = yStateToJSON(Y.encodeStateAsUpdate(live));
    const fragment = live.getXmlFragment(BODY_FRAGMENT);
    live.transact(() => fragment.delete(0, fragment.length));
    replaceBodyIn(live, content);
    expect(resolveAnchor(live, anchor)).toMatchObject({ status: 'current', text: 'coûtent moins cher', rebased: true });
  });

  it('follows the words when Enter splits their paragraph before them, or Backspace joins it to the one above (y-prosemirror rewrites them)', () => {
    const live = docOf(MOTION);
    const anchor = anchorFromQuote(live, { quote: 'coûtent moins cher' });
    replaceBodyIn(live, markdownToJSON(MOTION.replace('commune. Les cantines', 'commune.\n\nLes cantines')));
    const split = resolveAnchor(live, anchor);
    expect(split).toMatchObject({ status: 'current', text: 'coûtent moins cher' });
    const article = anchorFromQuote(live, { quote: 'la section suit' });
    replaceBodyIn(live, markdownToJSON(MOTION.replace('commune. Les cantines', 'commune.\n\nLes cantines').replace('Exposé des motifs\n\nNous', 'Exposé des motifs Nous')));
    expect(resolveAnchor(live, anchor)).toMatchObject({ status: 'current', text: 'coûtent moins cher' });
    expect(resolveAnchor(live, article)).toMatchObject({ status: 'current', text: 'la section suit' });
    const { text } = bodyPositions(live);
    expect(text.startsWith('Exposé des motifs Nous voulons')).toBe(true);
  });

  it('does not jump to another occurrence of the words whose surroundings differ', () => {
    const live = docOf(MOTION);
    const anchor = anchorFromQuote(live, { quote: 'cantines bio', occurrence: 1 });
    deleteIn(live, 'des cantines bio dans', 'des '.length, 'cantines'.length);
    insertAt(live, 'des  bio dans', 'des '.length, 'repas');
    expect(resolveAnchor(live, anchor)).toMatchObject({ status: 'changed', text: 'repas bio', quote: 'cantines bio' });
  });
});
