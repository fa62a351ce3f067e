/**
 * The `[[` title search: accent-insensitive word prefixes, and never a page the viewer cannot
 * read (checked over the whole permission matrix).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPermissionWorld, makePage, makeTree, makeUser, addMembership, viewerOf, MATRIX_ROLES, type PermissionWorld, type UserRow, type Tree } from '@/test/factories';
import { expectedRead } from '@/test/permission-matrix';
import { deletePage, updatePage } from '@/server/pages/page-service';
import { searchTitles, titlePrefixQuery } from './search-titles';

let w: PermissionWorld;
let tree: Tree;
let author: UserRow;
beforeAll(() => {
  w = buildPermissionWorld();
  tree = makeTree('Recherche');
  author = makeUser({ name: 'Rédactrice' });
  addMembership(author, tree.section);
});

describe('searchTitles', () => {
  for (const role of MATRIX_ROLES) {
    it(`finds for ${role} exactly the matrix pages they may read`, () => {
      for (const p of w.pages) {
        const title = `${p.space}/${p.visibility}/${p.status}/${p.deleted}`;
        const found = searchTitles(w.viewers[role], title.replaceAll('/', ' '), 20).map((r) => r.title);
        expect(found.includes(title), `${role} ${title}`).toBe(expectedRead(role, p));
      }
    });
  }

  it('folds accents, matches word prefixes in any order, exact title first', () => {
    const v = viewerOf(author);
    const long = makePage(author, tree.section, { title: 'Élections municipales : notre programme' });
    const exact = makePage(author, tree.section, { title: 'Élections municipales' });
    makePage(author, tree.section, { title: 'Écologie urbaine' });
    expect(searchTitles(v, 'elections municipales').map((r) => r.id)).toEqual([exact.id, long.id]);
    expect(searchTitles(v, 'muni élec').map((r) => r.id)).toEqual([exact.id, long.id]);
    expect(searchTitles(v, 'ÉCOLO').map((r) => r.title)).toEqual(['Écologie urbaine']);
    expect(searchTitles(v, 'programme')[0]).toMatchObject({ id: long.id, spaceName: tree.section.name });
    expect(searchTitles(v, 'zzzz')).toEqual([]);
  });

  it('follows renames and deletions, and lists recent readable pages for an empty query', () => {
    const v = viewerOf(author);
    const page = makePage(author, tree.section, { title: 'Brouillon temporaire' });
    updatePage(v, page.id, { title: 'Charte des adhérents' });
    expect(searchTitles(v, 'brouillon')).toEqual([]);
    expect(searchTitles(v, 'adherents').map((r) => r.id)).toEqual([page.id]);
    expect(searchTitles(v, '', 1).map((r) => r.id)).toEqual([page.id]);
    deletePage(v, page.id);
    expect(searchTitles(v, 'adherents')).toEqual([]);
  });

  it('treats FTS syntax in the typed text as plain words', () => {
    expect(titlePrefixQuery('"a" OR b*) NEAR(')).toBe('title : ("a"* AND "OR"* AND "b"* AND "NEAR"*)');
    expect(titlePrefixQuery(' -*- ')).toBeNull();
    expect(() => searchTitles(viewerOf(author), 'a" OR "b) NOT (c')).not.toThrow();
  });
});
