import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { renderBody } from '@/server/pages/body';
import { loadDocState } from '@/server/documents/store';
import { seedScale } from './scale';

const one = <T>(q: ReturnType<typeof sql>) => db().get<T>(q);

describe('seedScale (small)', () => {
  it('loads the asked counts with the rows the domain functions would write', async () => {
    const r = await seedScale({ federations: 6, sections: 60, members: 1_000, groups: 10, pages: 500, bodyPool: 20, log: () => {} });
    expect(r).toMatchObject({ federations: 6, sections: 60, members: 1_000, groups: 10, pages: 500 });
    expect(one<{ n: number }>(sql`select count(*) as n from spaces c join spaces p on p.id = c.parent_id where c.path <> p.path || c.id || '/'`).n).toBe(0);
    const notOneSection = sql`select count(*) as n from users u where site_role = 'member' and (select count(*) from memberships m join spaces s on s.id = m.space_id where m.user_id = u.id and s.kind = 'section') <> 1`;
    expect(one<{ n: number }>(notOneSection).n).toBe(0);
    expect(one<{ n: number }>(sql`select count(*) as n from pages p where not exists (select 1 from page_authors a where a.page_id = p.id)`).n).toBe(0);
    // Every motion has its deliberation, as createPage would have written it.
    expect(one<{ n: number }>(sql`select count(*) as n from pages p where p.kind = 'motion' and not exists (select 1 from deliberations d where d.page_id = p.id)`).n).toBe(0);
    expect(one<{ n: number }>(sql`select count(*) as n from deliberations`).n).toBeGreaterThan(0);
    // Every page's stored document (compacted state + update log) renders to its derived text.
    const sample = db().all<{ id: string; text: string }>(sql`select p.id, p.text from pages p join page_docs d on d.page_id = p.id`);
    for (const s of sample) expect(renderBody(loadDocState(s.id).state).text).toBe(s.text);
    await expect(seedScale({ pages: 1 })).rejects.toThrow(/empty/);
  });
});
