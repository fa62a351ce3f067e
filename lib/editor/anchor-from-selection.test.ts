import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from './extensions';
import { BLOCK_SEPARATOR, offsetToPos, posToOffset, posToTextOffset, quoteInBlock, runsOfDoc, textBlocksOf, textOffsetToPos } from './anchor-from-selection';

const schema = getSchema(editorExtensions());
// <h1>Ab</h1><ul><li><p>cd</p></li></ul><p></p>   text: "Ab\n\ncd\n\n"
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Ab' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cd' }] }] }] },
    { type: 'paragraph' },
  ],
});

describe('text offsets and editor positions', () => {
  it('has one run per textblock, in the order and at the offsets of the plain text', () => {
    expect(doc.textBetween(0, doc.content.size, BLOCK_SEPARATOR, ' ')).toBe('Ab\n\ncd\n\n');
    expect(runsOfDoc(doc)).toEqual([
      { text: 0, pos: 1, length: 2 },
      { text: 4, pos: 7, length: 2 },
      { text: 8, pos: 13, length: 0 },
    ]);
  });

  it('sends an offset inside a separator to the next block for a start, to the previous one for an end', () => {
    const runs = runsOfDoc(doc);
    expect(offsetToPos(runs, 1, 'from')).toBe(2);
    expect(offsetToPos(runs, 3, 'from')).toBe(7);
    expect(offsetToPos(runs, 3, 'to')).toBe(3);
    expect(offsetToPos(runs, 6, 'to')).toBe(9);
    expect(offsetToPos(runs, 8, 'from')).toBe(13);
    expect(posToOffset(runs, 5)).toBe(4); // between the heading and the list item's paragraph
    expect(posToOffset(runs, 8)).toBe(5);
  });

  it('reads a document given as JSON the same as the node', () => {
    const json = doc.toJSON();
    for (let o = 0; o <= 8; o++) expect(textOffsetToPos(schema, json, o, 'to')).toBe(textOffsetToPos(schema, doc, o, 'to'));
    expect(posToTextOffset(schema, json, 8)).toBe(5);
  });
});

describe('a passage chosen by keyboard: a paragraph, then words of it', () => {
  const text = schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Les cantines bio partout.' }] },
      { type: 'paragraph' },
      { type: 'paragraph', content: [{ type: 'text', text: 'Des cantines bio, des cantines bio.' }] },
    ],
  });
  const runs = runsOfDoc(text);
  const plain = text.textBetween(0, text.content.size, BLOCK_SEPARATOR, ' ');

  it('lists the blocks that hold words, with their index among the runs', () => {
    expect(textBlocksOf(runs, plain)).toEqual([
      { index: 0, text: 'Les cantines bio partout.' },
      { index: 2, text: 'Des cantines bio, des cantines bio.' },
    ]);
  });

  it('finds the words in the chosen block as their occurrence in the whole text, and nowhere else', () => {
    expect(quoteInBlock(runs, plain, 0, ' cantines bio ')).toEqual({ quote: 'cantines bio', occurrence: 1, from: 4, to: 16 });
    // the same words in the third block: the second appearance in the text
    expect(quoteInBlock(runs, plain, 2, 'cantines bio')).toMatchObject({ occurrence: 2, from: plain.indexOf('Des') + 4 });
    expect(quoteInBlock(runs, plain, 2, 'partout')).toBeNull();
    expect(quoteInBlock(runs, plain, 0, '  ')).toBeNull();
    expect(quoteInBlock(runs, plain, 9, 'bio')).toBeNull();
  });
});
