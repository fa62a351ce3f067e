import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pages, users } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { getPage } from '@/server/pages/page-service';
import { loadPage } from '@/server/pages/load-page';
import { deliberationAbilities } from '@/server/policy';
import { DEMO_PERSONAS, seedDemoIfEmpty } from './demo';

const idOf = (email: string) => db().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const pageNamed = (title: string) => db().select().from(pages).where(eq(pages.title, title)).get()!;

describe('seedDemoIfEmpty', () => {
  it('seeds an empty database once', async () => {
    expect(await seedDemoIfEmpty()).toBe(true);
    expect(await seedDemoIfEmpty()).toBe(false);
  });

  it('creates every persona, the territories and about 300 members', () => {
    for (const p of DEMO_PERSONAS) expect(idOf(p.email)).toBeTruthy();
    const count = (q: ReturnType<typeof sql>) => db().get<{ n: number }>(q).n;
    expect(count(sql`select count(*) as n from users where site_role = 'member'`)).toBeGreaterThanOrEqual(300);
    expect(count(sql`select count(*) as n from spaces where kind = 'section'`)).toBeGreaterThanOrEqual(30);
    expect(count(sql`select count(*) as n from spaces where kind = 'group'`)).toBe(6);
    expect(count(sql`select count(*) as n from pages`)).toBeGreaterThanOrEqual(40);
    const combos = db().all<{ visibility: string; status: string }>(sql`select distinct visibility, status from pages`);
    for (const v of ['public', 'members', 'space']) expect(combos.some((c) => c.visibility === v)).toBe(true);
    for (const s of ['draft', 'published', 'archived']) expect(combos.some((c) => c.status === s)).toBe(true);
  });

  it('tells the personas’ story through the policy', () => {
    const motion = pageNamed('Motion : pour une zone à trafic limité au centre-ville');
    const viewer = (email: string) => loadViewer(idOf(email));
    // Filed and open for amendments: nobody types in it any more; the party reads it and amends it; its authors decide.
    const ref = loadPage(motion.id).ref;
    expect(ref.deliberation?.stage).toBe('amendments');
    expect(getPage(viewer('militante@coopol.test'), motion.id).abilities.edit).toBe(false);
    expect(deliberationAbilities(viewer('militante@coopol.test'), ref).decideAmendments).toBe(true);
    expect(deliberationAbilities(viewer('militant.colmar@coopol.test'), ref).proposeAmendment).toBe(true);
    expect(deliberationAbilities(viewer('militant.colmar@coopol.test'), ref).decideAmendments).toBe(false);
    expect(() => getPage(viewer('citoyen@coopol.test'), motion.id)).toThrow();
    // Amendments in every state, two of them rivals on one passage.
    const statuses = db().all<{ status: string; n: number }>(sql`select status, count(*) as n from amendments where page_id = ${motion.id} group by status`);
    expect(statuses.map((r) => r.status).sort()).toEqual(['accepted', 'modified', 'obsolete', 'open', 'rejected', 'voting', 'withdrawn']);
    expect(db().get<{ n: number }>(sql`select max(c) as n from (select count(*) as c from amendments where page_id = ${motion.id} and status = 'open' group by group_id)`).n).toBeGreaterThanOrEqual(2);
    // Motions at every stage; one vote closed with its result, one open.
    const stages = db().all<{ stage: string }>(sql`select distinct stage from deliberations`).map((r) => r.stage);
    for (const st of ['draft', 'filed', 'amendments', 'vote', 'adopted', 'rejected', 'withdrawn']) expect(stages).toContain(st);
    expect(db().get<{ n: number }>(sql`select count(*) as n from polls where status = 'closed' and result is not null`).n).toBeGreaterThanOrEqual(2);
    expect(db().get<{ n: number }>(sql`select count(*) as n from polls where status = 'open'`).n).toBeGreaterThanOrEqual(2);
    // A motion filed and never amended reads as filed, not « modifié depuis la publication ».
    const navettes = pageNamed('Proposition : des navettes gratuites vers les villages du vignoble');
    expect(navettes.contentUpdatedAt!.getTime()).toBeLessThanOrEqual(navettes.publishedAt!.getTime());
    // Signed from several sections.
    expect(db().get<{ n: number }>(sql`select count(distinct section_id) as n from motion_signatures where page_id = ${motion.id}`).n).toBeGreaterThanOrEqual(3);
    const chapter = pageNamed('Chapitre 1 — Une République sociale et écologique');
    expect(getPage(null, chapter.id).body.text).toContain('fin du monde');
    expect(getPage(viewer('citoyen@coopol.test'), chapter.id).abilities.edit).toBe(false);
  });
});
