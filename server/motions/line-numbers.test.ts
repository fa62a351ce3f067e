/**
 * Line numbers frozen per stage: the words each number was printed beside stay beside it while the
 * live text is edited before, inside and after the numbered lines (by the server or by two real
 * y-websocket clients), and a new stage renumbers.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { bodyPositions, docOfState } from '@/server/documents/anchors';
import { liveDocState } from '@/server/documents/live-state';
import { editorSchema, LINK_IN_TEXT, markdownToJSON, markdownToYState, replaceBodyIn, yStateToJSON } from '@/server/pages/body';
import { setMotionLineLength } from '@/server/settings/site-settings';
import { apiTokenFor, serverRoundTrip, startCollab, synced, twoMembersOfASection, until, type Harness } from '@/test/collab-harness';
import { expectAppError, makePage, makeUser, viewerOf } from '@/test/factories';
import { computeLines, currentLines, freezeLineMap, isLineMap, lineLength, lineRangeIn, lineRangeOf, type LineMap } from './line-numbers';

const MOTION = [
  '# Exposé des motifs',
  '',
  'Nous voulons des cantines bio dans chaque commune de la fédération. Les cantines bio coûtent moins cher que les repas industriels quand on achète local.',
  '',
  '## Dispositif',
  '',
  'Article 1 : la commune finance les repas des écoles.',
  '',
  'Article 2 : la section suit les achats et en rend compte chaque année au congrès.',
].join('\n');

const docOf = (md: string) => docOfState(markdownToYState(md));
const textOf = (doc: Y.Doc) => bodyPositions(doc).text;
/** The words printed beside each number now (the first `n` characters from where the line begins). */
const wordsBeside = (doc: Y.Doc, map: LineMap, n = 8) => {
  const text = textOf(doc);
  return currentLines(doc, map).map((l) => text.slice(l.offset, l.offset + n));
};
/** The XmlText holding `words`. */
function textHolding(doc: Y.Doc, words: string): Y.XmlText {
  const stack: unknown[] = [doc.getXmlFragment(BODY_FRAGMENT)];
  while (stack.length) {
    const node = stack.pop();
    if (node instanceof Y.XmlText && node.toString().includes(words)) return node;
    if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) stack.push(...node.toArray());
  }
  throw new Error(`no text holds ${words}`);
}
const insertAt = (doc: Y.Doc, words: string, at: number, inserted: string) => {
  const t = textHolding(doc, words);
  t.insert(t.toString().indexOf(words) + at, inserted);
};
const deleteIn = (doc: Y.Doc, words: string, at: number, length: number) => {
  const t = textHolding(doc, words);
  t.delete(t.toString().indexOf(words) + at, length);
};
/** As the editor would: the whole body turned into `md` by y-prosemirror's diff. */
const editLikeTheEditor = (doc: Y.Doc, md: string) => replaceBodyIn(doc, markdownToJSON(md));

describe('computeLines', () => {
  it('breaks each block at word boundaries into lines of at most the line length, each block on a new line', () => {
    const doc = docOf(MOTION);
    const text = textOf(doc);
    const lines = computeLines(doc, 40);
    for (const l of lines) {
      expect(l.text.length).toBeLessThanOrEqual(40);
      expect(text.slice(l.from, l.to)).toBe(l.text);
      expect(l.text).not.toMatch(/^\s|\s$|\n/);
      // a line ends at a word's end: the next character is a space, a block's end or the text's end
      expect(text[l.to] === undefined || /\s/.test(text[l.to]!)).toBe(true);
    }
    expect(lines.map((l) => l.text)).toEqual([
      'Exposé des motifs',
      'Nous voulons des cantines bio dans',
      'chaque commune de la fédération. Les',
      'cantines bio coûtent moins cher que les',
      'repas industriels quand on achète local.',
      'Dispositif',
      'Article 1 : la commune finance les repas',
      'des écoles.',
      'Article 2 : la section suit les achats',
      'et en rend compte chaque année au',
      'congrès.',
    ]);
    // every word of the text is on exactly one line
    expect(lines.map((l) => l.text).join(' ')).toBe(text.split(/\s+/).filter(Boolean).join(' '));
  });

  it('cuts a word longer than a line, and gives no number to empty paragraphs', () => {
    const long = 'x'.repeat(95);
    const doc = docOf(`Court.\n\n\n\n${long} fin`);
    // an empty paragraph between the two (the markdown keeps it as an empty block or drops it: either way no line)
    const lines = computeLines(doc, 40);
    expect(lines.map((l) => l.text)).toEqual(['Court.', 'x'.repeat(40), 'x'.repeat(40), 'x'.repeat(15) + ' fin']);
    const withEmpty = new Y.Doc();
    replaceBodyIn(withEmpty, {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Avant' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'Après' }] },
      ],
    });
    expect(textOf(withEmpty)).toBe('Avant\n\n\n\nAprès');
    expect(computeLines(withEmpty, 40).map((l) => l.text)).toEqual(['Avant', 'Après']);
  });
});

describe('frozen line numbers', () => {
  it('give each line its number at its first character, as a text offset and a ProseMirror position', () => {
    const doc = docOf(MOTION);
    const map = freezeLineMap(doc, 'filed', 40);
    expect(map).toMatchObject({ stage: 'filed', lineLength: 40 });
    expect(map.lines).toHaveLength(11);
    expect(isLineMap(JSON.parse(JSON.stringify(map)))).toBe(true);
    const lines = currentLines(doc, JSON.parse(JSON.stringify(map)) as LineMap);
    expect(lines.map((l) => l.offset)).toEqual(computeLines(doc, 40).map((l) => l.from));
    const node = editorSchema.nodeFromJSON(yStateToJSON(Y.encodeStateAsUpdate(doc)));
    const leaf = (n: { type: { name: string } }) => (n.type.name === 'wikiLink' ? LINK_IN_TEXT : ' ');
    for (const l of lines) {
      const cl = computeLines(doc, 40)[l.number - 1]!;
      expect(node.textBetween(l.pos, l.pos + cl.text.length, '\n\n', leaf)).toBe(cl.text);
    }
  });

  it('stay on the same words after insertions and deletions before, inside and after the numbered lines', () => {
    const doc = docOf(MOTION);
    const map = freezeLineMap(doc, 'filed', 40);
    const before = wordsBeside(doc, map);
    insertAt(doc, 'Exposé des motifs', 0, 'Préambule. '); // before line 1, in its block
    insertAt(doc, 'Nous voulons des cantines bio dans chaque', 'Nous voulons des '.length, 'belles et grandes '); // inside line 2
    deleteIn(doc, 'chaque commune de la fédération', 'chaque commune '.length, 'de la fédération'.length); // inside line 3
    insertAt(doc, 'Les cantines bio coûtent', 'Les '.length, 'nouvelles '); // at the end of line 3, pushing line 4 away
    insertAt(doc, 'au congrès.', 'au congrès.'.length, ' Et voilà, un ajout en fin de texte qui fait une ligne de plus.'); // after the last line
    const fragment = doc.getXmlFragment(BODY_FRAGMENT);
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, 'Un paragraphe ajouté tout en haut, avant toutes les lignes numérotées.');
    p.insert(0, [t]);
    fragment.insert(0, [p]);
    const after = wordsBeside(doc, map);
    expect(after[0]).toBe('Exposé d'); // line 1 is still « Exposé des motifs », not the preamble typed before it
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(currentLines(doc, map)).toHaveLength(11);
  });

  it('stay on their words when Enter splits a paragraph and Backspace joins two (y-prosemirror rewrites the words)', () => {
    const doc = docOf(MOTION);
    const map = freezeLineMap(doc, 'amendments', 40);
    const before = wordsBeside(doc, map);
    const split = MOTION.replace('fédération. Les cantines', 'fédération.\n\nLes cantines');
    editLikeTheEditor(doc, split);
    expect(textOf(doc)).toContain('fédération.\n\nLes cantines');
    expect(wordsBeside(doc, map)).toEqual(before);
    editLikeTheEditor(doc, split.replace('des écoles.\n\nArticle 2', 'des écoles. Article 2'));
    expect(textOf(doc)).toContain('des écoles. Article 2');
    expect(wordsBeside(doc, map)).toEqual(before);
  });

  it('keep the number of a line whose words are deleted, at the next surviving words, never out of order', () => {
    const doc = docOf(MOTION);
    const map = freezeLineMap(doc, 'filed', 40);
    deleteIn(doc, 'Nous voulons', 0, 'Nous voulons '.length); // line 2 loses its first words
    deleteIn(doc, 'cantines bio coûtent moins cher que les', 0, 'cantines bio coûtent moins cher que les '.length); // line 4 wholly
    const text = textOf(doc);
    const lines = currentLines(doc, map);
    expect(text.slice(lines[1]!.offset).startsWith('des cantines bio dans')).toBe(true);
    expect(lines[3]).toMatchObject({ number: 4, present: false });
    expect(lines[3]!.offset).toBe(lines[4]!.offset); // with line 5, where its words were
    expect(text.slice(lines[4]!.offset).startsWith('repas industriels')).toBe(true);
    for (let i = 1; i < lines.length; i++) {
      expect(lines[i]!.offset).toBeGreaterThanOrEqual(lines[i - 1]!.offset);
      expect(lines[i]!.pos).toBeGreaterThanOrEqual(lines[i - 1]!.pos);
    }
    // a whole paragraph deleted: its lines stay numbered, at the following text
    const fragment = doc.getXmlFragment(BODY_FRAGMENT);
    fragment.delete(fragment.length - 1, 1); // Article 2
    const end = currentLines(doc, map);
    expect(end.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const i of [8, 9, 10]) expect(end[i]).toMatchObject({ offset: textOf(doc).length, present: false });
  });

  it('cite a passage by the same lines whatever is edited elsewhere', () => {
    const doc = docOf(MOTION);
    const map = freezeLineMap(doc, 'amendments', 40);
    const rangeOf = (quote: string) => {
      const text = textOf(doc);
      const at = text.indexOf(quote);
      return lineRangeOf(doc, map, at, at + quote.length);
    };
    const passage = 'coûtent moins cher que les repas industriels';
    expect(rangeOf(passage)).toEqual({ lineFrom: 4, lineTo: 5 });
    expect(rangeOf('la section suit')).toEqual({ lineFrom: 9, lineTo: 9 });
    insertAt(doc, 'Nous voulons', 0, 'Vraiment, absolument et sans la moindre hésitation, ');
    deleteIn(doc, 'Article 1 : la commune', 0, 'Article 1 : '.length);
    editLikeTheEditor(doc, textToMd(doc).replace('des écoles.', 'des écoles.\n\nArticle 1 bis : un nouvel article inséré.'));
    expect(rangeOf(passage)).toEqual({ lineFrom: 4, lineTo: 5 });
    expect(rangeOf('la section suit')).toEqual({ lineFrom: 9, lineTo: 9 });
    // an insertion point (empty range) is on one line
    const text = textOf(doc);
    expect(lineRangeOf(doc, map, text.indexOf('la section'), text.indexOf('la section'))).toEqual({ lineFrom: 9, lineTo: 9 });
    // lines resolved once serve every range
    const lines = currentLines(doc, map);
    expect(lineRangeIn(lines, text.indexOf(passage), text.indexOf(passage) + passage.length)).toEqual({ lineFrom: 4, lineTo: 5 });
    expect(lineRangeIn([], 0, 3)).toEqual({ lineFrom: 0, lineTo: 0 });
  });

  it('are renumbered by a new freeze at the next stage', () => {
    const doc = docOf(MOTION);
    const filed = freezeLineMap(doc, 'filed', 40);
    editLikeTheEditor(doc, MOTION.replace('Article 1 : la commune finance les repas des écoles.', 'Article 1 : la commune finance les repas des écoles.\n\nArticle 1 bis : le département aide les petites communes.'));
    const amendments = freezeLineMap(doc, 'amendments', 40);
    expect(filed.lines).toHaveLength(11);
    expect(amendments.lines).toHaveLength(13);
    const text = textOf(doc);
    const at = text.indexOf('la section suit');
    expect(lineRangeOf(doc, filed, at, at + 5)).toEqual({ lineFrom: 9, lineTo: 9 });
    expect(lineRangeOf(doc, amendments, at, at + 5)).toEqual({ lineFrom: 11, lineTo: 11 });
    expect(wordsBeside(doc, amendments, 100)).toEqual(computeLines(doc, 40).map((l) => text.slice(l.from, l.from + 100)));
  });
});

/** The body back to markdown-ish text for the editor-like edits above (paragraphs and headings only). */
function textToMd(doc: Y.Doc): string {
  const json = yStateToJSON(Y.encodeStateAsUpdate(doc));
  return (json.content ?? [])
    .map((b) => {
      const t = (b.content ?? []).map((c) => c.text ?? '').join('');
      return b.type === 'heading' ? `${'#'.repeat(Number(b.attrs?.level ?? 1))} ${t}` : t;
    })
    .join('\n\n');
}

describe('the line length setting', () => {
  it('is 80 by default and set by a site admin only, from 40 to 200', () => {
    expect(lineLength()).toBe(80);
    const admin = viewerOf(makeUser({ siteRole: 'admin' }));
    expectAppError(() => setMotionLineLength(viewerOf(makeUser()), 60), 'forbidden');
    expectAppError(() => setMotionLineLength(admin, 39), 'invalid_input', 'motionLineLength');
    expectAppError(() => setMotionLineLength(admin, 201), 'invalid_input', 'motionLineLength');
    expectAppError(() => setMotionLineLength(admin, 60.5), 'invalid_input', 'motionLineLength');
    setMotionLineLength(admin, 60);
    expect(lineLength()).toBe(60);
    expect(freezeLineMap(docOf(MOTION), 'filed').lineLength).toBe(60);
    setMotionLineLength(admin, 80);
  });
});

describe('frozen line numbers with two real clients typing', () => {
  let h: Harness;
  const { tree, alice, bob } = twoMembersOfASection();
  beforeAll(async () => {
    h = await startCollab({ deriveDebounceMs: 50 });
  });
  afterAll(() => h.close());

  it('stay on their words in the server’s document and in both editors while both type, one splitting a paragraph', async () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    editLikeTheEditor(a.doc, MOTION);
    await until(() => textOf(b.doc) === textOf(a.doc), 'bob has the motion');
    await serverRoundTrip(a);
    const server = docOfState(liveDocState(page.id));
    expect(textOf(server)).toBe(textOf(a.doc));
    const map = JSON.parse(JSON.stringify(freezeLineMap(server, 'amendments', 40))) as LineMap;
    const before = wordsBeside(server, map);

    // at the same time: Alice types inside line 2 and before line 1; Bob splits the first paragraph and deletes in line 9
    insertAt(a.doc, 'Nous voulons', 'Nous voulons '.length, 'vraiment ');
    insertAt(a.doc, 'Exposé', 0, 'Grand ');
    editLikeTheEditor(b.doc, MOTION.replace('fédération. Les cantines', 'fédération.\n\nLes cantines'));
    deleteIn(b.doc, 'la section suit', 'la '.length, 'section '.length);
    await until(() => textOf(a.doc) === textOf(b.doc) && textOf(a.doc).includes('vraiment') && textOf(a.doc).includes('fédération.\n\nLes'), 'both see both edits');
    await Promise.all([serverRoundTrip(a), serverRoundTrip(b)]);
    const live = docOfState(liveDocState(page.id));
    expect(textOf(live)).toBe(textOf(a.doc));

    const expected = [...before];
    expected[0] = 'Exposé d';
    for (const doc of [live, a.doc, b.doc]) expect(wordsBeside(doc, map)).toEqual(expected);
    expect(textOf(live).slice(currentLines(live, map)[1]!.offset)).toMatch(/^Nous voulons vraiment des cantines/);
    const at = textOf(live).indexOf('la suit les achats');
    expect(lineRangeOf(live, map, at, at + 'la suit les achats'.length)).toEqual({ lineFrom: 9, lineTo: 9 });
  });
});
