/**
 * Guests, invitations and answers against a real database (and a real SMTP server for the mail
 * a guest receives): RSVP tokens, the waiting list and its promotion, slots, anonymous sign-ups
 * confirmed by their link, reminders, the organisers' list and who sees addresses, check-in,
 * and that a guest invited by address lands nowhere but on the event.
 */
import net from 'node:net';
import { and, asc, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { eventGuests, eventSlots, events, jobs } from '@/db/schema';
import { drain } from '@/server/jobs/queue';
import { BULK_MAIL_QUEUE, sendMailJob, type Mail } from '@/server/mail/outbox';
import { issueToken } from '@/server/tokens/signed-token';
import { addMembership, expectAppError, makeGroup, makePage, makeTree, makeUser, viewerOf, type UserRow } from '@/test/factories';
import { exportGuestsCsv, neutraliseCell } from './guest-export';
import { checkIn, inviteGuests, listGuests, registerAnonymously, respond, respondWithToken, rsvpBoxView, rsvpTokenView } from './guests';
import { remindNonResponders } from './reminders';
import { guestFromRsvpToken, issueRsvpToken, RSVP_PURPOSE } from './rsvp-tokens';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const tree = makeTree('Rsvp');
const secretary = makeUser({ name: 'Sandrine Secrétaire' });
addMembership(secretary, tree.section, 'secretary');
const organiser = makeUser({ name: 'Omar Organisateur' });
addMembership(organiser, tree.section);
const members = ['Alice', 'Bruno', 'Chloé', 'Driss'].map((name) => {
  const u = makeUser({ name });
  addMembership(u, tree.section);
  return u;
});
const elsewhere = makeUser({ name: 'Émile Ailleurs' });
addMembership(elsewhere, tree.otherSection);
const citizen = makeUser({ siteRole: 'citizen', name: 'Claire Citoyenne' });

type EventOpts = { visibility?: 'public' | 'members' | 'space'; status?: 'draft' | 'published'; capacity?: number | null; slots?: { label: string; capacity: number | null }[]; startsIn?: number };

/** An event page made by `owner` in the section, with its side table (written as the schema says). */
function makeEvent(owner: UserRow, opts: EventOpts = {}): { id: string; slots: string[] } {
  const page = makePage(owner, tree.section, { kind: 'event', visibility: opts.visibility ?? 'space', status: opts.status ?? 'published' });
  const now = Date.now();
  const startsAt = new Date(now + (opts.startsIn ?? 2 * DAY));
  const endsAt = new Date(startsAt.getTime() + 2 * HOUR);
  db().insert(events).values({ pageId: page.id, startsAt, endsAt, place: 'Salle des fêtes, 3 rue du Marché', capacity: opts.capacity ?? null, createdAt: new Date(), updatedAt: new Date() }).run();
  const slots = (opts.slots ?? []).map(
    (s, i) =>
      db()
        .insert(eventSlots)
        .values({ eventId: page.id, label: s.label, startsAt: new Date(startsAt.getTime() + i * HOUR), endsAt: new Date(startsAt.getTime() + (i + 1) * HOUR), capacity: s.capacity, position: i })
        .returning()
        .get().id,
  );
  return { id: page.id, slots };
}

const guestRows = (eventId: string) => db().select().from(eventGuests).where(eq(eventGuests.eventId, eventId)).orderBy(asc(eventGuests.createdAt), asc(eventGuests.id)).all();
const guestByEmail = (eventId: string, email: string) => db().select().from(eventGuests).where(and(eq(eventGuests.eventId, eventId), eq(eventGuests.email, email))).get()!;
const guestByUser = (eventId: string, userId: string) => db().select().from(eventGuests).where(and(eq(eventGuests.eventId, eventId), eq(eventGuests.userId, userId))).get()!;
const tokenOf = (eventId: string, guestId: string) => issueRsvpToken(eventId, guestId, new Date(Date.now() + 3 * DAY));

/** Mails queued (both queues) for `to`, oldest first. */
function mailsTo(to: string): Mail[] {
  return db()
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(sql`${jobs.queue} in ('mail', ${BULK_MAIL_QUEUE})`)
    .orderBy(asc(jobs.id))
    .all()
    .map((j) => j.payload as Mail)
    .filter((m) => m.to === to);
}

const linksOf = (text: string) => [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
const tokenFromLink = (url: string) => new URL(url).pathname.split('/').pop()!;

describe('RSVP tokens', () => {
  const ev = makeEvent(organiser);
  const other = makeEvent(organiser);
  inviteGuests(viewerOf(organiser), ev.id, { emails: ['jeton@exemple.test'] });
  const guest = guestByEmail(ev.id, 'jeton@exemple.test');

  it('names one guest of one event, and works until the event ends', () => {
    const token = tokenOf(ev.id, guest.id);
    expect(guestFromRsvpToken(token).id).toBe(guest.id);
    expect(guestFromRsvpToken(token, { eventId: ev.id }).id).toBe(guest.id);
  });

  it('refuses a forged, tampered, expired or other-purpose link (400) and one used for another event or person (404)', () => {
    const token = tokenOf(ev.id, guest.id);
    const [body, mac] = token.split('.');
    expectAppError(() => guestFromRsvpToken(`${body}.${mac!.slice(0, -2)}xx`), 'invalid_input', 'token');
    // The subject rewritten to another guest, keeping the signature: forged.
    const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), s: `${ev.id}:another` })).toString('base64url');
    expectAppError(() => guestFromRsvpToken(`${forgedBody}.${mac}`), 'invalid_input', 'token');
    expectAppError(() => guestFromRsvpToken('nonsense'), 'invalid_input', 'token');
    expectAppError(() => guestFromRsvpToken(token, { now: Date.now() + 4 * DAY }), 'invalid_input', 'token');
    expectAppError(() => guestFromRsvpToken(issueToken({ purpose: 'invitation', subject: `${ev.id}:${guest.id}`, ttlMs: DAY })), 'invalid_input', 'token');
    // Validly signed, but its guest is not a guest of the event it names, or of the event asked.
    expectAppError(() => guestFromRsvpToken(issueToken({ purpose: RSVP_PURPOSE, subject: `${other.id}:${guest.id}`, ttlMs: DAY })), 'not_found');
    expectAppError(() => guestFromRsvpToken(token, { eventId: other.id }), 'not_found');
    expectAppError(() => guestFromRsvpToken(issueToken({ purpose: RSVP_PURPOSE, subject: `${ev.id}:no-such-guest`, ttlMs: DAY })), 'not_found');
  });

  it('a token issued at invitation expires when the event ends', () => {
    const ended = makeEvent(organiser, { startsIn: 3 * HOUR });
    inviteGuests(viewerOf(organiser), ended.id, { emails: ['fin@exemple.test'] });
    const link = linksOf(mailsTo('fin@exemple.test')[0]!.text)[0]!;
    expect(() => respondWithToken(tokenFromLink(link), { response: 'yes' })).not.toThrow();
    expectAppError(() => respondWithToken(tokenFromLink(link), { response: 'no' }, { now: new Date(Date.now() + 6 * HOUR) }), 'invalid_input', 'token');
  });
});

describe('invitations', () => {
  it('invites the section’s members once each (not the organiser), and addresses once each, normalised', () => {
    const ev = makeEvent(secretary);
    const first = inviteGuests(viewerOf(secretary), ev.id, { spaceId: tree.section.id });
    expect(first).toMatchObject({ invited: members.length + 1, alreadyInvited: 0 }); // the members and the organiser Omar
    expect(guestRows(ev.id).every((g) => g.source === 'member' && g.userId && !g.email && g.confirmedAt)).toBe(true);
    expect(guestRows(ev.id).some((g) => g.userId === secretary.id)).toBe(false);
    expect(inviteGuests(viewerOf(secretary), ev.id, { spaceId: tree.section.id })).toMatchObject({ invited: 0, alreadyInvited: members.length + 1 });
    const byMail = inviteGuests(viewerOf(secretary), ev.id, { emails: ['Zoe@Exemple.test ', 'zoe@exemple.test', 'yann@exemple.test'] });
    expect(byMail).toMatchObject({ invited: 2, alreadyInvited: 0, mailed: 2 });
    expect(inviteGuests(viewerOf(secretary), ev.id, { emails: ['yann@exemple.test'] })).toMatchObject({ invited: 0, alreadyInvited: 1 });
    expect(guestRows(ev.id)).toHaveLength(members.length + 3);
    // Each member got their invitation at their own address.
    expect(mailsTo(members[0]!.email!).at(-1)?.subject).toMatch(/^Invitation : /);
  });

  it('refuses what the rules refuse: a bad address (400), a guest or stranger (403/404), a draft or ended event (409), both or neither target (400)', () => {
    const ev = makeEvent(organiser);
    expectAppError(() => inviteGuests(viewerOf(organiser), ev.id, { emails: ['ok@exemple.test', 'pas une adresse'] }), 'invalid_input', 'emails');
    expectAppError(() => inviteGuests(viewerOf(organiser), ev.id, { emails: [] }), 'invalid_input', 'emails');
    expectAppError(() => inviteGuests(viewerOf(organiser), ev.id, {}), 'invalid_input');
    expectAppError(() => inviteGuests(viewerOf(organiser), ev.id, { spaceId: tree.section.id, emails: ['a@exemple.test'] }), 'invalid_input');
    expectAppError(() => inviteGuests(viewerOf(members[0]!), ev.id, { emails: ['a@exemple.test'] }), 'forbidden');
    expectAppError(() => inviteGuests(viewerOf(elsewhere), ev.id, { emails: ['a@exemple.test'] }), 'not_found');
    expectAppError(() => inviteGuests(null, ev.id, { emails: ['a@exemple.test'] }), 'not_found');
    // Another section's members: the organiser cannot list them.
    expectAppError(() => inviteGuests(viewerOf(organiser), ev.id, { spaceId: tree.otherSection.id }), 'forbidden');
    const draft = makeEvent(organiser, { status: 'draft' });
    expectAppError(() => inviteGuests(viewerOf(organiser), draft.id, { emails: ['a@exemple.test'] }), 'conflict');
    expectAppError(() => inviteGuests(viewerOf(organiser), ev.id, { emails: ['a@exemple.test'] }, { now: new Date(Date.now() + 5 * DAY) }), 'conflict');
    expect(guestRows(ev.id)).toHaveLength(0);
  });

  it('invites a group the organiser belongs to (source group)', () => {
    const group = makeGroup(organiser);
    const joiner = makeUser({ name: 'Gaspard du groupe' });
    addMembership(joiner, group);
    const ev = makeEvent(organiser);
    expect(inviteGuests(viewerOf(organiser), ev.id, { spaceId: group.id })).toMatchObject({ invited: 1 });
    expect(guestByUser(ev.id, joiner.id).source).toBe('group');
  });

  it('an address invited stays on the event only: no account is matched to it, no other table gains a row', () => {
    const ev = makeEvent(organiser);
    const tables = db()
      .all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%'`)
      .map((t) => t.name)
      .filter((t) => t !== 'event_guests' && t !== 'jobs');
    const count = () => Object.fromEntries(tables.map((t) => [t, db().get<{ n: number }>(sql`select count(*) as n from ${sql.identifier(t)}`)!.n]));
    const before = count();
    // One outsider, and an address that belongs to a member's account.
    inviteGuests(viewerOf(organiser), ev.id, { emails: ['dehors@exemple.test', members[1]!.email!] });
    expect(count()).toEqual(before);
    const rows = guestRows(ev.id);
    expect(rows.map((g) => [g.email, g.userId, g.source])).toEqual(
      expect.arrayContaining([
        ['dehors@exemple.test', null, 'email'],
        [members[1]!.email!, null, 'email'],
      ]),
    );
    expect(rows).toHaveLength(2);
    // Bruno's own view of the event knows nothing of that row: he was not invited as himself.
    expect(rsvpBoxView(viewerOf(members[1]!), ev.id).mine).toBeNull();
  });
});

describe('the invitation a guest receives (real SMTP server)', () => {
  const received: ParsedMail[] = [];
  let server: SMTPServer;
  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, _s, cb) {
        simpleParser(stream)
          .then((m) => {
            received.push(m);
            cb();
          })
          .catch(cb);
      },
    });
    const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.server.address() as net.AddressInfo).port)));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('has three links that answer without an account, HTML and text, and the event as an .ics that parses', async () => {
    const ev = makeEvent(organiser, { visibility: 'public' });
    await drain({ mail: sendMailJob, [BULK_MAIL_QUEUE]: sendMailJob }); // earlier tests' mails
    received.length = 0;
    inviteGuests(viewerOf(organiser), ev.id, { emails: ['invitee@exemple.test'] });
    expect(await drain({ mail: sendMailJob, [BULK_MAIL_QUEUE]: sendMailJob })).toBe(1);
    const mail = received.find((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === 'invitee@exemple.test')!;
    expect(mail.subject).toMatch(/^Invitation : Page \d+/);
    // The organising space invites: an outside guest learns no member's name (party membership is art. 9 data).
    expect(mail.text).toContain(`${tree.section.name} vous invite`);
    expect(`${mail.text}\n${mail.html}`).not.toContain('Omar Organisateur');
    expect(mail.text).toContain('Salle des fêtes, 3 rue du Marché');
    expect(mail.html).toContain('Oui, je participe');
    const links = linksOf(mail.text!).filter((l) => l.includes('/rsvp/'));
    expect(links.map((l) => new URL(l).searchParams.get('r'))).toEqual(['yes', 'maybe', 'no']);
    // The public event's page is linked; the guest's address is nowhere in the links.
    expect(mail.text).toContain(`/pages/${ev.id}`);
    expect(links.join(' ')).not.toContain('invitee');
    const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    expect(ics.filename).toBe('evenement.ics');
    const vevent = new ICAL.Component(ICAL.parse(ics.content.toString('utf8'))).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toMatch(/^Page \d+/);
    // The link answers.
    expect(respondWithToken(tokenFromLink(links[2]!), { response: 'no' })).toMatchObject({ response: 'no', waitlisted: false });
    expect(guestByEmail(ev.id, 'invitee@exemple.test').response).toBe('no');
  });
});

describe('answers and the waiting list', () => {
  it('a full event puts the next « oui » on the waiting list, in order; a cancellation promotes the first and tells them', () => {
    const ev = makeEvent(organiser, { capacity: 2 });
    inviteGuests(viewerOf(organiser), ev.id, { emails: ['w1@exemple.test', 'w2@exemple.test', 'w3@exemple.test', 'w4@exemple.test'] });
    const t = (n: number) => tokenOf(ev.id, guestByEmail(ev.id, `w${n}@exemple.test`).id);
    const now = Date.now();
    expect(respondWithToken(t(1), { response: 'yes' }, { now: new Date(now) })).toMatchObject({ waitlisted: false, position: null });
    expect(respondWithToken(t(2), { response: 'yes' }, { now: new Date(now + 1) })).toMatchObject({ waitlisted: false });
    expect(respondWithToken(t(3), { response: 'yes' }, { now: new Date(now + 2) })).toMatchObject({ waitlisted: true, position: 1 });
    expect(respondWithToken(t(4), { response: 'yes' }, { now: new Date(now + 3) })).toMatchObject({ waitlisted: true, position: 2 });
    // Saying « oui » again keeps one's place in line.
    expect(respondWithToken(t(3), { response: 'yes' }, { now: new Date(now + 4) })).toMatchObject({ waitlisted: true, position: 1 });
    // « peut-être » takes no seat.
    expect(rsvpBoxView(viewerOf(organiser), ev.id).remaining).toBe(0);
    expect(mailsTo('w3@exemple.test').some((m) => /place s’est libérée/.test(m.subject))).toBe(false);
    expect(respondWithToken(t(1), { response: 'maybe' }, { now: new Date(now + 5) })).toMatchObject({ response: 'maybe', waitlisted: false });
    expect(guestByEmail(ev.id, 'w3@exemple.test')).toMatchObject({ waitlisted: false, response: 'yes' });
    expect(guestByEmail(ev.id, 'w4@exemple.test')).toMatchObject({ waitlisted: true });
    const told = mailsTo('w3@exemple.test').at(-1)!;
    expect(told.subject).toMatch(/^Une place s’est libérée/);
    expect(linksOf(told.text).some((l) => l.includes('/rsvp/'))).toBe(true);
    expect(respondWithToken(t(4), { response: 'yes' }, { now: new Date(now + 6) })).toMatchObject({ waitlisted: true, position: 1 });
    // Someone waiting who gives up frees nobody's seat; a seated one who says no promotes w4.
    respondWithToken(t(2), { response: 'no' }, { now: new Date(now + 7) });
    expect(guestByEmail(ev.id, 'w4@exemple.test')).toMatchObject({ waitlisted: false });
    expect(listGuests(viewerOf(organiser), ev.id).counts).toMatchObject({ registered: 2, waitlisted: 0, maybe: 1, no: 1 });
  });

  it('more seats given by the organisers go to those waiting, in line order, who are told', async () => {
    const { updateEvent } = await import('./event-service');
    const ev = makeEvent(organiser, { capacity: 1 });
    inviteGuests(viewerOf(organiser), ev.id, { emails: ['g1@exemple.test', 'g2@exemple.test', 'g3@exemple.test'] });
    const t = (n: number) => tokenOf(ev.id, guestByEmail(ev.id, `g${n}@exemple.test`).id);
    const now = Date.now();
    respondWithToken(t(1), { response: 'yes' }, { now: new Date(now) });
    respondWithToken(t(2), { response: 'yes' }, { now: new Date(now + 1) });
    respondWithToken(t(3), { response: 'yes' }, { now: new Date(now + 2) });
    expect(guestByEmail(ev.id, 'g2@exemple.test').waitlisted).toBe(true);
    updateEvent(viewerOf(organiser), ev.id, { place: 'Ailleurs' }); // no seat changed: nobody moves
    expect(guestByEmail(ev.id, 'g2@exemple.test').waitlisted).toBe(true);
    updateEvent(viewerOf(organiser), ev.id, { capacity: 2 });
    expect(guestByEmail(ev.id, 'g2@exemple.test').waitlisted).toBe(false);
    expect(guestByEmail(ev.id, 'g3@exemple.test').waitlisted).toBe(true);
    expect(mailsTo('g2@exemple.test').at(-1)!.subject).toMatch(/^Une place s’est libérée/);
    expect(mailsTo('g3@exemple.test').some((m) => /place s’est libérée/.test(m.subject))).toBe(false);
  });

  it('slots: each has its own capacity; a « oui » needs a slot of this event; changing slot frees a seat', () => {
    const ev = makeEvent(organiser, { slots: [{ label: 'Matin', capacity: 1 }, { label: 'Midi', capacity: 1 }] });
    const other = makeEvent(organiser, { slots: [{ label: 'Ailleurs', capacity: 5 }] });
    inviteGuests(viewerOf(organiser), ev.id, { emails: ['s1@exemple.test', 's2@exemple.test'] });
    const t1 = tokenOf(ev.id, guestByEmail(ev.id, 's1@exemple.test').id);
    const t2 = tokenOf(ev.id, guestByEmail(ev.id, 's2@exemple.test').id);
    expectAppError(() => respondWithToken(t1, { response: 'yes' }), 'invalid_input', 'slotId');
    expectAppError(() => respondWithToken(t1, { response: 'yes', slotId: other.slots[0] }), 'invalid_input', 'slotId');
    expectAppError(() => respondWithToken(t1, { response: 'peut-être' as never }), 'invalid_input', 'response');
    expect(respondWithToken(t1, { response: 'yes', slotId: ev.slots[0] })).toMatchObject({ waitlisted: false, slotId: ev.slots[0] });
    expect(respondWithToken(t2, { response: 'yes', slotId: ev.slots[0] })).toMatchObject({ waitlisted: true, position: 1 });
    expect(rsvpBoxView(viewerOf(organiser), ev.id).slots.map((s) => s.remaining)).toEqual([0, 1]);
    // s1 moves to the other slot: s2 gets the morning seat.
    expect(respondWithToken(t1, { response: 'yes', slotId: ev.slots[1] })).toMatchObject({ waitlisted: false, slotId: ev.slots[1] });
    expect(guestByEmail(ev.id, 's2@exemple.test')).toMatchObject({ waitlisted: false, slotId: ev.slots[0] });
    expect(rsvpBoxView(viewerOf(organiser), ev.id).slots.map((s) => s.remaining)).toEqual([0, 0]);
  });

  it('signed-in people who read a published event answer it and become `self` guests; others are refused', () => {
    const pub = makeEvent(organiser, { visibility: 'public', capacity: 10 });
    expect(respond(viewerOf(citizen), pub.id, { response: 'yes' })).toMatchObject({ response: 'yes', waitlisted: false });
    expect(guestByUser(pub.id, citizen.id)).toMatchObject({ source: 'self', response: 'yes' });
    expect(respond(viewerOf(citizen), pub.id, { response: 'no' })).toMatchObject({ response: 'no' });
    expect(guestRows(pub.id)).toHaveLength(1);
    const sectionOnly = makeEvent(organiser);
    expect(respond(viewerOf(members[2]!), sectionOnly.id, { response: 'maybe' })).toMatchObject({ response: 'maybe' });
    expectAppError(() => respond(viewerOf(elsewhere), sectionOnly.id, { response: 'yes' }), 'not_found');
    expectAppError(() => respond(null, pub.id, { response: 'yes' }), 'unauthorized');
    const draft = makeEvent(organiser, { status: 'draft' });
    expectAppError(() => respond(viewerOf(organiser), draft.id, { response: 'yes' }), 'forbidden');
    expectAppError(() => respond(viewerOf(citizen), pub.id, { response: 'yes' }, { now: new Date(Date.now() + 5 * DAY) }), 'conflict');
    // An invited member answers on the page with their invitation's row.
    const invited = makeEvent(organiser);
    inviteGuests(viewerOf(organiser), invited.id, { spaceId: tree.section.id });
    respond(viewerOf(members[3]!), invited.id, { response: 'yes' });
    expect(guestByUser(invited.id, members[3]!.id)).toMatchObject({ source: 'member', response: 'yes' });
  });

  it('an anonymous visitor of a public event counts only once their address is confirmed; a second sign-up says and does the same', () => {
    const pub = makeEvent(organiser, { visibility: 'public', capacity: 1 });
    const t0 = Math.floor(Date.now() / 60_000) * 60_000; // the start of a minute
    const first = registerAnonymously(pub.id, { response: 'yes', email: ' Anon@Exemple.test', name: 'Anne Onyme' }, { now: new Date(t0) });
    expect(first).toEqual({ status: 'confirmation_sent' });
    expect(guestByEmail(pub.id, 'anon@exemple.test')).toMatchObject({ source: 'public', response: 'yes', confirmedAt: null, name: 'Anne Onyme' });
    expect(rsvpBoxView(null, pub.id).remaining).toBe(1);
    expect(listGuests(viewerOf(organiser), pub.id).counts).toMatchObject({ registered: 0, pending: 1 });
    expect(registerAnonymously(pub.id, { response: 'yes', email: 'anon@exemple.test', name: 'Anne Onyme' }, { now: new Date(t0 + 5_000) })).toEqual(first);
    // Within the same minute no second mail leaves (the form cannot flood a mailbox); later, it does.
    expect(mailsTo('anon@exemple.test')).toHaveLength(1);
    expect(registerAnonymously(pub.id, { response: 'yes', email: 'anon@exemple.test', name: 'Anne Onyme' }, { now: new Date(t0 + 120_000) })).toEqual(first);
    expect(guestRows(pub.id)).toHaveLength(1);
    const mails = mailsTo('anon@exemple.test');
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toMatch(/^Confirmez votre réponse/);
    // The link confirms, and the answer counts.
    const link = linksOf(mails[1]!.text).find((l) => l.includes('/rsvp/'))!;
    expect(new URL(link).searchParams.get('r')).toBe('yes');
    expect(rsvpTokenView(tokenFromLink(link)).mine).toMatchObject({ confirmed: false, response: 'yes' });
    expect(respondWithToken(tokenFromLink(link), { response: 'yes' })).toMatchObject({ confirmed: true, waitlisted: false });
    expect(rsvpBoxView(null, pub.id).remaining).toBe(0);
    // Once confirmed, a new sign-up of that address changes nothing and sends the link again.
    expect(registerAnonymously(pub.id, { response: 'no', email: 'anon@exemple.test', name: 'Quelqu’un d’autre' }, { now: new Date(t0 + 240_000) })).toEqual(first);
    expect(guestByEmail(pub.id, 'anon@exemple.test')).toMatchObject({ response: 'yes', name: 'Anne Onyme' });
    expect(mailsTo('anon@exemple.test')).toHaveLength(3);
    // The next confirmed « oui » waits.
    registerAnonymously(pub.id, { response: 'yes', email: 'second@exemple.test', name: 'Second' });
    const link2 = linksOf(mailsTo('second@exemple.test')[0]!.text).find((l) => l.includes('/rsvp/'))!;
    expect(respondWithToken(tokenFromLink(link2), { response: 'yes' })).toMatchObject({ waitlisted: true, position: 1 });
  });

  it('anonymous sign-ups only on a public, published event; input named when wrong', () => {
    const members_ = makeEvent(organiser, { visibility: 'members' });
    expectAppError(() => registerAnonymously(members_.id, { response: 'yes', email: 'x@exemple.test', name: 'X' }), 'not_found');
    const pub = makeEvent(organiser, { visibility: 'public' });
    expectAppError(() => registerAnonymously(pub.id, { response: 'yes', email: 'pas-une-adresse', name: 'X' }), 'invalid_input', 'email');
    expectAppError(() => registerAnonymously(pub.id, { response: 'yes', email: 'x@exemple.test', name: '  ' }), 'invalid_input', 'name');
    expect(guestRows(pub.id)).toHaveLength(0);
  });
});

describe('reminders, the organisers’ list, check-in and export', () => {
  it('reminds those invited who have not answered, never twice within an hour', () => {
    const ev = makeEvent(organiser);
    const t0 = Date.now();
    inviteGuests(viewerOf(organiser), ev.id, { emails: ['r1@exemple.test', 'r2@exemple.test', 'r3@exemple.test'] }, { now: new Date(t0) });
    respondWithToken(tokenOf(ev.id, guestByEmail(ev.id, 'r1@exemple.test').id), { response: 'yes' });
    expect(remindNonResponders(viewerOf(organiser), ev.id, { now: new Date(t0 + 10 * 60_000) })).toEqual({ reminded: 0 });
    expect(remindNonResponders(viewerOf(organiser), ev.id, { now: new Date(t0 + HOUR + 1) })).toEqual({ reminded: 2 });
    expect(remindNonResponders(viewerOf(organiser), ev.id, { now: new Date(t0 + HOUR + 30 * 60_000) })).toEqual({ reminded: 0 });
    expect(mailsTo('r2@exemple.test').map((m) => m.subject.split(' : ')[0])).toEqual(['Invitation', 'Rappel']);
    expect(mailsTo('r1@exemple.test')).toHaveLength(1);
    expect(remindNonResponders(viewerOf(organiser), ev.id, { now: new Date(t0 + 2 * HOUR + 60_000) })).toEqual({ reminded: 2 });
    expectAppError(() => remindNonResponders(viewerOf(members[0]!), ev.id), 'forbidden');
  });

  it('organisers see names; addresses only where they may (those who manage the space; guests invited by address)', () => {
    const ev = makeEvent(organiser, { visibility: 'public' });
    inviteGuests(viewerOf(organiser), ev.id, { spaceId: tree.section.id });
    inviteGuests(viewerOf(organiser), ev.id, { emails: ['par-adresse@exemple.test'] });
    registerAnonymously(ev.id, { response: 'yes', email: 'inscrite@exemple.test', name: 'Inès Inscrite' });
    const byOrganiser = listGuests(viewerOf(organiser), ev.id);
    const names = byOrganiser.guests.map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(['Alice', 'Bruno', 'Sandrine Secrétaire', 'par-adresse@exemple.test', 'Inès Inscrite']));
    expect(byOrganiser.guests.filter((g) => g.email).map((g) => g.email)).toEqual(['par-adresse@exemple.test']);
    expect(JSON.stringify(byOrganiser)).not.toContain(members[0]!.email!);
    expect(JSON.stringify(byOrganiser)).not.toContain('inscrite@exemple.test');
    const bySecretary = listGuests(viewerOf(secretary), ev.id);
    expect(bySecretary.showsAddresses).toBe(true);
    expect(bySecretary.guests.find((g) => g.name === 'Alice')?.email).toBe(members[0]!.email);
    expect(bySecretary.guests.find((g) => g.name === 'Inès Inscrite')?.email).toBe('inscrite@exemple.test');
    // Guests and outsiders get nothing.
    expectAppError(() => listGuests(viewerOf(members[0]!), ev.id), 'forbidden');
    expectAppError(() => listGuests(viewerOf(citizen), ev.id), 'forbidden');
    expectAppError(() => listGuests(null, ev.id), 'unauthorized');
    // Search and filters.
    expect(listGuests(viewerOf(organiser), ev.id, { q: 'chloe' }).guests.map((g) => g.name)).toEqual(['Chloé']);
    expect(listGuests(viewerOf(organiser), ev.id, { q: members[0]!.email! }).guests).toHaveLength(0);
    expect(listGuests(viewerOf(organiser), ev.id, { response: 'pending' }).guests.map((g) => g.name)).toEqual(['Inès Inscrite']);
    expect(listGuests(viewerOf(organiser), ev.id, { response: 'none' }).guests).toHaveLength(members.length + 2);
  });

  it('what a guest or a visitor is shown names nobody: seat counts only, and their own answer', () => {
    const ev = makeEvent(organiser, { visibility: 'public', capacity: 3 });
    inviteGuests(viewerOf(organiser), ev.id, { spaceId: tree.section.id });
    inviteGuests(viewerOf(organiser), ev.id, { emails: ['discrete@exemple.test'] });
    respond(viewerOf(members[0]!), ev.id, { response: 'yes' });
    registerAnonymously(ev.id, { response: 'yes', email: 'visible@exemple.test', name: 'Victor Visible' });
    const others = [members[0]!.name!, members[0]!.email!, 'discrete@exemple.test', 'visible@exemple.test', 'Victor Visible', secretary.email!];
    const shown = [
      rsvpBoxView(null, ev.id),
      rsvpBoxView(viewerOf(citizen), ev.id),
      rsvpBoxView(viewerOf(members[1]!), ev.id),
      rsvpTokenView(tokenOf(ev.id, guestByUser(ev.id, members[1]!.id).id)),
      rsvpTokenView(tokenOf(ev.id, guestByEmail(ev.id, 'discrete@exemple.test').id)),
    ].map((v) => JSON.stringify(v));
    for (const payload of shown) for (const secret of others) expect(payload).not.toContain(secret);
    expect(rsvpBoxView(viewerOf(members[1]!), ev.id)).toMatchObject({ manage: null, remaining: 2 });
  });

  it('checks people in at the door and counts them', () => {
    const ev = makeEvent(organiser);
    inviteGuests(viewerOf(organiser), ev.id, { spaceId: tree.section.id });
    const alice = guestByUser(ev.id, members[0]!.id);
    respond(viewerOf(members[0]!), ev.id, { response: 'yes' });
    respond(viewerOf(members[1]!), ev.id, { response: 'yes' });
    expect(checkIn(viewerOf(organiser), ev.id, alice.id, true)).toMatchObject({ attended: 1, registered: 2 });
    expect(guestByUser(ev.id, members[0]!.id)).toMatchObject({ attended: true });
    expect(checkIn(viewerOf(secretary), ev.id, alice.id, false)).toMatchObject({ attended: 0 });
    expect(guestByUser(ev.id, members[0]!.id)).toMatchObject({ attended: false, attendedAt: null });
    expectAppError(() => checkIn(viewerOf(members[1]!), ev.id, alice.id, true), 'forbidden');
    const other = makeEvent(organiser);
    expectAppError(() => checkIn(viewerOf(organiser), other.id, alice.id, true), 'not_found');
  });

  it('exports the list as CSV with formula injection neutralised', () => {
    expect(['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', '\rx', 'Alice', ''].map(neutraliseCell)).toEqual(["'=1+1", "'+33 6", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'Alice', '']);
    const ev = makeEvent(organiser, { visibility: 'public' });
    registerAnonymously(ev.id, { response: 'yes', email: 'formule@exemple.test', name: '=HYPERLINK("http://mal.test","Cliquez")' });
    inviteGuests(viewerOf(organiser), ev.id, { emails: ['+33@exemple.test'] });
    const csv = exportGuestsCsv(viewerOf(secretary), ev.id);
    expect(csv.startsWith('\ufeffNom,Adresse,Réponse')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://mal.test"",""Cliquez"")",formule@exemple.test,oui`);
    expect(csv).toContain("'+33@exemple.test,'+33@exemple.test,sans réponse");
    expect(csv.split('\n').some((line) => /^[=+\-@]/.test(line) || /,[=+\-@]/.test(line))).toBe(false);
    expectAppError(() => exportGuestsCsv(viewerOf(members[0]!), ev.id), 'forbidden');
  });
});
