import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pages, users } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { getPage } from '@/server/pages/page-service';
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
    expect(getPage(viewer('militante@coopol.test'), motion.id).abilities.edit).toBe(true);
    expect(getPage(viewer('secretaire@coopol.test'), motion.id).abilities.publish).toBe(true);
    expect(() => getPage(viewer('militant.colmar@coopol.test'), motion.id)).toThrow();
    expect(() => getPage(viewer('citoyen@coopol.test'), motion.id)).toThrow();
    const chapter = pageNamed('Chapitre 1 — Une République sociale et écologique');
    expect(getPage(null, chapter.id).body.text).toContain('fin du monde');
    expect(getPage(viewer('citoyen@coopol.test'), chapter.id).abilities.edit).toBe(false);
  });
});
