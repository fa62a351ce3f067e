/** A member who set no name is never shown by address: bylines and the trash say « Membre de <section> ». */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { displayName } from '@/server/users/display-name';
import { addMembership, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { deletePage, getPage, listTrash } from './page-service';

const tree = makeTree();
const nameless = makeUser({ name: 'provisoire', email: 'sans.nom@coopol.test' });
db().update(users).set({ name: null }).where(eq(users.id, nameless.id)).run();
const secretary = makeUser({ name: 'Sonia' });
addMembership(nameless, tree.section);
addMembership(secretary, tree.section, 'secretary');

describe('names across sections', () => {
  it('the byline and the trash name a nameless member by section, never by address', () => {
    const page = makePage(nameless, tree.section, { status: 'published', visibility: 'members' });
    const view = getPage(viewerOf(secretary), page.id);
    const byline = view.authors.map((a) => displayName(a, { sectionName: a.sectionName }));
    expect(byline).toEqual([`Membre de ${tree.section.name}`]);
    deletePage(viewerOf(nameless), page.id);
    const trash = listTrash(viewerOf(secretary), tree.section.id);
    const item = trash.find((i) => i.id === page.id)!;
    expect(item.deletedByName).toBe(`Membre de ${tree.section.name}`);
    expect(JSON.stringify([view.authors, trash])).not.toContain('sans.nom@');
  });
});
