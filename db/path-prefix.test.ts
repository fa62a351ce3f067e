import { asc, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { spaces } from '@/db/schema';
import { makeTree } from '@/test/factories';
import { startsWith } from './path-prefix';

describe('startsWith (a path prefix SQLite answers from the index)', () => {
  it('selects the space and everything below it, and nothing beside it', () => {
    const a = makeTree('A');
    const b = makeTree('B');
    const under = (p: string) =>
      db()
        .select({ id: spaces.id })
        .from(spaces)
        .where(startsWith(spaces.path, p))
        .orderBy(asc(spaces.path))
        .all()
        .map((r) => r.id)
        .sort();
    const ids = [a.federation.id, a.section.id, b.federation.id, b.section.id];
    const paths = new Map(db().select({ id: spaces.id, path: spaces.path }).from(spaces).where(inArray(spaces.id, ids)).all().map((r) => [r.id, r.path]));
    const sorted = (...xs: string[]) => xs.sort();
    expect(under(paths.get(a.federation.id)!)).toEqual(sorted(a.federation.id, a.section.id, a.otherSection.id));
    expect(under(paths.get(a.section.id)!)).toEqual([a.section.id]);
    expect(under(paths.get(b.federation.id)!)).toEqual(sorted(b.federation.id, b.section.id, b.otherSection.id));
  });

  it('is a range on the path index, not a scan', () => {
    const plan = db()
      .select({ id: spaces.id })
      .from(spaces)
      .where(startsWith(spaces.path, '/x/'))
      .toSQL();
    const rows = db().$client.prepare(`explain query plan ${plan.sql}`).all(...plan.params) as { detail: string }[];
    expect(rows.map((r) => r.detail).join(' ')).toMatch(/USING (COVERING )?INDEX spaces_path_idx \(path>\? AND path<\?\)/);
  });

  it('matches a string only when it begins with the whole prefix', () => {
    const check = (value: string, prefix: string) => (db().get<{ ok: number }>(sqlOf(value, prefix))!.ok === 1);
    expect(check('/ab/cd/', '/ab/')).toBe(true);
    expect(check('/ab/', '/ab/')).toBe(true);
    expect(check('/ab0/', '/ab/')).toBe(false);
    expect(check('/abc/', '/ab/')).toBe(false);
    expect(check('/AB/', '/ab/')).toBe(false);
    expect(check('/aa/', '/ab/')).toBe(false);
  });
});

function sqlOf(value: string, prefix: string) {
  return sql`select ${startsWith(sql`${value}`, prefix)} as ok`;
}
