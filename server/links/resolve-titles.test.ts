/**
 * A wiki link shows its target's title only to those who may read the target: over the whole
 * permission matrix, `resolveLinkTitles` answers the title exactly when the policy allows reading,
 * and `null` otherwise (unreadable, deleted or unknown look the same).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { updatePage } from '@/server/pages/page-service';
import { buildPermissionWorld, makePage, makeTree, makeUser, addMembership, viewerOf, MATRIX_ROLES, type PermissionWorld } from '@/test/factories';
import { expectedRead } from '@/test/permission-matrix';
import { MAX_RESOLVE_IDS, resolveLinkTitles } from './resolve-titles';

let w: PermissionWorld;
beforeAll(() => {
  w = buildPermissionWorld();
});

describe('resolveLinkTitles', () => {
  for (const role of MATRIX_ROLES) {
    it(`gives ${role} the titles of exactly the pages they may read`, () => {
      const ids = w.pages.map((p) => p.id);
      const titles = resolveLinkTitles(w.viewers[role], ids);
      expect(Object.keys(titles).sort()).toEqual([...ids].sort());
      for (const p of w.pages) {
        const expected = expectedRead(role, p) ? `${p.space}/${p.visibility}/${p.status}/${p.deleted}` : null;
        expect(titles[p.id], `${role} → ${expected ?? p.id}`).toBe(expected);
      }
    });
  }

  it('answers null for an unknown id, and shows the current title after a rename', () => {
    const tree = makeTree();
    const author = makeUser();
    addMembership(author, tree.section);
    const page = makePage(author, tree.section, { title: 'Ancien titre' });
    updatePage(viewerOf(author), page.id, { title: 'Nouveau titre' });
    expect(resolveLinkTitles(viewerOf(author), [page.id, 'nope', page.id])).toEqual({ [page.id]: 'Nouveau titre', nope: null });
  });

  it('resolves nothing for an empty list and caps the batch size', () => {
    expect(resolveLinkTitles(null, [])).toEqual({});
    const many = Array.from({ length: MAX_RESOLVE_IDS + 10 }, (_, i) => `id-${i}`);
    expect(Object.keys(resolveLinkTitles(null, many))).toHaveLength(MAX_RESOLVE_IDS);
  });
});
