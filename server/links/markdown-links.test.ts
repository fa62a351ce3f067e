import { describe, expect, it } from 'vitest';
import { addMembership, makeTree, makeUser, viewerOf } from '@/test/factories';
import { createPage, getPage, updatePage } from '@/server/pages/page-service';
import { pageRevision } from '@/server/pages/based-write';
import { AppError } from '@/lib/errors';
import { listBacklinks } from './backlinks';
import { markdownWithWikiLinks } from './markdown-with-wiki-links';

const tree = makeTree('Markdown');
const writer = makeUser({ name: 'Rédactrice' });
addMembership(writer, tree.section);
const v = viewerOf(writer);

type Node = { type?: string; attrs?: Record<string, unknown>; content?: Node[] };
const wikiTargets = (n: Node): unknown[] => [...(n.type === 'wikiLink' ? [n.attrs?.pageId] : []), ...(n.content ?? []).flatMap(wikiTargets)];

describe('Markdown written in a form or through the API', () => {
  it('makes [[Titre]] a wiki link on a new page and on an edit, like the editor and PUT content', () => {
    const target = createPage(v, { spaceId: tree.section.id, title: 'Plan climat', visibility: 'space', status: 'published' });
    const source = createPage(v, { spaceId: tree.section.id, title: 'Compte rendu', visibility: 'space', status: 'published', markdown: 'Voir [[plan CLIMAT]] pour la suite.' });
    expect(wikiTargets(getPage(v, source.id).body.json as Node)).toEqual([target.id]);
    expect(listBacklinks(v, target.id).data.map((b) => b.id)).toEqual([source.id]);
    // An edit through the plain form: a title that matches no page makes a stub, as in the editor.
    updatePage(v, source.id, { markdown: 'Voir [[Plan climat]] et [[Budget vert]].', baseRevision: pageRevision(source.id) });
    const [first, second] = wikiTargets(getPage(v, source.id).body.json as Node);
    expect(first).toBe(target.id);
    expect(getPage(v, second as string).title).toBe('Budget vert');
  });

  it('the same text saved again is not an edit: no author, no date moves', () => {
    const other = makeUser({ name: 'Relectrice' });
    addMembership(other, tree.section);
    const page = createPage(v, { spaceId: tree.section.id, title: 'Tract', visibility: 'space', status: 'published', markdown: 'Un texte **fini**.' });
    const before = getPage(v, page.id);
    updatePage(viewerOf(other), page.id, { markdown: 'Un texte **fini**.', baseRevision: pageRevision(page.id) });
    const after = getPage(v, page.id);
    expect(after.contentUpdatedAt).toEqual(before.contentUpdatedAt);
    expect(after.authors.map((a) => a.id)).toEqual([writer.id]);
    expect(after.publication?.changedSince).toBe(false);
  });

  it('reading makes no page itself: a missing title goes to the stub maker it is given, once per title', () => {
    const known = createPage(v, { spaceId: tree.section.id, title: 'Charte', visibility: 'space', status: 'published' });
    const asked: string[] = [];
    const json = markdownWithWikiLinks(v!, tree.section.id, '[[Charte]], [[Statuts]] et encore [[statuts]].', (title) => {
      asked.push(title);
      return { id: 'stub-statuts' };
    });
    expect(asked).toEqual(['Statuts']);
    expect(wikiTargets(json as Node)).toEqual([known.id, 'stub-statuts', 'stub-statuts']);
  });

  it('a stub maker that refuses leaves the words as typed', () => {
    const json = markdownWithWikiLinks(v!, tree.section.id, 'Voir [[Règlement intérieur]].', () => {
      throw new AppError('forbidden');
    });
    expect(wikiTargets(json as Node)).toEqual([]);
    expect(JSON.stringify(json)).toContain('[[Règlement intérieur]]');
  });
});
