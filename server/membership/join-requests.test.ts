/**
 * Join requests (a citizen → a section), transfers (a member → another section) and groups on
 * request: who may ask, who decides (the deciders' matrix), one pending at a time, cancelling,
 * the decline's message reaching the person, the mails (deciders at most hourly, both sections of
 * a transfer told), the live socket closed by an accepted transfer, and no name to a citizen.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { joinRequests, memberships, users } from '@/db/schema';
import { CLOSE } from '@/server/collab/config';
import { leaveGroup, setMemberRole } from '@/server/spaces/space-service';
import { apiTokenFor, nextClose, startCollab, synced, type Harness } from '@/test/collab-harness';
import {
  addMembership,
  expectAppError,
  expectAppErrorAsync,
  makeGroup,
  makePage,
  makeTree,
  makeUser,
  queuedMails,
  viewerOf,
  type Tree,
  type UserRow,
} from '@/test/factories';
import {
  acceptJoinRequest,
  cancelJoinRequest,
  countPendingRequests,
  declineJoinRequest,
  listMyRequests,
  listSpaceRequests,
  listSpacesAwaitingDecision,
  myPendingRequestFor,
  requestToJoin,
} from './join-requests';

let h: Harness;
let tree: Tree;
let secretary: UserRow;
let otherSecretary: UserRow;
let fedSecretary: UserRow;
let sectionMember: UserRow;

const uniq = (who: string) => `${who}-${crypto.randomUUID().slice(0, 8)}@example.org`;

beforeAll(async () => {
  h = await startCollab();
  tree = makeTree();
  secretary = makeUser({ name: 'Sabine Secrétaire', email: uniq('sabine') });
  addMembership(secretary, tree.section, 'secretary');
  otherSecretary = makeUser({ name: 'Odile Autre', email: uniq('odile') });
  addMembership(otherSecretary, tree.otherSection, 'secretary');
  fedSecretary = makeUser({ name: 'Fanny Fédé', email: uniq('fanny') });
  addMembership(fedSecretary, tree.otherSection); // a member of a section, secretary of the federation above both
  addMembership(fedSecretary, tree.federation, 'secretary');
  sectionMember = makeUser({ name: 'Michel Membre', email: uniq('michel') });
  addMembership(sectionMember, tree.section);
});
afterAll(() => h.close());

const citizen = (name = 'Claire Citoyenne') => makeUser({ siteRole: 'citizen', name, email: uniq('claire') });
const siteRoleOf = (id: string) => db().select({ r: users.siteRole }).from(users).where(eq(users.id, id)).get()!.r;
const spacesOf = (id: string) =>
  db()
    .select({ spaceId: memberships.spaceId })
    .from(memberships)
    .where(eq(memberships.userId, id))
    .all()
    .map((m) => m.spaceId);

describe('a citizen asks to join the party in a section', () => {
  it('the section’s secretary accepts: the account becomes a party member there, told by mail and in the app', async () => {
    const claire = citizen();
    const asked = await requestToJoin(viewerOf(claire), tree.section.id, { message: '  Je milite depuis 2019 à Strasbourg.  ' });
    expect(asked).toMatchObject({ kind: 'join', status: 'pending', message: 'Je milite depuis 2019 à Strasbourg.', space: { id: tree.section.id } });

    const pending = listSpaceRequests(viewerOf(secretary), tree.section.id);
    expect(pending.find((r) => r.id === asked.id)).toMatchObject({ kind: 'join', person: { id: claire.id, name: 'Claire Citoyenne', email: claire.email }, fromSpace: null });
    expect(countPendingRequests(viewerOf(secretary), tree.section)).toBeGreaterThanOrEqual(1);

    const accepted = acceptJoinRequest(viewerOf(secretary), asked.id);
    expect(accepted.status).toBe('accepted');
    expect(siteRoleOf(claire.id)).toBe('member');
    expect(spacesOf(claire.id)).toEqual([tree.section.id]);
    const mails = queuedMails(claire.email!);
    expect(mails.map((m) => m.subject)).toEqual([`Votre adhésion dans la section « ${tree.section.name} » est acceptée`]);
    expect(mails[0]!.text).toContain('vous êtes désormais membre du parti');
    expect(mails[0]!.text).not.toContain('Sabine');
    expect(listMyRequests(viewerOf(claire)).find((r) => r.id === asked.id)).toMatchObject({ status: 'accepted' });
    expect(listSpaceRequests(viewerOf(secretary), tree.section.id).some((r) => r.id === asked.id)).toBe(false);
    // Accepted once: a second decision is a 409.
    expectAppError(() => acceptJoinRequest(viewerOf(secretary), asked.id), 'conflict');
    expectAppError(() => declineJoinRequest(viewerOf(secretary), asked.id, {}), 'conflict');
  });

  it('declined with a message: the person reads the message, never who declined; nothing else changes', async () => {
    const claire = citizen('Claude Refusé');
    const asked = await requestToJoin(viewerOf(claire), tree.section.id, { message: 'Bonjour' });
    const declined = declineJoinRequest(viewerOf(secretary), asked.id, { message: 'Passez d’abord à une réunion publique, le jeudi.' });
    expect(declined).toMatchObject({ status: 'declined', answer: 'Passez d’abord à une réunion publique, le jeudi.' });
    expect(siteRoleOf(claire.id)).toBe('citizen');
    expect(spacesOf(claire.id)).toEqual([]);
    const [mail, ...more] = queuedMails(claire.email!);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`Votre demande d’adhésion dans la section « ${tree.section.name} »`);
    expect(mail!.text).toContain('n’a pas été acceptée');
    expect(mail!.text).toContain('> Passez d’abord à une réunion publique, le jeudi.');
    expect(mail!.text).not.toMatch(/Sabine|Secrétaire/);
    const mine = listMyRequests(viewerOf(claire)).find((r) => r.id === asked.id)!;
    expect(mine).toMatchObject({ status: 'declined', answer: 'Passez d’abord à une réunion publique, le jeudi.' });
    expect(JSON.stringify(mine)).not.toContain(secretary.id);
    // Declined, they may ask again (here, or elsewhere).
    await expect(requestToJoin(viewerOf(claire), tree.otherSection.id, {})).resolves.toMatchObject({ status: 'pending' });
  });

  it('one pending request at a time: a second one is a 409 naming the first section; cancelling frees it', async () => {
    const claire = citizen();
    const first = await requestToJoin(viewerOf(claire), tree.section.id, { message: 'un' });
    await expectAppErrorAsync(requestToJoin(viewerOf(claire), tree.otherSection.id, { message: 'deux' }), 'conflict');
    await expectAppErrorAsync(requestToJoin(viewerOf(claire), tree.section.id, { message: 'encore' }), 'conflict');
    const err = await requestToJoin(viewerOf(claire), tree.otherSection.id, {}).catch((e: unknown) => e as { detail?: { key: string; values?: Record<string, string> } });
    expect(err).toMatchObject({ detail: { key: 'request_pending_exists', values: { space: tree.section.name } } });

    // Only the person cancels; a decider cannot cancel it for them; once cancelled, nobody decides it.
    expectAppError(() => cancelJoinRequest(viewerOf(secretary), first.id), 'forbidden');
    expect(cancelJoinRequest(viewerOf(claire), first.id).status).toBe('cancelled');
    expectAppError(() => cancelJoinRequest(viewerOf(claire), first.id), 'conflict');
    expectAppError(() => acceptJoinRequest(viewerOf(secretary), first.id), 'conflict');
    expect(listSpaceRequests(viewerOf(secretary), tree.section.id).some((r) => r.id === first.id)).toBe(false);
    await expect(requestToJoin(viewerOf(claire), tree.otherSection.id, { message: 'deux' })).resolves.toMatchObject({ status: 'pending' });
  });

  it('who may decide: the section’s secretaries and the federation’s; not another section’s, a member, the citizen', async () => {
    const claire = citizen();
    const asked = await requestToJoin(viewerOf(claire), tree.section.id, {});
    // Those who may not see it at all get a 404 (a request is not known to exist), the asker a 403.
    for (const who of [otherSecretary, sectionMember]) {
      expectAppError(() => acceptJoinRequest(viewerOf(who), asked.id), 'not_found');
      expectAppError(() => declineJoinRequest(viewerOf(who), asked.id, {}), 'not_found');
      expectAppError(() => listSpaceRequests(viewerOf(who), tree.section.id), 'forbidden');
      expect(countPendingRequests(viewerOf(who), tree.section)).toBeNull();
    }
    expectAppError(() => acceptJoinRequest(viewerOf(claire), asked.id), 'forbidden');
    expectAppError(() => listSpaceRequests(viewerOf(claire), tree.section.id), 'forbidden');
    expectAppError(() => acceptJoinRequest(null, asked.id), 'unauthorized');
    // The federation's secretary sees the section's requests on the home page and decides them.
    expect(listSpacesAwaitingDecision(viewerOf(fedSecretary)).find((a) => a.space.id === tree.section.id)?.count).toBeGreaterThanOrEqual(1);
    expect(listSpacesAwaitingDecision(viewerOf(otherSecretary)).some((a) => a.space.id === tree.section.id)).toBe(false);
    expect(acceptJoinRequest(viewerOf(fedSecretary), asked.id).status).toBe('accepted');
    expect(spacesOf(claire.id)).toEqual([tree.section.id]);
  });

  it('who may ask: not anonymous, not a member of the section, not into a federation', async () => {
    await expectAppErrorAsync(requestToJoin(null, tree.section.id, {}), 'unauthorized');
    await expectAppErrorAsync(requestToJoin(viewerOf(sectionMember), tree.section.id, {}), 'conflict');
    await expectAppErrorAsync(requestToJoin(viewerOf(citizen()), tree.federation.id, {}), 'forbidden');
    await expectAppErrorAsync(requestToJoin(viewerOf(citizen()), tree.section.id, { message: 'x'.repeat(2001) }), 'invalid_input', 'message');
    await expectAppErrorAsync(requestToJoin(viewerOf(citizen()), 'nope', {}), 'not_found');
  });

  it('deciders are mailed when requests arrive, at most once an hour per space, naming nobody', async () => {
    const t2 = makeTree();
    const sec = makeUser({ name: 'Henriette', email: uniq('henriette') });
    addMembership(sec, t2.section, 'secretary');
    const fed = makeUser({ email: uniq('fed') });
    addMembership(fed, t2.federation, 'secretary');
    await requestToJoin(viewerOf(citizen('Alice Anonyme')), t2.section.id, { message: 'A' });
    await requestToJoin(viewerOf(citizen('Bruno Burst')), t2.section.id, { message: 'B' });
    const mails = queuedMails(sec.email!);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Des demandes attendent votre réponse — « ${t2.section.name} »`);
    expect(mails[0]!.text).toContain(`/espaces/${t2.section.id}/demandes`);
    expect(mails[0]!.text).not.toMatch(/Alice|Bruno/);
    // A section with its own secretary: the federation's are not mailed (they see the count at home).
    expect(queuedMails(fed.email!)).toHaveLength(0);
    // A section without one: the federation's secretaries are told.
    await requestToJoin(viewerOf(citizen()), t2.otherSection.id, {});
    expect(queuedMails(fed.email!)).toHaveLength(1);
  });

  it('a request that no longer holds is closed, not shown nor accepted (the citizen joined a section another way)', async () => {
    const claire = citizen();
    const asked = await requestToJoin(viewerOf(claire), tree.section.id, {});
    // Meanwhile another section took her in (an invitation).
    db().transaction((tx) => tx.insert(memberships).values({ userId: claire.id, spaceId: tree.otherSection.id, role: 'member' }).run());
    db().update(users).set({ siteRole: 'member' }).where(eq(users.id, claire.id)).run();
    expect(listSpaceRequests(viewerOf(secretary), tree.section.id).some((r) => r.id === asked.id)).toBe(false);
    expect(listMyRequests(viewerOf(claire)).find((r) => r.id === asked.id)?.status).toBe('cancelled');
    expect(myPendingRequestFor(viewerOf(claire), tree.section.id)).toBeNull();
    let err: unknown = null;
    try {
      acceptJoinRequest(viewerOf(secretary), asked.id);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'conflict', detail: { key: 'request_stale' } });
    expect(spacesOf(claire.id)).toEqual([tree.otherSection.id]);
    expect(db().select({ s: joinRequests.status }).from(joinRequests).where(eq(joinRequests.id, asked.id)).get()!.s).toBe('cancelled');
  });
  it('a citizen left with a stale membership row in the section (no right from it) asks and is accepted like anyone', async () => {
    const claire = citizen();
    addMembership(claire, tree.section);
    const asked = await requestToJoin(viewerOf(claire), tree.section.id, {});
    expect(listSpaceRequests(viewerOf(secretary), tree.section.id).some((r) => r.id === asked.id)).toBe(true);
    expect(acceptJoinRequest(viewerOf(secretary), asked.id).status).toBe('accepted');
    expect(siteRoleOf(claire.id)).toBe('member');
    expect(spacesOf(claire.id)).toEqual([tree.section.id]);
  });
});

describe('a member moves to another section (a transfer)', () => {
  it('the receiving secretary accepts: the member moves, pages stay; both sections and the member are told; the old section’s page closes', async () => {
    const mover = makeUser({ name: 'Marcel Mobile', email: uniq('marcel') });
    addMembership(mover, tree.section);
    const page = makePage(sectionMember, tree.section, { visibility: 'space', status: 'published' });
    const toReceiving = queuedMails(otherSecretary.email!).length;
    const asked = await requestToJoin(viewerOf(mover), tree.otherSection.id, { message: 'Je déménage à Colmar.' });
    expect(asked).toMatchObject({ kind: 'transfer', status: 'pending' });
    // The receiving section's secretaries are told a request waits (at most hourly: here the first of this hour, or already told).
    expect(queuedMails(otherSecretary.email!).length - toReceiving).toBeLessThanOrEqual(1);
    expect(queuedMails(otherSecretary.email!).some((m) => m.subject === `Des demandes attendent votre réponse — « ${tree.otherSection.name} »`)).toBe(true);
    expect(listSpaceRequests(viewerOf(otherSecretary), tree.otherSection.id).find((r) => r.id === asked.id)).toMatchObject({
      kind: 'transfer',
      message: 'Je déménage à Colmar.',
      fromSpace: { id: tree.section.id, name: tree.section.name },
    });
    // The sending section's secretary does not decide it.
    expectAppError(() => acceptJoinRequest(viewerOf(secretary), asked.id), 'not_found');

    const p = h.provider(page.id, { token: apiTokenFor(mover) });
    await synced(p);
    const closing = nextClose(p);
    const before = queuedMails(secretary.email!).length;
    expect(acceptJoinRequest(viewerOf(otherSecretary), asked.id).status).toBe('accepted');
    expect(spacesOf(mover.id)).toEqual([tree.otherSection.id]);
    expect(siteRoleOf(mover.id)).toBe('member');
    expect((await closing).code).toBe(CLOSE.forbidden);
    const toSending = queuedMails(secretary.email!).slice(before);
    expect(toSending.map((m) => m.subject)).toEqual([`Marcel Mobile a rejoint la section « ${tree.otherSection.name} »`]);
    expect(queuedMails(mover.email!).map((m) => m.subject)).toEqual([`Votre transfert vers la section « ${tree.otherSection.name} » est accepté`]);
  });

  it('declined: the member stays and is told with the message; the member may cancel while pending', async () => {
    const mover = makeUser({ email: uniq('mover') });
    addMembership(mover, tree.section);
    const asked = await requestToJoin(viewerOf(mover), tree.otherSection.id, {});
    declineJoinRequest(viewerOf(otherSecretary), asked.id, { message: 'Notre section est complète pour le moment.' });
    expect(spacesOf(mover.id)).toEqual([tree.section.id]);
    expect(queuedMails(mover.email!)[0]!.text).toContain('> Notre section est complète pour le moment.');
    expect(queuedMails(mover.email!)[0]!.text).toContain('vous restez membre de votre section');

    const again = await requestToJoin(viewerOf(mover), tree.otherSection.id, {});
    expect(cancelJoinRequest(viewerOf(mover), again.id).status).toBe('cancelled');
    expect(spacesOf(mover.id)).toEqual([tree.section.id]);
  });

  it('a member removed from the party meanwhile: the transfer no longer holds', async () => {
    const mover = makeUser();
    addMembership(mover, tree.section);
    const asked = await requestToJoin(viewerOf(mover), tree.otherSection.id, {});
    db().delete(memberships).where(eq(memberships.userId, mover.id)).run();
    db().update(users).set({ siteRole: 'citizen' }).where(eq(users.id, mover.id)).run();
    expectAppError(() => acceptJoinRequest(viewerOf(otherSecretary), asked.id), 'conflict');
    expect(siteRoleOf(mover.id)).toBe('citizen');
  });
});

describe('groups on request', () => {
  it('a party member asks with a message; an admin accepts (a membership row); open groups refuse requests', async () => {
    const admin = makeUser({ email: uniq('admin') });
    addMembership(admin, tree.section);
    const group = makeGroup(admin, { isOpen: false });
    const open = makeGroup(admin, { isOpen: true });
    const asker = makeUser({ email: uniq('asker') });
    addMembership(asker, tree.otherSection);

    await expectAppErrorAsync(requestToJoin(viewerOf(asker), open.id, {}), 'conflict');
    await expectAppErrorAsync(requestToJoin(viewerOf(citizen()), group.id, {}), 'forbidden');
    const asked = await requestToJoin(viewerOf(asker), group.id, { message: 'Je fais du vélo.' });
    expect(asked.kind).toBe('group');
    // A group request does not count against a section one.
    await expect(requestToJoin(viewerOf(asker), tree.section.id, {})).resolves.toMatchObject({ kind: 'transfer' });
    expect(queuedMails(admin.email!)).toHaveLength(1);

    // A secretary of a section is no decider of a group.
    expectAppError(() => acceptJoinRequest(viewerOf(secretary), asked.id), 'not_found');
    expect(listSpaceRequests(viewerOf(admin), group.id)).toMatchObject([{ id: asked.id, kind: 'group', message: 'Je fais du vélo.', fromSpace: null }]);
    acceptJoinRequest(viewerOf(admin), asked.id);
    expect(spacesOf(asker.id)).toContain(group.id);
    expect(spacesOf(asker.id)).toContain(tree.otherSection.id);
    expect(queuedMails(asker.email!).map((m) => m.subject)).toEqual([`Votre demande pour rejoindre le groupe « ${group.name} » est acceptée`]);
  });

  it('the admins name another admin; the last admin cannot leave before', async () => {
    const admin = makeUser();
    addMembership(admin, tree.section);
    const group = makeGroup(admin, { isOpen: false });
    const asker = makeUser();
    addMembership(asker, tree.section);
    const asked = await requestToJoin(viewerOf(asker), group.id, {});
    acceptJoinRequest(viewerOf(admin), asked.id);

    let err: unknown = null;
    try {
      leaveGroup(viewerOf(admin), group.id);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'conflict', detail: { key: 'lastAdmin' } });
    // A plain member names nobody; an admin does.
    expectAppError(() => setMemberRole(viewerOf(asker), group.id, admin.id, 'member'), 'forbidden');
    expectAppError(() => setMemberRole(viewerOf(admin), group.id, asker.id, 'secretary'), 'invalid_input', 'role');
    setMemberRole(viewerOf(admin), group.id, asker.id, 'admin');
    // The new admin decides requests.
    const third = makeUser();
    addMembership(third, tree.section);
    const next = await requestToJoin(viewerOf(third), group.id, {});
    expect(listSpaceRequests(viewerOf(asker), group.id).map((r) => r.id)).toEqual([next.id]);
    leaveGroup(viewerOf(admin), group.id);
    expect(spacesOf(admin.id)).not.toContain(group.id);
    // The remaining admin is now the last one.
    expectAppError(() => leaveGroup(viewerOf(asker), group.id), 'conflict');
  });
});

describe('no leak to those who ask', () => {
  it('a citizen learns nothing about who is in a section: their requests carry no names, and the members are unlisted to them', async () => {
    const claire = citizen();
    const asked = await requestToJoin(viewerOf(claire), tree.section.id, { message: 'hello' });
    declineJoinRequest(viewerOf(secretary), asked.id, { message: 'Non merci' });
    const seen = JSON.stringify(listMyRequests(viewerOf(claire)));
    for (const name of ['Sabine', 'Michel', secretary.id, sectionMember.id, secretary.email!]) expect(seen).not.toContain(name);
    expect(listSpacesAwaitingDecision(viewerOf(claire))).toEqual([]);
    expectAppError(() => listSpaceRequests(viewerOf(claire), tree.section.id), 'forbidden');
  });
});
