/**
 * `readableWhere(viewer)` is the SQL twin of `can(viewer, 'read', page)`: over the whole
 * matrix, the pages a query returns are exactly the pages the policy (and the hand-written
 * table) lets the viewer read.
 */
import { and, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pages } from '@/db/schema';
import { loadPage } from '@/server/pages/load-page';
import { listPages } from '@/server/pages/page-service';
import { buildPermissionWorld, MATRIX_ROLES, type PermissionWorld } from '@/test/factories';
import { expectedRead } from '@/test/permission-matrix';
import { canPage, readableWhere } from './index';

let w: PermissionWorld;
beforeAll(() => {
  w = buildPermissionWorld();
});

describe('readableWhere', () => {
  for (const role of MATRIX_ROLES) {
    it(`returns exactly the pages ${role} may read`, () => {
      const v = w.viewers[role];
      const ids = w.pages.map((p) => p.id);
      const bySql = db()
        .select({ id: pages.id })
        .from(pages)
        .where(and(readableWhere(v), inArray(pages.id, ids)))
        .all()
        .map((r) => r.id)
        .sort();
      const byCan = w.pages.filter((p) => canPage(v, 'read', loadPage(p.id).ref)).map((p) => p.id).sort();
      const byTable = w.pages.filter((p) => expectedRead(role, p)).map((p) => p.id).sort();
      expect(bySql).toEqual(byCan);
      expect(bySql).toEqual(byTable);
    });
  }

  it('listPages never lists a page its viewer cannot read', () => {
    for (const role of MATRIX_ROLES) {
      const listed = listPages(w.viewers[role], { limit: 100 }).data.map((p) => p.id);
      const matrixIds = new Set(w.pages.map((p) => p.id));
      const readable = w.pages.filter((p) => expectedRead(role, p)).map((p) => p.id).sort();
      expect(listed.filter((id) => matrixIds.has(id)).sort(), role).toEqual(readable);
    }
  });
});
