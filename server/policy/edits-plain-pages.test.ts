import { beforeAll, describe, expect, it } from 'vitest';
import { loadPage } from '@/server/pages/load-page';
import { canPage, editsPlainPagesOf } from '@/server/policy';
import { buildPermissionWorld, MATRIX_ROLES, type PermissionWorld } from '@/test/factories';

let w: PermissionWorld;
beforeAll(() => {
  w = buildPermissionWorld();
});

describe('editsPlainPagesOf (the tree skips loading refs with it)', () => {
  it('says true only where canPage allows edit on every readable, unarchived plain page of the space', () => {
    let checked = 0;
    for (const role of MATRIX_ROLES) {
      const v = w.viewers[role];
      for (const space of ['section', 'group'] as const) {
        const s = w.spaceOf[space];
        const says = editsPlainPagesOf(v, s);
        const plain = w.pages.filter((p) => p.space === space && p.deleted === 'alive' && p.status !== 'archived');
        const readable = plain.map((p) => loadPage(p.id).ref).filter((ref) => canPage(v, 'read', ref));
        if (says) {
          for (const ref of readable) expect(canPage(v, 'edit', ref), `${role} ${space} ${ref.id}`).toBe(true);
          checked += readable.length;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    // And it is not always true: a member of another section edits nothing of the section by it.
    expect(editsPlainPagesOf(w.viewers.memberOtherSection, w.spaceOf.section)).toBe(false);
    expect(editsPlainPagesOf(w.viewers.citizenWithStaleRoles, w.spaceOf.section)).toBe(false);
  });
});

describe("the tree's canMove", () => {
  it("equals the policy's edit for every node, every role (with a draft motion in the space)", async () => {
    const { listPageTree } = await import('@/server/pages/tree');
    const { makePage } = await import('@/test/factories');
    makePage(w.users.memberSameSection, w.spaceOf.section, { kind: 'motion', title: 'Motion brouillon' });
    type Node = { id: string; canMove: boolean; children: Node[] };
    const flat = (ns: Node[]): Node[] => ns.flatMap((n) => [n, ...flat(n.children)]);
    let moves = 0;
    for (const role of MATRIX_ROLES) {
      for (const space of ['section', 'group'] as const) {
        for (const n of flat(listPageTree(w.viewers[role], w.spaceOf[space].id))) {
          expect(n.canMove, `${role} ${space} ${n.id}`).toBe(canPage(w.viewers[role], 'edit', loadPage(n.id).ref));
          if (n.canMove) moves++;
        }
      }
    }
    expect(moves).toBeGreaterThan(10);
  });
});
