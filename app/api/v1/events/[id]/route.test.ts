import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { params, person, read, req, territory } from '../../test-helpers';
import { GET as listEvents, POST as postEvent } from '../../spaces/[id]/events/route';
import { GET as getEvent, PATCH as patchEvent } from './route';

const t = territory();
const secretary = person('member', [[t.section.id, 'secretary']]);
const member = person('member', [[t.section.id, 'member']]);
const colmar = person('member', [[t.otherSection.id, 'member']]);
const citizen = person('citizen');

const post = async (spaceId: string, body: unknown, token?: string) => read(await postEvent(req(`/api/v1/spaces/${spaceId}/events`, { method: 'POST', body, token }), params({ id: spaceId })));
const get = async (id: string, token?: string, q = '') => read(await getEvent(req(`/api/v1/events/${id}${q}`, { token }), params({ id })));
const list = async (spaceId: string, token?: string, q = '') => read(await listEvents(req(`/api/v1/spaces/${spaceId}/events${q}`, { token }), params({ id: spaceId })));
const patch = async (id: string, body: unknown, token?: string) => read(await patchEvent(req(`/api/v1/events/${id}`, { method: 'PATCH', body, token }), params({ id })));

const meeting = {
  title: 'Réunion publique sur les transports',
  startsAt: '2030-10-27T02:30',
  endsAt: '2030-10-27T04:00',
  place: 'Maison des associations',
  capacity: 80,
  slots: [{ label: 'Accueil', startsAt: '2030-10-27T02:30', endsAt: '2030-10-27T03:00', capacity: 3 }],
  visibility: 'public',
};

describe('POST /api/v1/spaces/:id/events', () => {
  it('creates the event (201, Location) with instants in UTC and the zone; the October 02:30 is its first occurrence', async () => {
    const r = await post(t.section.id, meeting, secretary.token);
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(`/api/v1/events/${r.body.id}`);
    expect(r.body).toMatchObject({ title: meeting.title, startsAt: '2030-10-27T00:30:00.000Z', endsAt: '2030-10-27T03:00:00.000Z', timeZone: 'Europe/Paris', capacity: 80, seatsLeft: 80, status: 'published' });
    expect(r.body.slots[0]).toMatchObject({ label: 'Accueil', capacity: 3, seatsTaken: 0 });
    expect(r.body.abilities).toMatchObject({ manageEvent: true });
  });

  it('400 naming the field, 401, 403, 404, unknown fields', async () => {
    expect((await post(t.section.id, { ...meeting, endsAt: '2030-10-27T01:00' }, secretary.token)).body.error).toMatchObject({ code: 'invalid_input', field: 'endsAt' });
    expect((await post(t.section.id, { ...meeting, slots: [{ startsAt: '2030-10-27T01:00', endsAt: '2030-10-27T03:00' }] }, secretary.token)).body.error).toMatchObject({ code: 'invalid_input', field: 'slots.0.startsAt' });
    expect((await post(t.section.id, { ...meeting, capacity: 0 }, secretary.token)).body.error).toMatchObject({ field: 'capacity' });
    expect((await post(t.section.id, { ...meeting, visibility: 'tout le monde' }, secretary.token)).body.error).toMatchObject({ field: 'visibility' });
    expect((await post(t.section.id, { ...meeting, colour: 'red' }, secretary.token)).body.error).toMatchObject({ code: 'invalid_input', field: 'colour' });
    expect((await post(t.section.id, meeting)).status).toBe(401);
    expect((await post(t.section.id, meeting, citizen.token)).status).toBe(403);
    expect((await post(t.section.id, meeting, colmar.token)).status).toBe(403);
    expect((await post('no-such-space', meeting, secretary.token)).status).toBe(404);
  });
});

describe('GET /api/v1/events/:id and the space’s list', () => {
  it('a space event: 404 to outsiders, the same as an unknown id; readers get counts and no names', async () => {
    const r = await post(t.section.id, { ...meeting, title: 'Bureau de section', visibility: 'space', slots: undefined }, secretary.token);
    const id = r.body.id as string;
    const seen = await get(id, member.token);
    expect(seen.status).toBe(200);
    expect(seen.body.counts).toEqual({ yes: 0, maybe: 0, no: 0, waiting: 0, attended: 0 });
    expect(seen.body.abilities).toMatchObject({ manageEvent: false, rsvp: true });
    const hidden = await get(id, colmar.token);
    const unknown = await get('no-such-event', colmar.token);
    expect(hidden.status).toBe(404);
    expect(hidden.text).toBe(unknown.text);
    expect((await get(id)).status).toBe(404);
    expect((await list(t.section.id, colmar.token)).text).not.toContain('Bureau de section');
    expect((await list(t.section.id, member.token)).body.data.map((e: { id: string }) => e.id)).toContain(id);
  });

  it('a public event: anonymous visitors and citizens read it (its published title), with no name in the answer', async () => {
    const r = await post(t.section.id, { ...meeting, title: 'Fête de la section' }, secretary.token);
    const id = r.body.id as string;
    await patchEvent(req(`/api/v1/events/${id}`, { method: 'PATCH', body: { place: 'Parc' }, token: secretary.token }), params({ id }));
    for (const token of [undefined, citizen.token]) {
      const seen = await get(id, token);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ title: 'Fête de la section', place: 'Parc', abilities: { manageEvent: false, rsvp: true } });
      expect(seen.text).not.toMatch(/Personne \d+|@coopol\.test/);
    }
  });

  it('lists by range and refuses bad dates and unknown spaces', async () => {
    const r = await list(t.section.id, undefined, '?from=2030-10-01T00:00&to=2030-11-01T00:00');
    expect(r.status).toBe(200);
    expect(r.body.data.map((e: { title: string }) => e.title)).toContain(meeting.title);
    expect((await list(t.section.id, undefined, '?from=hier')).body.error).toMatchObject({ field: 'from' });
    expect((await list(t.section.id, undefined, '?when=soon')).body.error).toMatchObject({ field: 'when' });
    expect((await list('no-such-space')).status).toBe(404);
  });

  it('?format=ics: one event, parsed back', async () => {
    const r = await post(t.section.id, { ...meeting, title: 'Pique-nique' }, secretary.token);
    const res = await getEvent(req(`/api/v1/events/${r.body.id}?format=ics`), params({ id: r.body.id }));
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    expect(cal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe('Pique-nique');
  });
});

describe('PATCH /api/v1/events/:id', () => {
  it('organisers only; 404 to those who cannot read it', async () => {
    const r = await post(t.section.id, { ...meeting, visibility: 'space' }, secretary.token);
    const id = r.body.id as string;
    expect((await patch(id, { place: 'Gymnase' }, member.token)).status).toBe(403);
    expect((await patch(id, { place: 'Gymnase' }, colmar.token)).status).toBe(404);
    expect((await patch(id, { capacity: -2 }, secretary.token)).body.error).toMatchObject({ field: 'capacity' });
    // Its slot starts at 02:30 summer time: the event cannot start after it.
    expect((await patch(id, { startsAt: '2030-10-27T02:45:00+01:00' }, secretary.token)).body.error).toMatchObject({ field: 'slots.0.startsAt' });
    const ok = await patch(id, { place: 'Gymnase', startsAt: '2030-10-27T02:15:00+02:00' }, secretary.token);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ place: 'Gymnase', startsAt: '2030-10-27T00:15:00.000Z' });
    expect(ok.body.slots[0].id).toBe(r.body.slots[0].id);
  });
});
