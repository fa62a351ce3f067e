import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyMarkdown, jsonToMarkdown, jsonToText, markdownToJSON, markdownToYState, renderBody, yStateToJSON } from './body';

const SAMPLE = [
  '# Programme',
  '',
  'Un paragraphe avec du **gras**, de l’*italique*, du `code` et un [lien](https://coopol.test/a).',
  '',
  '## Logement',
  '',
  '- premier point',
  '- second point',
  '',
  '1. un',
  '2. deux',
  '',
  '> une citation',
].join('\n');

describe('page body', () => {
  it('Markdown → Yjs state → Markdown is stable', () => {
    const state = markdownToYState(SAMPLE);
    const { markdown, json, text } = renderBody(state);
    // JSON through Yjs differs only in attribute spelling (empty attrs), so compare meaning.
    expect(jsonToText(markdownToJSON(markdown))).toBe(text);
    expect(jsonToMarkdown(json)).toBe(markdown);
    expect(renderBody(markdownToYState(markdown)).markdown).toBe(markdown);
    for (const piece of ['# Programme', '**gras**', '*italique*', '`code`', '[lien](https://coopol.test/a)', '## Logement', '- premier point', '1. un', '> une citation']) {
      expect(markdown).toContain(piece);
    }
    expect(text.startsWith('Programme\n\nUn paragraphe avec du gras')).toBe(true);
  });

  it('an empty body is one empty paragraph', () => {
    expect(markdownToJSON('  \n')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(jsonToText(markdownToJSON(''))).toBe('');
    expect(jsonToMarkdown(markdownToJSON(''))).toBe('');
  });

  it('append adds blocks after the current body; replace swaps it', () => {
    const base = applyMarkdown(null, 'Premier');
    expect(renderBody(applyMarkdown(base, 'Second', 'append')).markdown).toBe('Premier\n\nSecond');
    expect(renderBody(applyMarkdown(base, 'Autre')).markdown).toBe('Autre');
  });

  it('a replace is a Yjs change that merges with a concurrent edit instead of overwriting it', () => {
    const base = applyMarkdown(null, 'Alpha\n\nBeta');
    // Two writers start from the same state: one rewrites the first paragraph, the other appends.
    const a = applyMarkdown(base, 'Alpha modifié\n\nBeta');
    const b = applyMarkdown(base, 'Gamma', 'append');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    Y.applyUpdate(doc, a);
    Y.applyUpdate(doc, b);
    const merged = renderBody(Y.encodeStateAsUpdate(doc)).markdown;
    expect(merged).toContain('Alpha modifié');
    expect(merged).toContain('Gamma');
    expect(merged).toContain('Beta');
  });

  it('yStateToJSON reads a state made by another Yjs client', () => {
    const state = markdownToYState('Bonjour');
    expect(yStateToJSON(state)).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bonjour' }] }] });
  });
});
