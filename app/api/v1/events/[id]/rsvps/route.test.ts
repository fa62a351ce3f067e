/**
 * The RSVP endpoints as a client calls them: invitations, the guest list (organisers only),
 * answers signed in and anonymous, check-in and reminders, with the 400/401/403/404/409 rules.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { eventGuests } from '@/db/schema';
import { createEvent } from '@/server/events/event-service';
import { params, person, read, req, territory, viewerOf } from '@/app/api/v1/test-helpers';
import { POST as invite } from '../invitations/route';
import { POST as remind } from '../invitations/reminders/route';
import { GET as list, POST as answer } from './route';
import { PATCH as checkIn } from './[guestId]/route';

const world = territory();
const secretary = person('member', [[world.section.id, 'secretary']]);
const organiser = person('member', [[world.section.id, 'member']]);
const member = person('member', [[world.section.id, 'member']]);
const outsider = person('member', [[world.otherSection.id, 'member']]);
const citizen = person('citizen');

const inTwoDays = (h: number) => new Date(Date.now() + 2 * 86_400_000 + h * 3_600_000).toISOString();

function event(visibility: 'public' | 'space', opts: { status?: 'draft' | 'published'; capacity?: number } = {}): string {
  return createEvent(viewerOf(organiser), world.section.id, {
    title: 'Réunion publique sur les transports',
    startsAt: inTwoDays(0),
    endsAt: inTwoDays(2),
    place: 'Maison des associations',
    visibility,
    status: opts.status,
    capacity: opts.capacity,
  }).pageId;
}

const p = (id: string) => params({ id });

describe('POST /api/v1/events/:id/invitations', () => {
  it('invites members and addresses; refuses with the right status', async () => {
    const id = event('space');
    let r = await read(await invite(req(`/api/v1/events/${id}/invitations`, { token: organiser.token, body: { spaceId: world.section.id } }), p(id)));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ invited: 2, alreadyInvited: 0 }); // the secretary and the member
    r = await read(await invite(req(`/api/v1/events/${id}/invitations`, { token: organiser.token, body: { emails: ['Dehors@Exemple.test', 'dehors@exemple.test'] } }), p(id)));
    expect(r.body).toMatchObject({ invited: 1, mailed: 1 });
    r = await read(await invite(req(`/api/v1/events/${id}/invitations`, { token: organiser.token, body: { emails: ['nope'] } }), p(id)));
    expect([r.status, r.body.error.field]).toEqual([400, 'emails']);
    r = await read(await invite(req(`/api/v1/events/${id}/invitations`, { token: organiser.token, body: { emails: ['a@exemple.test'], note: 1 } }), p(id)));
    expect([r.status, r.body.error.field]).toEqual([400, 'note']);
    expect((await invite(req(`/api/v1/events/${id}/invitations`, { token: member.token, body: { emails: ['a@exemple.test'] } }), p(id))).status).toBe(403);
    expect((await invite(req(`/api/v1/events/${id}/invitations`, { token: outsider.token, body: { emails: ['a@exemple.test'] } }), p(id))).status).toBe(404);
    expect((await invite(req(`/api/v1/events/${id}/invitations`, { body: { emails: ['a@exemple.test'] } }), p(id))).status).toBe(401);
    expect((await invite(req(`/api/v1/events/no-such/invitations`, { token: organiser.token, body: { emails: ['a@exemple.test'] } }), p('no-such'))).status).toBe(404);
    const draft = event('space', { status: 'draft' });
    expect((await invite(req(`/api/v1/events/${draft}/invitations`, { token: organiser.token, body: { emails: ['a@exemple.test'] } }), p(draft))).status).toBe(409);
    // Reminders: nobody is due within the hour of their invitation.
    r = await read(await remind(req(`/api/v1/events/${id}/invitations/reminders`, { method: 'POST', token: organiser.token }), p(id)));
    expect(r.body).toEqual({ reminded: 0 });
    expect((await remind(req(`/api/v1/events/${id}/invitations/reminders`, { method: 'POST', token: member.token }), p(id))).status).toBe(403);
  });
});

describe('/api/v1/events/:id/rsvps', () => {
  it('a member answers; the organisers see the list (a guest 403, an outsider 404), export it and check people in', async () => {
    const id = event('space', { capacity: 1 });
    let r = await read(await answer(req(`/api/v1/events/${id}/rsvps`, { token: member.token, body: { response: 'yes' } }), p(id)));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ response: 'yes', waitlisted: false, position: null });
    r = await read(await answer(req(`/api/v1/events/${id}/rsvps`, { token: secretary.token, body: { response: 'yes' } }), p(id)));
    expect(r.body).toMatchObject({ response: 'yes', waitlisted: true, position: 1 });
    r = await read(await answer(req(`/api/v1/events/${id}/rsvps`, { token: member.token, body: { response: 'oui' } }), p(id)));
    expect([r.status, r.body.error.field]).toEqual([400, 'response']);
    r = await read(await answer(req(`/api/v1/events/${id}/rsvps`, { token: member.token, body: { response: 'yes', email: 'x@exemple.test' } }), p(id)));
    expect([r.status, r.body.error.field]).toEqual([400, 'email']);
    expect((await answer(req(`/api/v1/events/${id}/rsvps`, { token: outsider.token, body: { response: 'yes' } }), p(id))).status).toBe(404);

    r = await read(await list(req(`/api/v1/events/${id}/rsvps`, { token: organiser.token }), p(id)));
    expect(r.status).toBe(200);
    expect(r.body.counts).toMatchObject({ registered: 1, waitlisted: 1 });
    expect(r.body.data.map((g: { email: string | null }) => g.email)).toEqual([null, null]); // an organiser who does not manage the section
    r = await read(await list(req(`/api/v1/events/${id}/rsvps?response=waitlisted`, { token: secretary.token }), p(id)));
    expect(r.body.data).toHaveLength(1);
    expect(r.body.data[0]).toMatchObject({ email: secretary.email, position: 1 });
    r = await read(await list(req(`/api/v1/events/${id}/rsvps?response=soon`, { token: organiser.token }), p(id)));
    expect([r.status, r.body.error.field]).toEqual([400, 'response']);
    expect((await list(req(`/api/v1/events/${id}/rsvps`, { token: member.token }), p(id))).status).toBe(403);
    expect((await list(req(`/api/v1/events/${id}/rsvps`, { token: outsider.token }), p(id))).status).toBe(404);
    expect((await list(req(`/api/v1/events/${id}/rsvps`), p(id))).status).toBe(404);
    const csv = await list(req(`/api/v1/events/${id}/rsvps?format=csv`, { token: organiser.token }), p(id));
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\n')[0]).toContain('Nom,Adresse,Réponse');

    // The member gives up: the secretary is promoted; then checked in.
    await answer(req(`/api/v1/events/${id}/rsvps`, { token: member.token, body: { response: 'no' } }), p(id));
    const guest = db().select().from(eventGuests).where(and(eq(eventGuests.eventId, id), eq(eventGuests.userId, secretary.id))).get()!;
    expect(guest.waitlisted).toBe(false);
    const gp = params({ id, guestId: guest.id });
    r = await read(await checkIn(req(`/api/v1/events/${id}/rsvps/${guest.id}`, { method: 'PATCH', token: organiser.token, body: { attended: true } }), gp));
    expect(r.body.counts).toMatchObject({ attended: 1, registered: 1 });
    r = await read(await checkIn(req(`/api/v1/events/${id}/rsvps/${guest.id}`, { method: 'PATCH', token: organiser.token, body: { attended: 'yes' } }), gp));
    expect([r.status, r.body.error.field]).toEqual([400, 'attended']);
    expect((await checkIn(req(`/api/v1/events/${id}/rsvps/${guest.id}`, { method: 'PATCH', token: member.token, body: { attended: true } }), gp)).status).toBe(403);
    expect((await checkIn(req(`/api/v1/events/${id}/rsvps/nobody`, { method: 'PATCH', token: organiser.token, body: { attended: true } }), params({ id, guestId: 'nobody' }))).status).toBe(404);
  });

  it('anonymous visitors register on a public event only (202, the same answer for any address); citizens answer signed in', async () => {
    const pub = event('public');
    const body = { response: 'yes', email: 'visiteur@exemple.test', name: 'Val Visiteur' };
    const first = await read(await answer(req(`/api/v1/events/${pub}/rsvps`, { body }), p(pub)));
    expect(first.status).toBe(202);
    const again = await read(await answer(req(`/api/v1/events/${pub}/rsvps`, { body: { ...body, email: member.email } }), p(pub)));
    expect([again.status, again.text]).toEqual([202, first.text]);
    let r = await read(await answer(req(`/api/v1/events/${pub}/rsvps`, { body: { response: 'yes', name: 'Sans adresse' } }), p(pub)));
    expect([r.status, r.body.error.field]).toEqual([400, 'email']);
    const closed = event('space');
    expect((await answer(req(`/api/v1/events/${closed}/rsvps`, { body }), p(closed))).status).toBe(404);
    r = await read(await answer(req(`/api/v1/events/${pub}/rsvps`, { token: citizen.token, body: { response: 'maybe' } }), p(pub)));
    expect(r.body).toMatchObject({ response: 'maybe' });
    // A citizen is no organiser: the list is refused, not empty.
    expect((await list(req(`/api/v1/events/${pub}/rsvps`, { token: citizen.token }), p(pub))).status).toBe(403);
    expect((await list(req(`/api/v1/events/${pub}/rsvps`), p(pub))).status).toBe(401);
  });
});
