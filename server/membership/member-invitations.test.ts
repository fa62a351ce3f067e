/**
 * Invitations by e-mail to join a section or a group: the links (forged, expired, revoked,
 * reused, replaced by a resend), accepting with and without an account, a move between sections,
 * the answers that say nothing of an address, and the 10-minute rule on mails.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { jobs, memberInvitations, memberships, users } from '@/db/schema';
import { createSession } from '@/server/auth/session-cookie';
import { addMembership, expectAppError, expectAppErrorAsync, makeGroup, makePage, makeTree, makeUser, queuedMails, storedPage, viewerOf, type Tree, type UserRow } from '@/test/factories';
import {
  INVITATION_TTL_MS,
  RESEND_GAP_MS,
  acceptMemberInvitation,
  inviteMembers,
  listInvitations,
  parseEmails,
  readMemberInvitation,
  resendInvitation,
  revokeInvitation,
} from './member-invitations';

let tree: Tree;
let secretary: UserRow;
let n = 0;
const fresh = (tag = 'x') => `${tag}-${++n}-${crypto.randomUUID().slice(0, 8)}@exemple.fr`;

beforeAll(() => {
  tree = makeTree();
  secretary = makeUser({ name: 'Sophie Secrétaire' });
  addMembership(secretary, tree.section, 'secretary');
});

afterEach(() => {
  vi.useRealTimers();
});

/** The adhesion links of the mails queued for `to`, oldest first. */
function linksTo(to: string): string[] {
  return queuedMails(to).flatMap((m) => [...m.text.matchAll(/\/adhesion\/([A-Za-z0-9_.-]+)/g)].map((x) => x[1]!));
}
const lastLink = (to: string) => linksTo(to).at(-1)!;
const invitationRow = (email: string, spaceId = tree.section.id) =>
  db().select().from(memberInvitations).where(and(eq(memberInvitations.email, email), eq(memberInvitations.spaceId, spaceId))).get()!;
const sectionOf = (userId: string) =>
  db().select({ spaceId: memberships.spaceId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId)).all();
function verifiedUser(opts: Parameters<typeof makeUser>[0] = {}): UserRow {
  const u = makeUser(opts);
  db().update(users).set({ emailVerified: new Date() }).where(eq(users.id, u.id)).run();
  return u;
}

describe('inviting', () => {
  it('queues an HTML and a text mail with the section, the inviter, the message, the link and the expiry', async () => {
    const email = fresh('nouvelle');
    const r = await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [email], message: 'Viens nous voir jeudi <b>soir</b> !' });
    expect(r).toEqual({ invited: 1 });
    const [mail] = queuedMails(email);
    expect(mail!.subject).toBe(`Invitation à adhérer à la section « ${tree.section.name} »`);
    expect(mail!.text).toContain('Sophie Secrétaire vous invite à rejoindre la section');
    expect(mail!.text).toContain('> Viens nous voir jeudi <b>soir</b> !');
    expect(mail!.text).toMatch(/valable jusqu’au \d{1,2} \S+ \d{4}/);
    expect(mail!.html).toContain('Viens nous voir jeudi &lt;b&gt;soir&lt;/b&gt; !');
    expect(mail!.html).toContain(`href="http://localhost:3999/adhesion/${lastLink(email)}"`);
    const row = invitationRow(email);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(INVITATION_TTL_MS - 5000);
    expect(readMemberInvitation(lastLink(email)).state).toBe('valid');
  });

  it('takes a pasted list (commas, lines, « Nom <adresse> »), once each, and refuses a bad address naming the field', async () => {
    const [a, b] = [fresh('a'), fresh('b')];
    expect(parseEmails(`Jeanne <${a.toUpperCase()}>, ${b}\n${a}; `)).toEqual([a, b]);
    expectAppError(() => parseEmails('jeanne@'), 'invalid_input', 'emails');
    expectAppError(() => parseEmails('  '), 'invalid_input', 'emails');
    expectAppError(() => parseEmails(Array.from({ length: 51 }, (_, i) => `p${i}@exemple.fr`)), 'invalid_input', 'emails');
    await expectAppErrorAsync(inviteMembers(viewerOf(secretary), tree.section.id, { emails: 'pas-une-adresse@' }), 'invalid_input', 'emails');
  });

  it('is for the space’s secretaries (and those above): a plain member is refused; a role that does not exist here is a 400', async () => {
    const member = makeUser();
    addMembership(member, tree.section);
    await expectAppErrorAsync(inviteMembers(viewerOf(member), tree.section.id, { emails: [fresh()] }), 'forbidden');
    await expectAppErrorAsync(inviteMembers(viewerOf(secretary), tree.otherSection.id, { emails: [fresh()] }), 'forbidden');
    await expectAppErrorAsync(inviteMembers(viewerOf(secretary), 'nope', { emails: [fresh()] }), 'not_found');
    await expectAppErrorAsync(inviteMembers(viewerOf(secretary), tree.section.id, { emails: [fresh()], role: 'admin' }), 'invalid_input', 'role');
  });

  it('answers the same for a member of the section, a member elsewhere, a pending invitation and nobody; never two mails within 10 minutes', async () => {
    const inHere = makeUser({ email: fresh('ici') });
    addMembership(inHere, tree.section);
    const elsewhere = makeUser({ email: fresh('ailleurs') });
    addMembership(elsewhere, tree.otherSection);
    const pending = fresh('attente');
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [pending] });
    const answers = [];
    for (const email of [inHere.email!, elsewhere.email!, pending, fresh('personne')]) answers.push(await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [email] }));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(queuedMails(inHere.email!)).toHaveLength(0); // already in: nothing to accept
    expect(queuedMails(elsewhere.email!)).toHaveLength(1);
    expect(queuedMails(pending)).toHaveLength(1); // invited twice within 10 minutes: one mail

    // Another section invites the same address two minutes later: its mail waits for the 10 minutes.
    const other = makeUser();
    addMembership(other, tree.otherSection, 'secretary');
    await inviteMembers(viewerOf(other), tree.otherSection.id, { emails: [pending] });
    const runAts = db()
      .select({ runAt: jobs.runAt, payload: jobs.payload })
      .from(jobs)
      .where(eq(jobs.queue, 'mail'))
      .all()
      .filter((j) => (j.payload as { to: string }).to === pending)
      .map((j) => j.runAt.getTime())
      .sort();
    expect(runAts).toHaveLength(2);
    expect(runAts[1]! - runAts[0]!).toBeGreaterThanOrEqual(RESEND_GAP_MS);
  });
});

describe('the link', () => {
  it('a forged or tampered token is invalid; another purpose’s token too', async () => {
    const email = fresh();
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [email] });
    const token = lastLink(email);
    const [body, mac] = token.split('.');
    expect(readMemberInvitation(`${body}.${mac!.slice(0, -2)}AA`).state).toBe('invalid');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, e: claims.e + 1 })).toString('base64url');
    expect(readMemberInvitation(`${forged}.${mac}`).state).toBe('invalid');
    expect(readMemberInvitation('garbage').state).toBe('invalid');
    expectAppError(() => acceptMemberInvitation(null, `${forged}.${mac}`), 'invalid_input', 'token');
  });

  it('expires after 14 days', async () => {
    const email = fresh();
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [email] });
    const token = lastLink(email);
    expect(readMemberInvitation(token, new Date(Date.now() + INVITATION_TTL_MS - 60_000)).state).toBe('valid');
    expect(readMemberInvitation(token, new Date(Date.now() + INVITATION_TTL_MS + 60_000)).state).toBe('expired');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + INVITATION_TTL_MS + 60_000 });
    expectAppError(() => acceptMemberInvitation(null, token), 'invalid_input', 'token');
    expect(listInvitations(viewerOf(secretary), tree.section.id).find((i) => i.email === email)?.state).toBe('expired');
  });

  it('a revoked invitation answers « revoked » and cannot be accepted', async () => {
    const email = fresh();
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [email] });
    const row = invitationRow(email);
    const member = makeUser();
    addMembership(member, tree.section);
    expectAppError(() => revokeInvitation(viewerOf(member), tree.section.id, row.id), 'forbidden');
    revokeInvitation(viewerOf(secretary), tree.section.id, row.id);
    expect(readMemberInvitation(lastLink(email)).state).toBe('revoked');
    expectAppError(() => acceptMemberInvitation(null, lastLink(email)), 'invalid_input', 'token');
    expect(db().select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
    expect(listInvitations(viewerOf(secretary), tree.section.id).map((i) => i.id)).not.toContain(row.id);
  });

  it('resent: a new link, the old one is dead; not again within 10 minutes', async () => {
    const email = fresh();
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [email] });
    const row = invitationRow(email);
    await expectAppErrorAsync(resendInvitation(viewerOf(secretary), tree.section.id, row.id), 'conflict');
    const old = lastLink(email);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + RESEND_GAP_MS + 1000 });
    await resendInvitation(viewerOf(secretary), tree.section.id, row.id);
    expect(linksTo(email)).toHaveLength(2);
    const current = lastLink(email);
    expect(current).not.toBe(old);
    expect(readMemberInvitation(old).state).toBe('replaced');
    expect(readMemberInvitation(current).state).toBe('valid');
    expectAppError(() => acceptMemberInvitation(null, old), 'invalid_input', 'token');
    expect(invitationRow(email).sendCount).toBe(2);
  });

  it('an expired invitation resent lives again with a new link', async () => {
    const email = fresh();
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [email] });
    const row = invitationRow(email);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + INVITATION_TTL_MS + 60_000 });
    await resendInvitation(viewerOf(secretary), tree.section.id, row.id);
    expect(readMemberInvitation(lastLink(email)).state).toBe('valid');
    expect(listInvitations(viewerOf(secretary), tree.section.id).find((i) => i.id === row.id)?.state).toBe('pending');
  });
});

describe('accepting', () => {
  it('without an account: one is created (verified), a party member of the section; the link cannot be used twice', async () => {
    const email = fresh('sans-compte');
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [email] });
    const token = lastLink(email);
    const r = acceptMemberInvitation(null, token);
    expect(r).toMatchObject({ spaceId: tree.section.id, signIn: true });
    const user = db().select().from(users).where(eq(users.email, email)).get()!;
    expect(user.id).toBe(r.userId);
    expect(user.siteRole).toBe('member');
    expect(user.emailVerified).not.toBeNull();
    expect(sectionOf(user.id)).toEqual([{ spaceId: tree.section.id, role: 'member' }]);
    expect(readMemberInvitation(token).state).toBe('accepted');
    expectAppError(() => acceptMemberInvitation(null, token), 'invalid_input', 'token');
    expect(listInvitations(viewerOf(secretary), tree.section.id).map((i) => i.email)).not.toContain(email);
  });

  it('with an account: signed in with that address, the citizen becomes a member; not signed in, they sign in first; with another account, refused', async () => {
    const citizen = verifiedUser({ siteRole: 'citizen', email: fresh('citoyenne') });
    createSession(citizen.id);
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [citizen.email!] });
    const token = lastLink(citizen.email!);
    expectAppError(() => acceptMemberInvitation(null, token), 'unauthorized');
    const stranger = verifiedUser({ siteRole: 'citizen' });
    expectAppError(() => acceptMemberInvitation(viewerOf(stranger), token), 'conflict');
    expect(sectionOf(stranger.id)).toEqual([]);
    const r = acceptMemberInvitation(viewerOf(citizen), token);
    expect(r).toMatchObject({ userId: citizen.id, signIn: false });
    expect(db().select({ r: users.siteRole }).from(users).where(eq(users.id, citizen.id)).get()!.r).toBe('member');
    expect(sectionOf(citizen.id)).toEqual([{ spaceId: tree.section.id, role: 'member' }]);
  });

  it('a member of section A accepting an invitation to B moves: A’s secretaries are told, the pages stay in A', async () => {
    const secretaryA = makeUser({ email: fresh('secretaire-a') });
    addMembership(secretaryA, tree.otherSection, 'secretary');
    const mover = verifiedUser({ name: 'Paul Mobile', email: fresh('paul') });
    addMembership(mover, tree.otherSection);
    const page = makePage(mover, tree.otherSection, { visibility: 'space', status: 'published' });
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [mover.email!], role: 'secretary' });
    acceptMemberInvitation(viewerOf(mover), lastLink(mover.email!));
    expect(sectionOf(mover.id)).toEqual([{ spaceId: tree.section.id, role: 'secretary' }]);
    expect(storedPage(page.id)!.spaceId).toBe(tree.otherSection.id);
    expect(queuedMails(secretaryA.email!).map((m) => m.subject)).toEqual([`Paul Mobile a rejoint la section « ${tree.section.name} »`]);
  });

  it('a group’s invitation: a party member joins it; a citizen is told to join a section first', async () => {
    const admin = makeUser();
    addMembership(admin, tree.section);
    const group = makeGroup(admin);
    const member = verifiedUser({ email: fresh('membre') });
    addMembership(member, tree.otherSection);
    const citizen = verifiedUser({ siteRole: 'citizen', email: fresh('cit') });
    await inviteMembers(viewerOf(admin), group.id, { emails: [member.email!, citizen.email!], role: 'admin' });
    expect(queuedMails(member.email!)[0]!.subject).toBe(`Invitation à rejoindre le groupe « ${group.name} »`);
    acceptMemberInvitation(viewerOf(member), lastLink(member.email!));
    expect(sectionOf(member.id)).toContainEqual({ spaceId: group.id, role: 'admin' });
    expect(sectionOf(member.id)).toContainEqual({ spaceId: tree.otherSection.id, role: 'member' });
    expectAppError(() => acceptMemberInvitation(viewerOf(citizen), lastLink(citizen.email!)), 'conflict');
    expect(readMemberInvitation(lastLink(citizen.email!)).state).toBe('valid');
  });
});

describe('the pending list', () => {
  it('shows addresses to the managers only', async () => {
    const email = fresh('liste');
    await inviteMembers(viewerOf(secretary), tree.section.id, { emails: [email], message: 'Bienvenue' });
    const list = listInvitations(viewerOf(secretary), tree.section.id);
    expect(list.find((i) => i.email === email)).toMatchObject({ state: 'pending', message: 'Bienvenue', invitedBy: 'Sophie Secrétaire', sendCount: 1 });
    const member = makeUser();
    addMembership(member, tree.section);
    expectAppError(() => listInvitations(viewerOf(member), tree.section.id), 'forbidden');
    expectAppError(() => listInvitations(null, tree.section.id), 'unauthorized');
  });
});
