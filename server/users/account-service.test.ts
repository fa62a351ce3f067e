import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { accounts, apiTokens, jobs, memberships, pageAuthors, pages, sessions, users, verificationTokens } from '@/db/schema';
import { createSignInLink } from '@/server/auth/sign-in-link';
import { createInvitation } from '@/server/invitations/invitation-service';
import { getPage, updatePage } from '@/server/pages/page-service';
import { pageRevision } from '@/server/pages/based-write';
import { addMembership, expectAppError, expectAppErrorAsync, makeGroup, makePage, makeTree, makeUser, queuedMails, viewerOf, type Tree, type UserRow } from '@/test/factories';
import { authenticateApiToken, createApiToken } from './api-tokens';
import { confirmEmailChange, deleteAccount, getProfile, requestEmailChange } from './account-service';
import { exportMyData } from './export-data';

let tree: Tree;
let alice: UserRow, bob: UserRow;

function addSession(user: UserRow, token: string) {
  db().insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 86_400_000) }).run();
}

beforeAll(() => {
  tree = makeTree('Compte');
  alice = makeUser({ name: 'Alice Martin', email: 'alice@coopol.test' });
  bob = makeUser({ name: 'Bob Durand', email: 'bob@coopol.test' });
  addMembership(alice, tree.section);
  addMembership(bob, tree.otherSection);
  makeGroup(bob, { name: 'Groupe de Bob' });
  makePage(alice, tree.section, { title: 'Texte d’Alice', markdown: 'Le **programme** d’Alice.' });
  makePage(bob, tree.otherSection, { title: 'Texte de Bob', markdown: 'Le secret de Bob.' });
  addSession(alice, 'alice-session-token');
  addSession(bob, 'bob-session-token');
  createApiToken(alice.id, 'Jeton Alice');
  createApiToken(bob.id, 'Jeton Bob');
  createInvitation(viewerOf(alice), { note: 'invitation Alice' });
  createInvitation(viewerOf(bob), { note: 'invitation Bob' });
});

describe('exportMyData', () => {
  it("holds the person's profile, memberships, pages (as Markdown), sessions, tokens and invitations", () => {
    const data = exportMyData(alice.id);
    expect(data.profile).toMatchObject({ id: alice.id, name: 'Alice Martin', email: 'alice@coopol.test', siteRole: 'member' });
    expect(data.memberships).toEqual([expect.objectContaining({ space: tree.section.name, kind: 'section', role: 'member' })]);
    expect(data.pages).toEqual([expect.objectContaining({ title: 'Texte d’Alice', markdown: 'Le **programme** d’Alice.' })]);
    expect(data.sessions).toHaveLength(1);
    expect(data.apiTokens.map((t) => t.name)).toEqual(['Jeton Alice']);
    expect(data.invitations.map((i) => i.note)).toEqual(['invitation Alice']);
  });

  it("contains nothing of anybody else's", () => {
    const json = JSON.stringify(exportMyData(alice.id));
    for (const foreign of ['Bob', 'bob@coopol.test', 'bob-session-token', 'alice-session-token', tree.otherSection.name, 'Groupe de Bob', 'secret']) {
      expect(json, foreign).not.toContain(foreign);
    }
  });

  it('is refused for a deleted account', () => {
    const gone = makeUser();
    deleteAccount(gone.id);
    expectAppError(() => exportMyData(gone.id), 'not_found');
    expectAppError(() => getProfile(gone.id), 'not_found');
  });
});

describe('deleteAccount', () => {
  it('wipes name and e-mail, sessions, tokens, memberships and pending sign-in links; keeps the texts', () => {
    const carol = makeUser({ name: 'Carol Petit', email: 'carol@coopol.test' });
    addMembership(carol, tree.section);
    const page = makePage(carol, tree.section, { title: 'Motion de Carol', status: 'published', visibility: 'members', markdown: 'Texte commun.' });
    // Alice edits it too: the page is co-written and must survive.
    updatePage(viewerOf(alice), page.id, { markdown: 'Texte commun, amendé.', baseRevision: pageRevision(page.id) });
    addSession(carol, 'carol-session-token');
    const { token } = createApiToken(carol.id, 'Jeton Carol');
    createSignInLink('carol@coopol.test');
    db().insert(accounts).values({ userId: carol.id, type: 'oidc', provider: 'exemple', providerAccountId: 'carol-ext' }).run();

    deleteAccount(carol.id);

    const row = db().select().from(users).where(eq(users.id, carol.id)).get()!;
    expect(row).toMatchObject({ name: null, email: null, image: null, emailVerified: null, siteRole: 'citizen' });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(db().select().from(sessions).where(eq(sessions.userId, carol.id)).all()).toEqual([]);
    expect(db().select().from(apiTokens).where(eq(apiTokens.userId, carol.id)).all()).toEqual([]);
    expect(db().select().from(memberships).where(eq(memberships.userId, carol.id)).all()).toEqual([]);
    expect(db().select().from(accounts).where(eq(accounts.userId, carol.id)).all()).toEqual([]);
    expect(db().select().from(verificationTokens).where(eq(verificationTokens.identifier, 'carol@coopol.test')).all()).toEqual([]);
    expect(authenticateApiToken(token)).toBeNull();
    expect(viewerOf(carol)).toBeNull();

    // The text stays, with its authorship, shown as a former member.
    expect(db().select().from(pages).where(eq(pages.id, page.id)).get()?.title).toBe('Motion de Carol');
    expect(db().select().from(pageAuthors).where(eq(pageAuthors.pageId, page.id)).all().map((a) => a.userId)).toContain(carol.id);
    const view = getPage(viewerOf(bob), page.id);
    expect(view.body.markdown).toBe('Texte commun, amendé.');
    expect(view.authors.find((a) => a.id === carol.id)).toMatchObject({ name: null });
    expect(view.authors.find((a) => a.id === carol.id)?.deletedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(view)).not.toContain('carol@coopol.test');

    // Other people's data is untouched.
    expect(getProfile(alice.id).email).toBe('alice@coopol.test');
    expect(db().select().from(sessions).where(eq(sessions.userId, alice.id)).all()).toHaveLength(1);
  });
});

describe('e-mail change', () => {
  const linkIn = (to: string) => {
    const job = db().select().from(jobs).where(eq(jobs.queue, 'mail')).all().filter((j) => (j.payload as { to: string }).to === to).at(-1);
    const m = /token=([^\s]+)/.exec((job?.payload as { text: string } | undefined)?.text ?? '');
    return decodeURIComponent(m![1]!);
  };

  let ipSeq = 0;
  const ip = () => `10.1.0.${++ipSeq}`;

  it('mails a single-use link to the new address; opening it changes the address', async () => {
    const dan = makeUser({ email: 'dan@coopol.test' });
    await requestEmailChange(dan.id, ' Dan.Nouveau@Coopol.test ', { ip: ip() });
    const token = linkIn('dan.nouveau@coopol.test');
    expect(getProfile(dan.id).email).toBe('dan@coopol.test');
    confirmEmailChange(token);
    expect(getProfile(dan.id)).toMatchObject({ email: 'dan.nouveau@coopol.test' });
    expect(getProfile(dan.id).emailVerified).toBeInstanceOf(Date);
    expectAppError(() => confirmEmailChange(token), 'invalid_input', 'token');
  });

  it('answers the same for an address another account uses: no link, only a notice to its holder', async () => {
    const erin = makeUser();
    const before = queuedMails('alice@coopol.test').length;
    await expect(requestEmailChange(erin.id, 'alice@coopol.test', { ip: ip() })).resolves.toBeUndefined();
    await expect(requestEmailChange(erin.id, 'libre@coopol.test', { ip: ip() })).resolves.toBeUndefined();
    const notices = queuedMails('alice@coopol.test').slice(before);
    expect(notices.map((m) => m.subject)).toEqual(['Votre adresse a été proposée pour un autre compte Coopol']);
    expect(notices[0]!.text).not.toContain('token=');
    expect(queuedMails('libre@coopol.test')[0]!.text).toContain('token=');
    // One's own address: nothing to confirm, nothing sent.
    await requestEmailChange(erin.id, erin.email!, { ip: ip() });
    expect(queuedMails(erin.email!)).toEqual([]);
    expect(getProfile(erin.id).email).toBe(erin.email);
  });

  it('is rate-limited per person and per IP', async () => {
    const gil = makeUser();
    for (let i = 0; i < 5; i++) await requestEmailChange(gil.id, `gil${i}@coopol.test`, { ip: ip() });
    await expectAppErrorAsync(requestEmailChange(gil.id, 'gil-encore@coopol.test', { ip: ip() }), 'rate_limited');
    const shared = '192.0.2.99';
    for (let i = 0; i < 20; i++) await requestEmailChange(makeUser().id, `ip${i}@coopol.test`, { ip: shared });
    await expectAppErrorAsync(requestEmailChange(makeUser().id, 'ip-encore@coopol.test', { ip: shared }), 'rate_limited');
  });

  it('a link pending when the account was deleted does not put an e-mail back on it', async () => {
    const fred = makeUser({ email: 'fred@coopol.test' });
    await requestEmailChange(fred.id, 'fred.bis@coopol.test', { ip: ip() });
    const token = linkIn('fred.bis@coopol.test');
    deleteAccount(fred.id);
    expectAppError(() => confirmEmailChange(token), 'invalid_input', 'token');
    expect(db().select().from(users).where(eq(users.id, fred.id)).get()?.email).toBeNull();
  });
});
