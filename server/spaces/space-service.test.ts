import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { addMembership, expectAppError, expectAppErrorAsync, makeGroup, makeTree, makeUser, queuedMails, siteBuilder, viewerOf, type Tree, type UserRow } from '@/test/factories';
import { deleteAccount } from '@/server/users/account-service';
import { listMembers, listMyGroupInvitations, listMySpaces } from './queries';
import { acceptInvitation, addMember, createGroup, createSubspace, declineInvitation, ensureNationalSpace, joinGroup, leaveGroup, removeMember, requestMemberAdd, setMemberRole } from './space-service';

const roleOf = (userId: string, spaceId: string) =>
  db().select({ role: memberships.role }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.spaceId, spaceId))).get()?.role ?? null;

let tree: Tree;
let secretary: UserRow;
beforeAll(() => {
  tree = makeTree('Espaces');
  secretary = makeUser({ name: 'Secrétaire' });
  addMembership(secretary, tree.section, 'secretary');
});

describe('territorial spaces', () => {
  it('site admins build national → federation → section; paths nest', () => {
    const admin = viewerOf(siteBuilder());
    const national = ensureNationalSpace();
    expect(ensureNationalSpace().id).toBe(national.id);
    const fed = createSubspace(admin, { parentId: national.id, name: 'Bas-Rhin' });
    const sec = createSubspace(admin, { parentId: fed.id, name: 'Strasbourg' });
    expect(fed).toMatchObject({ kind: 'federation', parentId: national.id, path: `${national.path}${fed.id}/` });
    expect(sec).toMatchObject({ kind: 'section', parentId: fed.id, path: `${fed.path}${sec.id}/` });
    expectAppError(() => createSubspace(admin, { parentId: sec.id, name: 'Quartier' }), 'forbidden');
    expectAppError(() => createSubspace(viewerOf(secretary), { parentId: fed.id, name: 'Autre' }), 'forbidden');
    expectAppError(() => createSubspace(admin, { parentId: fed.id, name: 'x' }), 'invalid_input', 'name');
    expectAppError(() => createSubspace(admin, { parentId: 'nope', name: 'Nulle part' }), 'not_found');
  });
});

describe('groups', () => {
  it('the creator of a group becomes its admin; citizens and anonymous cannot create one', () => {
    const founder = makeUser();
    const g = createGroup(viewerOf(founder), { name: 'Écologie', description: 'Un groupe' });
    expect(g).toMatchObject({ kind: 'group', parentId: null, isOpen: true, path: `/${g.id}/` });
    expect(roleOf(founder.id, g.id)).toBe('admin');
    expect(listMySpaces(founder.id).map((s) => [s.id, s.role])).toContainEqual([g.id, 'admin']);
    expectAppError(() => createGroup(viewerOf(makeUser({ siteRole: 'citizen' })), { name: 'Nope' }), 'forbidden');
    expectAppError(() => createGroup(null, { name: 'Nope' }), 'unauthorized');
    expectAppError(() => createGroup(viewerOf(founder), { name: ' ' }), 'invalid_input', 'name');
  });

  it('party members join an open group and leave it; citizens and closed groups refuse', () => {
    const g = makeGroup(makeUser());
    const m = makeUser();
    joinGroup(viewerOf(m), g.id);
    expect(roleOf(m.id, g.id)).toBe('member');
    expectAppError(() => joinGroup(viewerOf(m), g.id), 'forbidden'); // already in
    leaveGroup(viewerOf(m), g.id);
    expect(roleOf(m.id, g.id)).toBeNull();
    expectAppError(() => leaveGroup(viewerOf(m), g.id), 'forbidden'); // not in any more
    expectAppError(() => joinGroup(viewerOf(makeUser({ siteRole: 'citizen' })), g.id), 'forbidden');
    expectAppError(() => joinGroup(null, g.id), 'unauthorized');
    const closed = makeGroup(makeUser(), { isOpen: false });
    expectAppError(() => joinGroup(viewerOf(m), closed.id), 'forbidden');
    expectAppError(() => joinGroup(viewerOf(m), tree.section.id), 'forbidden');
  });

  it('the last admin cannot leave; once another admin is named, they can', () => {
    const founder = makeUser();
    const g = makeGroup(founder);
    const other = makeUser();
    joinGroup(viewerOf(other), g.id);
    expectAppError(() => leaveGroup(viewerOf(founder), g.id), 'conflict');
    expect(roleOf(founder.id, g.id)).toBe('admin');
    setMemberRole(viewerOf(founder), g.id, other.id, 'admin');
    leaveGroup(viewerOf(founder), g.id);
    expect(roleOf(founder.id, g.id)).toBeNull();
    expect(roleOf(other.id, g.id)).toBe('admin');
  });

  it('a member leaving a section goes through the secretary', () => {
    const m = makeUser();
    addMembership(m, tree.section);
    expectAppError(() => leaveGroup(viewerOf(m), tree.section.id), 'forbidden');
  });
});

describe('members of a section', () => {
  it('a secretary adds a citizen by e-mail, who becomes a party member', () => {
    const c = makeUser({ siteRole: 'citizen', email: 'nouvelle@coopol.test' });
    expect(addMember(viewerOf(secretary), tree.section.id, { email: '  Nouvelle@Coopol.test ' })).toBeUndefined();
    expect(roleOf(c.id, tree.section.id)).toBe('member');
    expect(db().select().from(users).where(eq(users.id, c.id)).get()?.siteRole).toBe('member');
    expect(listMembers(viewerOf(secretary), tree.section.id).data.map((r) => r.userId)).toContain(c.id);
  });

  it('adding answers the same whatever the address: unknown, another section, already in', () => {
    // Every call returns the same (nothing), throws nothing, and changes nothing but the intended effect.
    expect(addMember(viewerOf(secretary), tree.section.id, { email: 'personne@nulle.part' })).toBeUndefined();
    const elsewhere = makeUser();
    addMembership(elsewhere, tree.otherSection);
    expect(addMember(viewerOf(secretary), tree.section.id, { email: elsewhere.email! })).toBeUndefined();
    expect(roleOf(elsewhere.id, tree.section.id)).toBeNull();
    const here = makeUser();
    addMember(viewerOf(secretary), tree.section.id, { email: here.email! });
    expect(addMember(viewerOf(secretary), tree.section.id, { email: here.email!, role: 'secretary' })).toBeUndefined();
    expect(roleOf(here.id, tree.section.id)).toBe('member');
    // Only a malformed address is refused, whoever it is.
    expectAppError(() => addMember(viewerOf(secretary), tree.section.id, { email: 'pas-un-email' }), 'invalid_input', 'email');
    expect(queuedMails(elsewhere.email!)).toEqual([]);
  });

  it('a federation takes in party members of its own sections only', () => {
    const t = makeTree('Fédé');
    const fedAdmin = viewerOf(siteBuilder());
    const inside = makeUser();
    addMembership(inside, t.section);
    const outsideTree = makeTree('Autre fédé');
    const outside = makeUser();
    addMembership(outside, outsideTree.section);
    const citizen = makeUser({ siteRole: 'citizen' });
    for (const u of [inside, outside, citizen]) addMember(fedAdmin, t.federation.id, { email: u.email!, role: 'secretary' });
    expect(roleOf(inside.id, t.federation.id)).toBe('secretary');
    expect(roleOf(outside.id, t.federation.id)).toBeNull();
    expect(roleOf(citizen.id, t.federation.id)).toBeNull();
  });

  it('roles must exist in the space; only animators manage members', () => {
    const u = makeUser();
    expectAppError(() => addMember(viewerOf(secretary), tree.section.id, { email: u.email!, role: 'admin' }), 'invalid_input', 'role');
    const plain = makeUser();
    addMembership(plain, tree.section);
    expectAppError(() => addMember(viewerOf(plain), tree.section.id, { email: u.email! }), 'forbidden');
    expectAppError(() => addMember(viewerOf(secretary), tree.otherSection.id, { email: u.email! }), 'forbidden');
    expectAppError(() => addMember(null, tree.section.id, { email: u.email! }), 'unauthorized');
    const groupAdmin = makeUser();
    const g = makeGroup(groupAdmin);
    expectAppError(() => addMember(viewerOf(groupAdmin), g.id, { email: u.email!, role: 'secretary' }), 'invalid_input', 'role');
  });
});

describe('group invitations', () => {
  it('adding a party member to a group invites them (in the app and by mail); nobody is put in without consent', () => {
    const admin = makeUser({ name: 'Animatrice Vélo' });
    const g = makeGroup(admin, { name: 'Vélo', isOpen: false });
    const invitee = makeUser();
    addMembership(invitee, tree.otherSection);
    addMember(viewerOf(admin), g.id, { email: invitee.email! });
    expect(roleOf(invitee.id, g.id)).toBeNull();
    expect(listMyGroupInvitations(invitee.id)).toMatchObject([{ spaceId: g.id, spaceName: 'Vélo', role: 'member', invitedBy: 'Animatrice Vélo' }]);
    const mails = queuedMails(invitee.email!);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Invitation à rejoindre le groupe « Vélo »' });
    expect(mails[0]!.text).toContain('Animatrice Vélo vous invite');
    expect(mails[0]!.text).toContain('http://localhost:3999/groupes');
    // Inviting again while pending sends nothing more.
    addMember(viewerOf(admin), g.id, { email: invitee.email! });
    expect(queuedMails(invitee.email!)).toHaveLength(1);
    // The members list (the animator's view) does not show who is invited.
    expect(listMembers(viewerOf(admin), g.id).data.map((r) => r.userId)).toEqual([admin.id]);

    acceptInvitation(viewerOf(invitee), g.id);
    expect(roleOf(invitee.id, g.id)).toBe('member');
    expect(listMyGroupInvitations(invitee.id)).toEqual([]);
    expectAppError(() => acceptInvitation(viewerOf(invitee), g.id), 'not_found');
  });

  it('an invitation carries its role; declining ends it and tells nobody; only the invitee answers', () => {
    const admin = makeUser();
    const g = makeGroup(admin);
    const a = makeUser();
    const b = makeUser();
    addMember(viewerOf(admin), g.id, { email: a.email!, role: 'admin' });
    addMember(viewerOf(admin), g.id, { email: b.email! });
    expectAppError(() => acceptInvitation(viewerOf(makeUser()), g.id), 'not_found'); // not invited
    declineInvitation(viewerOf(b), g.id);
    expect(roleOf(b.id, g.id)).toBeNull();
    expect(listMyGroupInvitations(b.id)).toEqual([]);
    expect(queuedMails(admin.email!)).toEqual([]);
    expectAppError(() => acceptInvitation(viewerOf(admin), g.id), 'not_found');
    expectAppError(() => declineInvitation(null, g.id), 'unauthorized');
    acceptInvitation(viewerOf(a), g.id);
    expect(roleOf(a.id, g.id)).toBe('admin');
  });

  it('whatever the address, a group animator is told the same and sees the same', () => {
    const admin = makeUser();
    const g = makeGroup(admin);
    const citizen = makeUser({ siteRole: 'citizen' });
    const member = makeUser();
    const inGroup = makeUser();
    joinGroup(viewerOf(inGroup), g.id);
    const deleted = makeUser();
    const deletedEmail = deleted.email!;
    db().update(users).set({ deletedAt: new Date() }).where(eq(users.id, deleted.id)).run();
    const before = listMembers(viewerOf(admin), g.id);
    for (const email of ['inconnu@nulle.part', citizen.email!, member.email!, member.email!, inGroup.email!, deletedEmail]) {
      expect(addMember(viewerOf(admin), g.id, { email })).toBeUndefined();
      expect(listMembers(viewerOf(admin), g.id)).toEqual(before);
    }
    // Only the party member who is not in yet is invited; a citizen stays a citizen, outside.
    expect(listMyGroupInvitations(member.id)).toHaveLength(1);
    expect(listMyGroupInvitations(citizen.id)).toEqual([]);
    expect(queuedMails(citizen.email!)).toEqual([]);
    expect(db().select().from(users).where(eq(users.id, citizen.id)).get()?.siteRole).toBe('citizen');
    expect(listMyGroupInvitations(inGroup.id)).toEqual([]);
  });

  it('joining an open group ends a pending invitation to it', () => {
    const admin = makeUser();
    const g = makeGroup(admin);
    const m = makeUser();
    addMember(viewerOf(admin), g.id, { email: m.email! });
    joinGroup(viewerOf(m), g.id);
    expect(listMyGroupInvitations(m.id)).toEqual([]);
  });

  it('the members form is rate-limited per adder: 30 group invitations an hour, more for a section', async () => {
    const admin = makeUser();
    const g = makeGroup(admin);
    for (let i = 0; i < 30; i++) await requestMemberAdd(viewerOf(admin), g.id, { email: `essai${i}@nulle.part` });
    await expectAppErrorAsync(requestMemberAdd(viewerOf(admin), g.id, { email: 'encore@nulle.part' }), 'rate_limited');
    const t = makeTree('Limite');
    const sec = makeUser();
    addMembership(sec, t.section, 'secretary');
    for (let i = 0; i < 40; i++) await requestMemberAdd(viewerOf(sec), t.section.id, { email: `nouveau${i}@nulle.part` });
  });
});

describe('members of a section, continued', () => {
  it('removeMember and setMemberRole keep at least one animator', () => {
    const t = makeTree('Rôles');
    const sec = makeUser();
    addMembership(sec, t.section, 'secretary');
    const m = makeUser();
    addMembership(m, t.section);
    setMemberRole(viewerOf(sec), t.section.id, m.id, 'secretary');
    expect(roleOf(m.id, t.section.id)).toBe('secretary');
    setMemberRole(viewerOf(sec), t.section.id, m.id, 'member');
    expectAppError(() => setMemberRole(viewerOf(sec), t.section.id, sec.id, 'member'), 'conflict');
    expectAppError(() => setMemberRole(viewerOf(sec), t.section.id, m.id, 'admin'), 'invalid_input', 'role');
    expectAppError(() => setMemberRole(viewerOf(sec), t.section.id, makeUser().id, 'member'), 'not_found');
    expectAppError(() => setMemberRole(viewerOf(m), t.section.id, m.id, 'secretary'), 'forbidden');

    removeMember(viewerOf(sec), t.section.id, m.id);
    expect(roleOf(m.id, t.section.id)).toBeNull();
    // Out of their only section, they are a citizen again, and another section may take them in.
    expect(db().select().from(users).where(eq(users.id, m.id)).get()?.siteRole).toBe('citizen');
    addMember(viewerOf(sec), t.section.id, { email: m.email! });
    expect(db().select().from(users).where(eq(users.id, m.id)).get()?.siteRole).toBe('member');
    removeMember(viewerOf(sec), t.section.id, m.id);
    expectAppError(() => removeMember(viewerOf(sec), t.section.id, m.id), 'not_found');
    // The secretary of the federation above manages the section too, but keeps an animator in it.
    const fedSec = makeUser();
    addMembership(fedSec, t.federation, 'secretary');
    expectAppError(() => removeMember(viewerOf(fedSec), t.section.id, sec.id), 'conflict');
    // A site admin may empty it (e.g. a secretary who left the party).
    removeMember(viewerOf(siteBuilder()), t.section.id, sec.id);
    expect(roleOf(sec.id, t.section.id)).toBeNull();
  });

  it('listMembers: members of the space and animators above; nobody else', () => {
    const t = makeTree('Liste membres');
    const m = makeUser();
    addMembership(m, t.section);
    const fedSec = makeUser();
    addMembership(fedSec, t.federation, 'secretary');
    const other = makeUser();
    addMembership(other, t.otherSection);
    expect(listMembers(viewerOf(m), t.section.id).data.map((r) => r.userId)).toEqual([m.id]);
    expect(listMembers(viewerOf(fedSec), t.section.id).data).toHaveLength(1);
    expectAppError(() => listMembers(viewerOf(other), t.section.id), 'forbidden');
    expectAppError(() => listMembers(null, t.section.id), 'unauthorized');
  });

  it('listMembers: addresses only for those who manage the space', () => {
    // A group gathers members of several sections: a plain member sees names, never addresses.
    const t = makeTree('Adresses');
    const admin = makeUser();
    addMembership(admin, t.section);
    const g = makeGroup(admin);
    const plain = makeUser();
    addMembership(plain, t.otherSection);
    joinGroup(viewerOf(plain), g.id);
    const seen = listMembers(viewerOf(plain), g.id).data;
    expect(seen.map((r) => r.userId).sort()).toEqual([admin.id, plain.id].sort());
    expect(seen.map((r) => r.email)).toEqual([null, null]);
    expect(JSON.stringify(listMembers(viewerOf(plain), g.id))).not.toContain('@');
    // The group's admin, and the secretary of the section above a section, see them.
    expect(listMembers(viewerOf(admin), g.id).data.map((r) => r.email).sort()).toEqual([admin.email, plain.email].sort());
    const sec = makeUser();
    addMembership(sec, t.otherSection, 'secretary');
    expect(listMembers(viewerOf(sec), t.otherSection.id).data.map((r) => r.email)).toContain(plain.email);
    expect(listMembers(viewerOf(plain), t.otherSection.id).data.every((r) => r.email === null)).toBe(true);
  });

  it('listMembers: a member who set no name is shown as a member of their section, never by address', () => {
    const t = makeTree('Sans nom');
    const admin = makeUser({ name: 'Animatrice' });
    const g = makeGroup(admin);
    const nameless = makeUser({ name: '' });
    addMembership(nameless, t.section);
    joinGroup(viewerOf(nameless), g.id);
    const rows = listMembers(viewerOf(admin), g.id).data;
    expect(rows.find((r) => r.userId === nameless.id)).toMatchObject({ displayName: `Membre de ${t.section.name}`, email: nameless.email });
    expect(listMembers(viewerOf(admin), g.id, { locale: 'en' }).data.find((r) => r.userId === admin.id)?.displayName).toBe('Animatrice');
  });
});

describe('former members leave their groups', () => {
  it('out of their section (a citizen again), a member leaves every group and invitation; the animators are told, without a reason', () => {
    const t = makeTree('Départ');
    const sec = makeUser();
    addMembership(sec, t.section, 'secretary');
    const leaver = makeUser({ name: 'Jeanne Départ' });
    addMembership(leaver, t.section);
    const animator = makeUser({ name: 'Animateur' });
    const coAnimator = makeUser();
    const g1 = makeGroup(animator, { name: 'Jardins partagés' });
    addMembership(coAnimator, g1, 'admin');
    joinGroup(viewerOf(leaver), g1.id);
    const g2 = makeGroup(leaver, { name: 'Bibliothèque' }); // the leaver animates this one
    addMembership(animator, g2);
    const g3 = makeGroup(animator, { name: 'Invitations' });
    addMember(viewerOf(animator), g3.id, { email: leaver.email! });
    expect(listMyGroupInvitations(leaver.id)).toHaveLength(1);

    removeMember(viewerOf(sec), t.section.id, leaver.id);
    expect(db().select().from(users).where(eq(users.id, leaver.id)).get()?.siteRole).toBe('citizen');
    for (const g of [g1, g2]) expect(roleOf(leaver.id, g.id)).toBeNull();
    expect(listMyGroupInvitations(leaver.id)).toEqual([]);
    expect(listMySpaces(leaver.id)).toEqual([]);

    const toAnimator = queuedMails(animator.email!).filter((m) => m.subject.includes('a quitté'));
    expect(toAnimator.map((m) => m.subject)).toEqual(['Jeanne Départ a quitté le groupe « Jardins partagés »']);
    expect(toAnimator[0]!.text).toContain(`http://localhost:3999/espaces/${g1.id}`);
    expect(toAnimator[0]!.text).not.toMatch(/section|adhé|retir|citoyen/i);
    expect(queuedMails(coAnimator.email!).map((m) => m.subject)).toEqual(['Jeanne Départ a quitté le groupe « Jardins partagés »']);
    // Nobody is told of a group where the leaver was alone at the helm, and the leaver is told nothing.
    expect(queuedMails(leaver.email!).filter((m) => m.subject.includes('a quitté'))).toEqual([]);
  });

  it('a member who moves through a section while staying a party member (a site admin) keeps their groups', () => {
    const t = makeTree('Admin reste');
    const siteAdmin = makeUser({ siteRole: 'admin' });
    addMembership(siteAdmin, t.section);
    const g = makeGroup(makeUser());
    joinGroup(viewerOf(siteAdmin), g.id);
    removeMember(viewerOf(siteBuilder()), t.section.id, siteAdmin.id);
    expect(roleOf(siteAdmin.id, g.id)).toBe('member');
  });

  it('deleting one\'s account ends one\'s groups too, and their animators are told', () => {
    const animator = makeUser();
    const g = makeGroup(animator, { name: 'Lecture' });
    const m = makeUser({ name: 'Paul Parti' });
    joinGroup(viewerOf(m), g.id);
    deleteAccount(m.id);
    expect(roleOf(m.id, g.id)).toBeNull();
    expect(queuedMails(animator.email!).map((x) => x.subject)).toEqual(['Paul Parti a quitté le groupe « Lecture »']);
  });
});
