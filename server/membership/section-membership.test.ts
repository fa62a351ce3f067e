/**
 * moveIntoSection: one section per member, citizen → member, the previous section's secretaries
 * told, pages left where they are, and live sockets on pages no longer readable closed before the
 * change answers (real websocket clients).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { CLOSE } from '@/server/collab/config';
import { afterMembershipChange, moveIntoSection } from './section-membership';
import { apiTokenFor, nextClose, startCollab, synced, type Harness } from '@/test/collab-harness';
import { addMembership, expectAppError, makeGroup, makePage, makeTree, makeUser, queuedMails, storedPage, type Tree } from '@/test/factories';

let h: Harness;
let tree: Tree;

beforeAll(async () => {
  h = await startCollab();
  tree = makeTree();
});
afterAll(() => h.close());

const sectionsOf = (userId: string) =>
  db()
    .select({ spaceId: memberships.spaceId, role: memberships.role, createdAt: memberships.createdAt })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .all();
const siteRoleOf = (userId: string) => db().select({ r: users.siteRole }).from(users).where(eq(users.id, userId)).get()!.r;

describe('moveIntoSection', () => {
  it('a citizen becomes a party member of the section, dated today, and nobody is told', () => {
    const citizen = makeUser({ siteRole: 'citizen' });
    const before = Date.now();
    const res = db().transaction((tx) => moveIntoSection(tx, { userId: citizen.id, toSpaceId: tree.section.id, byUserId: null }));
    expect(res).toEqual({ fromSpaceId: null, changed: true });
    expect(siteRoleOf(citizen.id)).toBe('member');
    const rows = sectionsOf(citizen.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!).toMatchObject({ spaceId: tree.section.id, role: 'member' });
    expect(rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('a member of A moving to B leaves A, keeps pages and groups; A’s secretaries are told « X a rejoint la section B »', () => {
    const secretaryA = makeUser({ name: 'Sabine', email: `sabine-${crypto.randomUUID()}@example.org` });
    addMembership(secretaryA, tree.section, 'secretary');
    const secretaryB = makeUser({ email: `berthe-${crypto.randomUUID()}@example.org` });
    addMembership(secretaryB, tree.otherSection, 'secretary');
    // A former secretary, a citizen now: her leftover row gives nothing, not even the news.
    const former = makeUser({ siteRole: 'citizen', email: `ancienne-${crypto.randomUUID()}@example.org` });
    addMembership(former, tree.section, 'secretary');
    const mover = makeUser({ name: 'Marcel Dupont' });
    addMembership(mover, tree.section);
    const group = makeGroup(secretaryA);
    addMembership(mover, group);
    const page = makePage(mover, tree.section, { visibility: 'space', status: 'published' });

    const res = db().transaction((tx) => moveIntoSection(tx, { userId: mover.id, toSpaceId: tree.otherSection.id, byUserId: secretaryB.id }));
    expect(res).toEqual({ fromSpaceId: tree.section.id, changed: true });
    const spacesNow = sectionsOf(mover.id).map((m) => m.spaceId);
    expect(spacesNow).toContain(tree.otherSection.id);
    expect(spacesNow).toContain(group.id);
    expect(spacesNow).not.toContain(tree.section.id);
    expect(storedPage(page.id)!.spaceId).toBe(tree.section.id);
    const told = queuedMails(secretaryA.email!);
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe(`Marcel Dupont a rejoint la section « ${tree.otherSection.name} »`);
    expect(told[0]!.text).not.toMatch(/raison|parce/i);
    expect(queuedMails(secretaryB.email!)).toHaveLength(0);
    expect(queuedMails(former.email!)).toHaveLength(0);
  });

  it('a rolled-back move changes nothing and tells nobody', () => {
    const secretaryA = makeUser({ email: `rb-${crypto.randomUUID()}@example.org` });
    addMembership(secretaryA, tree.section, 'secretary');
    const mover = makeUser();
    addMembership(mover, tree.section);
    expect(() =>
      db().transaction((tx) => {
        moveIntoSection(tx, { userId: mover.id, toSpaceId: tree.otherSection.id, byUserId: null });
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(sectionsOf(mover.id).map((m) => m.spaceId)).toEqual([tree.section.id]);
    expect(queuedMails(secretaryA.email!)).toHaveLength(0);
  });

  it('an admin stays an admin; moving into one’s own section changes nothing', () => {
    const admin = makeUser({ siteRole: 'admin' });
    addMembership(admin, tree.section, 'secretary');
    const res = db().transaction((tx) => moveIntoSection(tx, { userId: admin.id, toSpaceId: tree.section.id, byUserId: null }));
    expect(res).toEqual({ fromSpaceId: null, changed: false });
    expect(sectionsOf(admin.id)).toMatchObject([{ spaceId: tree.section.id, role: 'secretary' }]);
    db().transaction((tx) => moveIntoSection(tx, { userId: admin.id, toSpaceId: tree.otherSection.id, byUserId: null }));
    expect(siteRoleOf(admin.id)).toBe('admin');
  });

  it('refuses a space that is not a section, and an unknown person', () => {
    const user = makeUser();
    expectAppError(() => db().transaction((tx) => moveIntoSection(tx, { userId: user.id, toSpaceId: tree.federation.id, byUserId: null })), 'invalid_input', 'spaceId');
    expectAppError(() => db().transaction((tx) => moveIntoSection(tx, { userId: 'nobody', toSpaceId: tree.section.id, byUserId: null })), 'not_found');
    expect(db().select().from(memberships).where(and(eq(memberships.userId, user.id))).all()).toHaveLength(0);
  });
});

describe('afterMembershipChange', () => {
  it('a member moved out of a section stops receiving its space page before the call returns', async () => {
    const author = makeUser();
    addMembership(author, tree.section);
    const mover = makeUser();
    addMembership(mover, tree.section);
    const page = makePage(author, tree.section, { visibility: 'space', status: 'published' });
    const p = h.provider(page.id, { token: apiTokenFor(mover) });
    const a = h.provider(page.id, { token: apiTokenFor(author) });
    await Promise.all([synced(p), synced(a)]);
    const room = h.collab.rooms.get(page.id)!;
    expect([...room.conns.values()].map((c) => c.userId).sort()).toEqual([author.id, mover.id].sort());
    const closing = nextClose(p);

    db().transaction((tx) => moveIntoSection(tx, { userId: mover.id, toSpaceId: tree.otherSection.id, byUserId: null }));
    // Committed but not yet announced: still in the room.
    expect([...room.conns.values()].some((c) => c.userId === mover.id)).toBe(true);
    afterMembershipChange([mover.id]);
    // Synchronously out when the call returns; the author stays.
    expect([...room.conns.values()].map((c) => c.userId)).toEqual([author.id]);
    expect((await closing).code).toBe(CLOSE.forbidden);
    expect(a.wsconnected).toBe(true);
  });
});
