import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { eventGuests, eventSlots, events, pages } from '@/db/schema';
import { getPage, updatePage } from '@/server/pages/page-service';
import { addMembership, expectAppError, makeGroup, makePage, makeTree, makeUser, viewerOf, type Tree, type UserRow } from '@/test/factories';
import { createEvent, getEventView, updateEvent, writeMinutes } from './event-service';
import { listMyEvents, listSpaceEvents } from './event-queries';

let tree: Tree;
let secretary: UserRow, member: UserRow, outsider: UserRow, citizen: UserRow, other: UserRow;

beforeAll(() => {
  tree = makeTree('Events');
  secretary = makeUser({ name: 'Secrétaire Events' });
  member = makeUser({ name: 'Membre Events' });
  outsider = makeUser({ name: 'Ailleurs Events' });
  other = makeUser({ name: 'Autre Events' });
  citizen = makeUser({ siteRole: 'citizen', name: 'Citoyenne Events' });
  addMembership(secretary, tree.section, 'secretary');
  addMembership(member, tree.section);
  addMembership(outsider, tree.otherSection);
  addMembership(other, tree.section);
});

const leafleting = () => ({
  title: 'Tractage du marché',
  startsAt: '2027-03-28T08:00',
  endsAt: '2027-03-28T13:00',
  place: 'Marché de la Croix-Rousse, Lyon',
  capacity: 30,
  slots: [
    { label: 'Première équipe', startsAt: '2027-03-28T08:00', endsAt: '2027-03-28T09:30', capacity: 4 },
    { label: 'Deuxième équipe', startsAt: '2027-03-28T09:30', endsAt: '2027-03-28T11:00', capacity: 4 },
    { startsAt: '2027-03-28T11:00', endsAt: '2027-03-28T13:00' },
  ],
  visibility: 'space' as const,
});

describe('createEvent', () => {
  it('writes the page (kind event, the template as agenda, published) and its dates, place and slots in Paris time', () => {
    const { pageId } = createEvent(viewerOf(secretary), tree.section.id, leafleting());
    const page = db().select().from(pages).where(eq(pages.id, pageId)).get()!;
    expect(page).toMatchObject({ kind: 'event', status: 'published', visibility: 'space', title: 'Tractage du marché', spaceId: tree.section.id });
    expect(getPage(viewerOf(secretary), pageId).body.markdown).toContain('## Programme');
    const row = db().select().from(events).where(eq(events.pageId, pageId)).get()!;
    // 28 March 2027 is the change to summer time: 08:00 in Paris is 06:00 UTC.
    expect(row.startsAt.toISOString()).toBe('2027-03-28T06:00:00.000Z');
    expect(row).toMatchObject({ timeZone: 'Europe/Paris', place: 'Marché de la Croix-Rousse, Lyon', capacity: 30 });
    const slots = db().select().from(eventSlots).where(eq(eventSlots.eventId, pageId)).all().sort((a, b) => a.position - b.position);
    expect(slots.map((s) => [s.label, s.capacity, s.startsAt.toISOString()])).toEqual([
      ['Première équipe', 4, '2027-03-28T06:00:00.000Z'],
      ['Deuxième équipe', 4, '2027-03-28T07:30:00.000Z'],
      ['', null, '2027-03-28T09:00:00.000Z'],
    ]);
  });

  it('refuses, naming the field: end before start, a slot outside the event, a capacity below 1, a bad zone, a missing title', () => {
    const v = viewerOf(secretary);
    const base = leafleting();
    expectAppError(() => createEvent(v, tree.section.id, { ...base, endsAt: '2027-03-28T07:00' }), 'invalid_input', 'endsAt');
    expectAppError(() => createEvent(v, tree.section.id, { ...base, startsAt: 'demain' }), 'invalid_input', 'startsAt');
    expectAppError(() => createEvent(v, tree.section.id, { ...base, slots: [{ startsAt: '2027-03-28T07:00', endsAt: '2027-03-28T09:00' }] }), 'invalid_input', 'slots.0.startsAt');
    expectAppError(() => createEvent(v, tree.section.id, { ...base, slots: [base.slots[0]!, { startsAt: '2027-03-28T12:00', endsAt: '2027-03-28T14:00' }] }), 'invalid_input', 'slots.1.endsAt');
    expectAppError(() => createEvent(v, tree.section.id, { ...base, slots: [{ startsAt: '2027-03-28T10:00', endsAt: '2027-03-28T09:00' }] }), 'invalid_input', 'slots.0.endsAt');
    expectAppError(() => createEvent(v, tree.section.id, { ...base, capacity: 0 }), 'invalid_input', 'capacity');
    expectAppError(() => createEvent(v, tree.section.id, { ...base, slots: [{ ...base.slots[0]!, capacity: 0 }] }), 'invalid_input', 'slots.0.capacity');
    expectAppError(() => createEvent(v, tree.section.id, { ...base, timeZone: 'Mars/Olympus' }), 'invalid_input', 'timeZone');
    expectAppError(() => createEvent(v, tree.section.id, { ...base, title: '  ' }), 'invalid_input', 'title');
    expectAppError(() => createEvent(v, tree.section.id, { ...base, lat: 91 }), 'invalid_input', 'lat');
  });

  it('reads wall-clock times in the given zone, and instants with an offset as they are', () => {
    const v = viewerOf(secretary);
    const ny = createEvent(v, tree.section.id, { ...leafleting(), slots: undefined, timeZone: 'America/New_York', startsAt: '2027-06-01T18:00', endsAt: '2027-06-01T20:00' });
    expect(getEventView(v, ny.pageId).startsAt.toISOString()).toBe('2027-06-01T22:00:00.000Z');
    const off = createEvent(v, tree.section.id, { ...leafleting(), slots: undefined, startsAt: '2027-06-01T18:00:00+02:00', endsAt: '2027-06-01T16:30:00Z' });
    expect(getEventView(v, off.pageId).endsAt.toISOString()).toBe('2027-06-01T16:30:00.000Z');
  });

  it('writes nothing when the space refuses: no page, no event row', () => {
    const before = db().select().from(events).all().length;
    expectAppError(() => createEvent(viewerOf(citizen), tree.section.id, leafleting()), 'forbidden');
    expectAppError(() => createEvent(viewerOf(outsider), tree.section.id, leafleting()), 'forbidden');
    expect(db().select().from(events).all().length).toBe(before);
  });
});

describe('getEventView', () => {
  it('counts answers and seats per slot, without a name, and hides a space event from others', () => {
    const { pageId } = createEvent(viewerOf(secretary), tree.section.id, leafleting());
    const slots = db().select().from(eventSlots).where(eq(eventSlots.eventId, pageId)).all().sort((a, b) => a.position - b.position);
    const now = new Date();
    db().insert(eventGuests).values([
      { eventId: pageId, userId: member.id, source: 'member', response: 'yes', slotId: slots[0]!.id, createdAt: now, attended: true },
      { eventId: pageId, userId: other.id, source: 'member', response: 'maybe', createdAt: now },
      { eventId: pageId, email: 'a@example.org', name: 'Anonyme Secret', source: 'public', response: 'yes', slotId: slots[0]!.id, createdAt: now },
      { eventId: pageId, email: 'b@example.org', source: 'public', response: 'yes', slotId: slots[1]!.id, confirmedAt: now, createdAt: now },
      { eventId: pageId, email: 'c@example.org', source: 'email', response: 'yes', waitlisted: true, waitlistedAt: now, createdAt: now },
      { eventId: pageId, email: 'd@example.org', source: 'email', response: 'no', createdAt: now },
    ]).run();
    const view = getEventView(viewerOf(member), pageId);
    expect(view.counts).toEqual({ yes: 2, maybe: 1, no: 1, waiting: 1, attended: 1 });
    expect(view.taken).toBe(2);
    expect(view.left).toBe(28);
    expect(view.slots.map((s) => [s.taken, s.left])).toEqual([[1, 3], [1, 3], [0, null]]);
    expect(view.abilities).toMatchObject({ manageEvent: false, rsvp: true });
    expect(getEventView(viewerOf(secretary), pageId).abilities.manageEvent).toBe(true);
    const text = JSON.stringify(view);
    for (const secret of ['Anonyme Secret', 'a@example.org', 'Membre Events', member.id]) expect(text).not.toContain(secret);
    expectAppError(() => getEventView(viewerOf(outsider), pageId), 'not_found');
    expectAppError(() => getEventView(null, pageId), 'not_found');
  });

  it('is not_found for a page of another kind', () => {
    const doc = makePage(secretary, tree.section, { status: 'published' });
    expectAppError(() => getEventView(viewerOf(secretary), doc.id), 'not_found');
  });

  it('shows a public event to citizens and anonymous visitors with its published title', () => {
    const { pageId } = createEvent(viewerOf(secretary), tree.section.id, { ...leafleting(), title: 'Réunion publique', visibility: 'public', slots: undefined });
    updatePage(viewerOf(secretary), pageId, { title: 'Titre pas encore publié' });
    expect(getEventView(null, pageId).title).toBe('Réunion publique');
    expect(getEventView(viewerOf(citizen), pageId).title).toBe('Réunion publique');
    expect(getEventView(viewerOf(member), pageId).title).toBe('Titre pas encore publié');
  });
});

describe('updateEvent', () => {
  it('lets organisers move the dates and change slots, keeping a slot by id; refuses others', () => {
    const { pageId } = createEvent(viewerOf(secretary), tree.section.id, leafleting());
    const before = getEventView(viewerOf(secretary), pageId);
    expectAppError(() => updateEvent(viewerOf(member), pageId, { place: 'Ailleurs' }), 'forbidden');
    expectAppError(() => updateEvent(viewerOf(outsider), pageId, { place: 'Ailleurs' }), 'not_found');
    expectAppError(() => updateEvent(viewerOf(secretary), pageId, { endsAt: '2027-03-28T12:00' }), 'invalid_input', 'slots.2.endsAt');
    const after = updateEvent(viewerOf(secretary), pageId, {
      place: 'Place Sathonay',
      capacity: null,
      endsAt: '2027-03-28T12:00',
      slots: [{ id: before.slots[0]!.id, label: 'Équipe du matin', startsAt: '2027-03-28T08:00', endsAt: '2027-03-28T12:00', capacity: 8 }],
    });
    expect(after).toMatchObject({ place: 'Place Sathonay', capacity: null, left: null });
    expect(after.slots).toHaveLength(1);
    expect(after.slots[0]).toMatchObject({ id: before.slots[0]!.id, label: 'Équipe du matin', capacity: 8 });
    expectAppError(() => updateEvent(viewerOf(secretary), pageId, { slots: [{ id: 'nope', startsAt: '2027-03-28T08:00', endsAt: '2027-03-28T09:00' }] }), 'invalid_input', 'slots.0.id');
  });
});

describe('lists', () => {
  it('a space’s coming and past events, readable only; « Mes événements » adds what one was invited to', () => {
    const s2 = makeTree('EventsLists');
    const sec = makeUser({ name: 'Sec Lists' });
    const mem = makeUser({ name: 'Mem Lists' });
    const guest = makeUser({ name: 'Invitée Lists' });
    addMembership(sec, s2.section, 'secretary');
    addMembership(mem, s2.section);
    addMembership(guest, s2.otherSection);
    const v = viewerOf(sec);
    const mk = (title: string, day: string, visibility: 'public' | 'space' | 'members', status: 'draft' | 'published' = 'published') =>
      createEvent(v, s2.section.id, { title, startsAt: `${day}T18:00`, endsAt: `${day}T20:00`, place: 'Local', visibility, status }).pageId;
    const past = mk('AG passée', '2025-01-10', 'space');
    const soon = mk('Réunion bientôt', '2030-01-10', 'public');
    const later = mk('Fête plus tard', '2030-06-10', 'members');
    const secret = mk('Bureau privé', '2030-02-10', 'space');
    const draft = mk('Brouillon', '2030-03-10', 'space', 'draft');
    const titles = (r: { data: { title: string }[] }) => r.data.map((e) => e.title);
    expect(listSpaceEvents(viewerOf(mem), s2.section.id).data.map((e) => e.pageId)).toEqual([soon, secret, later]);
    expect(listSpaceEvents(viewerOf(sec), s2.section.id).data.map((e) => e.pageId)).toEqual([soon, secret, draft, later]);
    expect(listSpaceEvents(viewerOf(mem), s2.section.id, { when: 'past' }).data.map((e) => e.pageId)).toEqual([past]);
    expect(titles(listSpaceEvents(null, s2.section.id))).toEqual(['Réunion bientôt']);
    expect(listSpaceEvents(viewerOf(guest), s2.section.id).data.map((e) => e.pageId)).toEqual([soon, later]);
    const p1 = listSpaceEvents(viewerOf(mem), s2.section.id, { limit: 2 });
    expect(p1.data).toHaveLength(2);
    expect(listSpaceEvents(viewerOf(mem), s2.section.id, { limit: 2, cursor: p1.nextCursor }).data.map((e) => e.pageId)).toEqual([later]);
    expect(listSpaceEvents(viewerOf(mem), s2.section.id, { from: new Date('2030-02-01'), to: new Date('2030-03-01'), when: 'all' }).data.map((e) => e.pageId)).toEqual([secret]);
    // Invited to the private one: still not readable, so not listed; invited to the public one: listed.
    const now = new Date();
    db().insert(eventGuests).values([
      { eventId: secret, userId: guest.id, source: 'email', createdAt: now },
      { eventId: soon, userId: guest.id, source: 'email', response: 'yes', createdAt: now },
    ]).run();
    expect(listMyEvents(viewerOf(guest)).data.map((e) => e.pageId)).toEqual([soon]);
    expect(listMyEvents(viewerOf(mem)).data.map((e) => e.pageId)).toEqual([soon, secret, later]);
    expect(listMyEvents(viewerOf(mem), { when: 'past' }).data.map((e) => e.pageId)).toEqual([past]);
  });

  it('a group’s events', () => {
    const owner = makeUser({ name: 'Admin groupe' });
    addMembership(owner, tree.section);
    const group = makeGroup(owner);
    const { pageId } = createEvent(viewerOf(owner), group.id, { title: 'Atelier du groupe', startsAt: '2031-01-01T10:00', endsAt: '2031-01-01T12:00', place: '', visibility: 'space' });
    expect(listSpaceEvents(viewerOf(owner), group.id).data.map((e) => e.pageId)).toEqual([pageId]);
    expect(listSpaceEvents(viewerOf(member), group.id).data).toEqual([]);
  });
});

describe('writeMinutes', () => {
  it('once the event began, creates one minutes page with the date, attendees and agenda headings; a second call opens it', () => {
    const v = viewerOf(secretary);
    const { pageId } = createEvent(v, tree.section.id, { title: 'Assemblée générale', startsAt: '2026-10-31T01:00', endsAt: '2026-10-31T04:00', place: 'Salle Jaurès', visibility: 'space' });
    db().insert(eventGuests).values({ eventId: pageId, userId: member.id, source: 'member', response: 'yes', attended: true, createdAt: new Date() }).run();
    expectAppError(() => writeMinutes(viewerOf(member), pageId), 'forbidden');
    const first = writeMinutes(v, pageId);
    expect(first.created).toBe(true);
    const second = writeMinutes(v, pageId);
    expect(second).toEqual({ pageId: first.pageId, created: false });
    const minutes = getPage(v, first.pageId);
    expect(minutes.title).toBe('Compte rendu — Assemblée générale');
    expect(minutes.kind).toBe('document');
    expect(minutes.body.markdown).toContain('samedi 31 octobre 2026, 1 h – 4 h');
    expect(minutes.body.markdown).toContain('1 participant pointé');
    expect(minutes.body.markdown).toContain('### Programme');
    expect(getEventView(v, pageId).minutesPageId).toBe(first.pageId);
    // A member reads the link only once the minutes are published (a draft is its authors').
    expect(getEventView(viewerOf(member), pageId).minutesPageId).toBeNull();
  });

  it('is refused before the event begins (409)', () => {
    const { pageId } = createEvent(viewerOf(secretary), tree.section.id, leafleting());
    expectAppError(() => writeMinutes(viewerOf(secretary), pageId, { now: new Date('2027-01-01') }), 'conflict');
  });
});
