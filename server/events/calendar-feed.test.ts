import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { calendarTokens, eventGuests } from '@/db/schema';
import { deletePage, updatePage } from '@/server/pages/page-service';
import { addMembership, expectAppError, removeMembership, makeTree, makeUser, viewerOf, type Tree, type UserRow } from '@/test/factories';
import { GET as spaceFeed } from '@/app/api/v1/spaces/[id]/calendar.ics/route';
import { GET as myFeed } from '@/app/api/v1/me/calendar.ics/route';
import { createCalendarToken, listCalendarTokens, revokeCalendarToken } from './calendar-tokens';
import { createEvent, updateEvent } from './event-service';

let tree: Tree;
let secretary: UserRow, member: UserRow, outsider: UserRow, citizen: UserRow;
const ids: Record<string, string> = {};

beforeAll(() => {
  tree = makeTree('Feeds');
  secretary = makeUser({ name: 'Secrétaire Feeds', email: 'secretaire-feeds@example.org' });
  member = makeUser({ name: 'Membre Feeds', email: 'membre-feeds@example.org' });
  outsider = makeUser({ name: 'Ailleurs Feeds' });
  citizen = makeUser({ siteRole: 'citizen', name: 'Citoyen Feeds' });
  addMembership(secretary, tree.section, 'secretary');
  addMembership(member, tree.section);
  addMembership(outsider, tree.otherSection);
  const v = viewerOf(secretary);
  const mk = (title: string, visibility: 'public' | 'space' | 'members', status: 'draft' | 'published' = 'published') =>
    createEvent(v, tree.section.id, { title, startsAt: '2030-03-31T02:30', endsAt: '2030-03-31T05:00', place: 'Local de la section', visibility, status }).pageId;
  ids.public = mk('Réunion publique', 'public');
  ids.members = mk('Soirée des adhérents', 'members');
  ids.space = mk('Bureau de section', 'space');
  ids.draft = mk('Projet de fête', 'space', 'draft');
  updatePage(v, ids.public, { title: 'Réunion publique (titre en cours)' });
  db().insert(eventGuests).values({ eventId: ids.public, userId: member.id, email: null, source: 'member', response: 'yes', createdAt: new Date() }).run();
});

async function feed(kind: 'space' | 'me', token: string | null, spaceId = tree.section.id) {
  const q = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const res = kind === 'space' ? await spaceFeed(new Request(`http://localhost/api/v1/spaces/${spaceId}/calendar.ics${q}`), { params: Promise.resolve({ id: spaceId }) }) : await myFeed(new Request(`http://localhost/api/v1/me/calendar.ics${q}`));
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

function summaries(ics: string): string[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary'))).sort();
}

describe('calendar feeds', () => {
  it('hold only what the token’s owner may read, each entry linking to its page, with no member name or address', async () => {
    const sec = createCalendarToken(viewerOf(secretary), { spaceId: tree.section.id });
    expect(sec.url).toMatch(new RegExp(`^webcal://[^/]+/api/v1/spaces/${tree.section.id}/calendar\\.ics\\?token=cal_`));
    const r = await feed('space', sec.token);
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/calendar; charset=utf-8');
    expect(summaries(r.text)).toEqual(['Bureau de section', 'Projet de fête', 'Réunion publique (titre en cours)', 'Soirée des adhérents']);
    const urls = new ICAL.Component(ICAL.parse(r.text)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('url')));
    expect(urls.filter((u) => u.endsWith(`/pages/${ids.space}`))).toHaveLength(1);
    const mine = await feed('me', createCalendarToken(viewerOf(member), { spaceId: null }).token);
    expect(summaries(mine.text)).toEqual(['Bureau de section', 'Réunion publique (titre en cours)', 'Soirée des adhérents']);
    const other = await feed('space', createCalendarToken(viewerOf(outsider), { spaceId: tree.section.id }).token);
    expect(summaries(other.text)).toEqual(['Réunion publique (titre en cours)', 'Soirée des adhérents']);
    for (const text of [r.text, mine.text, other.text]) {
      for (const secret of ['Secrétaire Feeds', 'Membre Feeds', 'secretaire-feeds@example.org', 'membre-feeds@example.org', 'ATTENDEE', 'ORGANIZER']) expect(text).not.toContain(secret);
    }
  });

  it('a citizen’s feed has the public event with its published title only', async () => {
    const r = await feed('space', createCalendarToken(viewerOf(citizen), { spaceId: tree.section.id }).token);
    expect(summaries(r.text)).toEqual(['Réunion publique']);
    expect(r.text).not.toContain('titre en cours');
  });

  it('the entries keep Paris time across the March change', async () => {
    const r = await feed('space', createCalendarToken(viewerOf(secretary), { spaceId: tree.section.id }).token);
    const cal = new ICAL.Component(ICAL.parse(r.text));
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    // 02:30 does not exist on 31 March 2030: read before the gap (+01:00), 01:30 UTC (03:30 summer time).
    expect(ev.startDate.toJSDate().toISOString()).toBe('2030-03-31T01:30:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2030-03-31T03:00:00.000Z');
  });

  it('escapes and folds long titles and places (commas, semicolons, accents, line breaks) so they read back whole', async () => {
    const title = 'Réunion; débat, « logement » — ' + 'é'.repeat(60);
    const place = 'Salle 1, 2; étage\nFond du couloir ' + 'x'.repeat(90);
    const { pageId } = createEvent(viewerOf(secretary), tree.section.id, { title, startsAt: '2030-06-01T10:00', endsAt: '2030-06-01T11:00', place, lat: 48.58, lng: 7.75, visibility: 'space' });
    const r = await feed('space', createCalendarToken(viewerOf(secretary), { spaceId: tree.section.id }).token);
    for (const line of r.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const ev = new ICAL.Component(ICAL.parse(r.text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)).find((e) => e.uid.includes(pageId))!;
    expect(ev.summary).toBe(title);
    expect(ev.location).toBe(place);
  });

  it('says at once what changed since the last request: a rename, a new place, an event gone, a member who left', async () => {
    const sec = createCalendarToken(viewerOf(secretary), { spaceId: tree.section.id });
    const mem = createCalendarToken(viewerOf(member), { spaceId: null });
    const { pageId } = createEvent(viewerOf(secretary), tree.section.id, { title: 'Collage', startsAt: '2030-07-01T20:00', endsAt: '2030-07-01T23:00', place: 'Local', visibility: 'space' });
    expect(summaries((await feed('space', sec.token)).text)).toContain('Collage');
    expect(summaries((await feed('me', mem.token)).text)).toContain('Collage');
    updatePage(viewerOf(secretary), pageId, { title: 'Collage d’affiches' });
    updateEvent(viewerOf(secretary), pageId, { place: 'Place Kléber' });
    const again = await feed('space', sec.token);
    expect(summaries(again.text)).toContain('Collage d’affiches');
    expect(again.text).toContain('LOCATION:Place Kléber');
    removeMembership(member, tree.section);
    expect(summaries((await feed('me', mem.token)).text)).not.toContain('Collage d’affiches');
    addMembership(member, tree.section);
    expect(summaries((await feed('me', mem.token)).text)).toContain('Collage d’affiches');
    deletePage(viewerOf(secretary), pageId);
    expect(summaries((await feed('space', sec.token)).text)).not.toContain('Collage d’affiches');
  });

  it('answers 304 to a calendar that holds the current text (its ETag), the whole text once something changed', async () => {
    const tok = createCalendarToken(viewerOf(member), { spaceId: tree.section.id }).token;
    const url = `http://localhost/api/v1/spaces/${tree.section.id}/calendar.ics?token=${tok}`;
    const ask = (etag?: string) => spaceFeed(new Request(url, { headers: etag ? { 'if-none-match': etag } : {} }), { params: Promise.resolve({ id: tree.section.id }) });
    const first = await ask();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await ask(etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    createEvent(viewerOf(secretary), tree.section.id, { title: 'Nouvelle réunion', startsAt: '2030-09-01T18:00', endsAt: '2030-09-01T20:00', place: '', visibility: 'members' });
    const changed = await ask(etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(summaries(await changed.text())).toContain('Nouvelle réunion');
  });

  it('revoked, replaced, unknown, malformed, missing or other-scope tokens: 404, the same body', async () => {
    const first = createCalendarToken(viewerOf(member), { spaceId: tree.section.id });
    const second = createCalendarToken(viewerOf(member), { spaceId: tree.section.id });
    expect(listCalendarTokens(viewerOf(member), { spaceId: tree.section.id }).map((t) => t.id)).toEqual([second.id]);
    expect((await feed('space', second.token)).status).toBe(200);
    const answers = await Promise.all([
      feed('space', first.token),
      feed('space', 'cal_' + 'x'.repeat(43)),
      feed('space', 'nonsense'),
      feed('space', null),
      feed('me', second.token),
      feed('space', second.token, tree.otherSection.id),
    ]);
    revokeCalendarToken(viewerOf(member), second.id);
    answers.push(await feed('space', second.token));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(404);
    expectAppError(() => revokeCalendarToken(viewerOf(outsider), first.id), 'not_found');
  });

  it('stores only a hash of the token', () => {
    const { id, token } = createCalendarToken(viewerOf(member), { spaceId: null });
    const row = db().select().from(calendarTokens).where(eq(calendarTokens.id, id)).get()!;
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
  });
});
