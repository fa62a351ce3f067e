import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { invitations, users } from '@/db/schema';
import { createInvitation, PENDING_ACCOUNT_DAYS, purgePendingAccounts } from '@/server/invitations/invitation-service';
import { setRegistrationOpen } from '@/server/settings/site-settings';
import { expectAppErrorAsync, makeUser, viewerOf } from '@/test/factories';
import { requestSignIn } from './request-sign-in';

const userByEmail = (email: string) => db().select().from(users).where(eq(users.email, email)).get();
let ipSeq = 0;
const ip = () => `10.0.0.${++ipSeq}`;

describe('requestSignIn', () => {
  it('closed registration: an unknown e-mail is answered as a known one, gets no link and creates nobody', async () => {
    expect(await requestSignIn({ email: 'inconnue@coopol.test', ip: ip() })).toEqual({ email: 'inconnue@coopol.test', send: false });
    expect(userByEmail('inconnue@coopol.test')).toBeUndefined();
  });

  it('a known account always gets its link, registration open or not', async () => {
    const u = makeUser({ email: 'connue@coopol.test' });
    expect(await requestSignIn({ email: '  Connue@Coopol.TEST ', ip: ip() })).toEqual({ email: 'connue@coopol.test', send: true });
    expect(db().select().from(users).where(eq(users.email, 'connue@coopol.test')).all().map((r) => r.id)).toEqual([u.id]);
  });

  it('a forged or spent invitation is refused the same for a known and an unknown address', async () => {
    makeUser({ email: 'deja-la@coopol.test' });
    for (const email of ['deja-la@coopol.test', 'pas-encore@coopol.test']) {
      await expectAppErrorAsync(requestSignIn({ email, ip: ip(), invitation: 'x.y' }), 'invalid_input', 'token');
    }
  });

  it('refuses an address that is not one', async () => {
    await expectAppErrorAsync(requestSignIn({ email: 'pas une adresse', ip: ip() }), 'invalid_input');
  });

  it('an invitation admits a new citizen while registration is closed, and counts the use', async () => {
    const inv = createInvitation(viewerOf(makeUser()), { maxUses: 1 });
    const token = inv.url.split('/invitation/')[1]!;
    await requestSignIn({ email: 'invitee@coopol.test', ip: ip(), invitation: token, locale: 'en' });
    expect(userByEmail('invitee@coopol.test')).toMatchObject({ siteRole: 'citizen', locale: 'en' });
    expect(db().select().from(invitations).where(eq(invitations.id, inv.id)).get()?.uses).toBe(1);
    // Spent: the next newcomer is refused, and not created.
    await expectAppErrorAsync(requestSignIn({ email: 'second@coopol.test', ip: ip(), invitation: token }), 'invalid_input', 'token');
    expect(userByEmail('second@coopol.test')).toBeUndefined();
    await expectAppErrorAsync(requestSignIn({ email: 'forged@coopol.test', ip: ip(), invitation: 'x.y' }), 'invalid_input', 'token');
    expect(userByEmail('forged@coopol.test')).toBeUndefined();
  });

  it('an invited account whose link is never opened (a mistyped address) is removed after a few days, and its seat given back', async () => {
    const inv = createInvitation(viewerOf(makeUser()), { maxUses: 2 });
    const token = inv.url.split('/invitation/')[1]!;
    await requestSignIn({ email: 'faute-de-frappe@coopol.test', ip: ip(), invitation: token });
    await requestSignIn({ email: 'bonne-adresse@coopol.test', ip: ip(), invitation: token });
    // The right address opens its link (next-auth sets emailVerified); the other never does.
    db().update(users).set({ emailVerified: new Date() }).where(eq(users.email, 'bonne-adresse@coopol.test')).run();
    const usesOf = () => db().select().from(invitations).where(eq(invitations.id, inv.id)).get()?.uses;
    expect(usesOf()).toBe(2);
    // Not before a few days (the link itself lasts one); then only the unopened one goes (this
    // file's other tests leave pending invitees of their own, hence "at least").
    expect(purgePendingAccounts(new Date(Date.now() + (PENDING_ACCOUNT_DAYS - 1) * 86_400_000))).toBe(0);
    expect(userByEmail('faute-de-frappe@coopol.test')).toBeDefined();
    expect(purgePendingAccounts(new Date(Date.now() + (PENDING_ACCOUNT_DAYS + 1) * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(userByEmail('faute-de-frappe@coopol.test')).toBeUndefined();
    expect(userByEmail('bonne-adresse@coopol.test')).toMatchObject({ siteRole: 'citizen' });
    expect(usesOf()).toBe(1);
    // The seat is back: the corrected address gets in.
    await requestSignIn({ email: 'corrigee@coopol.test', ip: ip(), invitation: token });
    expect(userByEmail('corrigee@coopol.test')).toMatchObject({ siteRole: 'citizen' });
    // Accounts made by hand (the CLI, a secretary) are never touched.
    const byHand = makeUser({ siteRole: 'citizen', email: 'cree-a-la-main@coopol.test' });
    purgePendingAccounts(new Date(Date.now() + 30 * 86_400_000));
    expect(userByEmail('cree-a-la-main@coopol.test')?.id).toBe(byHand.id);
  });

  it('concurrent requests on an invitation with one seat left admit exactly one person', async () => {
    const inv = createInvitation(viewerOf(makeUser()), { maxUses: 1 });
    const token = inv.url.split('/invitation/')[1]!;
    const emails = ['r1', 'r2', 'r3', 'r4'].map((n) => `${n}@race.coopol.test`);
    const results = await Promise.allSettled(emails.map((email) => requestSignIn({ email, ip: ip(), invitation: token })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(emails.filter((e) => userByEmail(e))).toHaveLength(1);
  });

  it('open registration creates a citizen (French by default)', async () => {
    setRegistrationOpen(viewerOf(makeUser({ siteRole: 'admin' })), true);
    try {
      await requestSignIn({ email: 'Nouveau@Coopol.test', ip: ip() });
      expect(userByEmail('nouveau@coopol.test')).toMatchObject({ siteRole: 'citizen', locale: 'fr', deletedAt: null });
    } finally {
      setRegistrationOpen(viewerOf(makeUser({ siteRole: 'admin' })), false);
    }
    expect(await requestSignIn({ email: 'trop-tard@coopol.test', ip: ip() })).toMatchObject({ send: false });
    expect(userByEmail('trop-tard@coopol.test')).toBeUndefined();
  });

  it('rate-limits per e-mail after 5 tries, whatever the IP', async () => {
    makeUser({ email: 'presse@coopol.test' });
    for (let i = 0; i < 5; i++) await requestSignIn({ email: 'presse@coopol.test', ip: ip() });
    await expectAppErrorAsync(requestSignIn({ email: 'PRESSE@coopol.test', ip: ip() }), 'rate_limited');
    // Another address is not affected.
    makeUser({ email: 'calme@coopol.test' });
    await requestSignIn({ email: 'calme@coopol.test', ip: ip() });
  });

  it('rate-limits per IP after 20 tries', async () => {
    const shared = '192.0.2.7';
    for (let i = 0; i < 20; i++) {
      const email = `ip${i}@coopol.test`;
      makeUser({ email });
      await requestSignIn({ email, ip: shared });
    }
    makeUser({ email: 'ip-last@coopol.test' });
    await expectAppErrorAsync(requestSignIn({ email: 'ip-last@coopol.test', ip: shared }), 'rate_limited');
  });

  it('an account created while registration was open and never confirmed is removed after a few days', async () => {
    setRegistrationOpen(viewerOf(makeUser({ siteRole: 'admin' })), true);
    try {
      await requestSignIn({ email: 'jamais-ouvert@coopol.test', ip: ip() });
      await requestSignIn({ email: 'ouvert@coopol.test', ip: ip() });
    } finally {
      setRegistrationOpen(viewerOf(makeUser({ siteRole: 'admin' })), false);
    }
    expect(userByEmail('jamais-ouvert@coopol.test')).toMatchObject({ selfRegistered: true, pendingInvitationId: null });
    db().update(users).set({ emailVerified: new Date() }).where(eq(users.email, 'ouvert@coopol.test')).run();
    purgePendingAccounts(new Date(Date.now() + (PENDING_ACCOUNT_DAYS - 1) * 86_400_000));
    expect(userByEmail('jamais-ouvert@coopol.test')).toBeDefined();
    purgePendingAccounts(new Date(Date.now() + (PENDING_ACCOUNT_DAYS + 1) * 86_400_000));
    expect(userByEmail('jamais-ouvert@coopol.test')).toBeUndefined();
    expect(userByEmail('ouvert@coopol.test')).toMatchObject({ siteRole: 'citizen' });
  });
});
