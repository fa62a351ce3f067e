import { describe, expect, it } from 'vitest';
import { generateHTML } from '@tiptap/html';
import type { JSONContent } from '@tiptap/core';
import { editorExtensions } from '@/lib/editor/extensions';
import { editorSchema, jsonToHTML, markdownToJSON } from './body';

const MARKDOWN = [
  '# Programme <script>alert(1)</script>',
  '',
  'Du **gras, puis *gras italique*** et *italique* seul, du `code`, un [lien "cité"](https://coopol.test/a?x=1&y=2) & des <chevrons>.',
  '',
  '## Logement',
  '',
  '- premier point',
  '  - sous-point',
  '- second point',
  '',
  '1. un',
  '2. deux',
  '',
  '> une citation',
  '',
  '---',
  '',
  '| Mesure | Coût |',
  '| --- | --- |',
  '| Encadrement des loyers | 0 € |',
  '',
  '![Tract du 1er mai](/api/v1/images/abc "Tract")',
].join('\n');

describe('jsonToHTML', () => {
  it('renders what generateHTML renders, without a DOM', () => {
    const json = markdownToJSON(MARKDOWN);
    const wiki: JSONContent = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Voir ' },
        { type: 'wikiLink', attrs: { pageId: 'p1', label: 'Logement <digne>' } },
        { type: 'text', text: ' et ' },
        { type: 'wikiLink', attrs: { pageId: null, label: '' } },
        { type: 'hardBreak' },
        { type: 'text', text: 'fin', marks: [{ type: 'bold' }, { type: 'italic' }] },
      ],
    };
    const doc = { ...json, content: [...(json.content ?? []), wiki] };
    const ours = jsonToHTML(doc);
    // happy-dom rewrites style attributes through CSSOM (a trailing ';'); the rest is identical.
    expect(ours).toBe(generateHTML(doc, editorExtensions()).replace(/style="([^"]*);"/g, 'style="$1"'));
    expect(ours).toContain('<table');
    expect(ours).toContain('<hr>');
    expect(ours).toContain('&lt;script&gt;');
    expect(ours).toContain('href="https://coopol.test/a?x=1&amp;y=2"');
    expect(ours).toContain('Logement &lt;digne&gt;');
  });

  it('renders an empty document, and what the schema cannot hold as the nearest thing it holds', () => {
    expect(jsonToHTML({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('<p></p>');
    expect(jsonToHTML({ type: 'doc', content: [{ type: 'nope' }] })).toBe('<p></p>');
    expect(jsonToHTML({ type: 'doc', content: [{ type: 'nope', content: [{ type: 'text', text: 'gardé', marks: [{ type: 'blink' }] }] }] })).toBe('<p>gardé</p>');
    expect(editorSchema.nodes.paragraph).toBeDefined();
  });
});
