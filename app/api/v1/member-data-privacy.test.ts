/**
 * Members' names and addresses on every channel of the section's life (issue 12): party membership
 * is a political opinion (GDPR art. 9). A public event of a section, answered by its members and by
 * an outside guest, and a join request; then each channel, for each kind of outsider, must carry
 * none of the members' names or addresses: the event's JSON, its guest list, the RSVP link's
 * view, the calendar feeds, the members list, the join requests. Those who manage the section
 * (and its organisers, for the guest list) do see them — the rule is not "nobody".
 */
import { describe, expect, it } from 'vitest';
import { createEvent } from '@/server/events/event-service';
import { inviteGuests, respond, rsvpTokenView } from '@/server/events/guests';
import { issueRsvpToken } from '@/server/events/rsvp-tokens';
import { calendarFeed } from '@/server/events/calendar-feed';
import { createCalendarToken } from '@/server/events/calendar-tokens';
import { submitJoinRequest } from '@/server/membership/join-requests';
import { db } from '@/db/client';
import { eventGuests, users } from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import { params, person, read, req, territory, viewerOf } from './test-helpers';
import { GET as eventRoute } from './events/[id]/route';
import { GET as rsvpsRoute } from './events/[id]/rsvps/route';
import { GET as membersRoute } from './spaces/[id]/members/route';
import { GET as joinRequestsRoute } from './spaces/[id]/join-requests/route';

const t = territory();
const secretary = person('member', [[t.section.id, 'secretary']]);
const members = [person('member', [[t.section.id, 'member']]), person('member', [[t.section.id, 'member']])];
const elsewhere = person('member', [[t.otherSection.id, 'member']]);
const citizen = person('citizen');
const applicant = person('citizen');

/** Every name and address of the section's members (the test-helpers name them « Personne N »). */
const secrets = () => [secretary, ...members].flatMap((p) => [p.email, nameOf(p.id)]);
const nameOf = (id: string) => db().select({ name: users.name }).from(users).where(eq(users.id, id)).get()!.name!;
/** The secrets found in a text (« Personne 1 » is not found in « Personne 12 »). */
const leaks = (text: string) => secrets().filter((s) => new RegExp(`${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d])`).test(text));

const DAY = 86_400_000;
const { pageId: eventId } = createEvent(viewerOf(secretary), t.section.id, {
  title: 'Réunion publique de la section',
  startsAt: new Date(Date.now() + 3 * DAY).toISOString(),
  endsAt: new Date(Date.now() + 3 * DAY + 2 * 3_600_000).toISOString(),
  place: 'Salle des fêtes',
  visibility: 'public',
});
inviteGuests(viewerOf(secretary), eventId, { spaceId: t.section.id });
inviteGuests(viewerOf(secretary), eventId, { emails: ['invitee@exemple.test'] });
for (const m of members) respond(viewerOf(m), eventId, { response: 'yes' });
respond(viewerOf(citizen), eventId, { response: 'yes' });
submitJoinRequest(viewerOf(applicant), t.section.id, { message: 'Je veux adhérer.' });

type IdRoute = (r: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
const get = async (route: IdRoute, path: string, p: { id: string }, token?: string) => read(await route(req(path, { token }), params(p)));

describe("members' data on every channel", () => {
  it('the secrets are real: those who manage the section see them in the guest list and the members list', async () => {
    expect(secrets().length).toBe(6);
    const guests = await get(rsvpsRoute, `/api/v1/events/${eventId}/rsvps`, { id: eventId }, secretary.token);
    expect(guests.status).toBe(200);
    expect(leaks(guests.text).length).toBeGreaterThan(0);
    const list = await get(membersRoute, `/api/v1/spaces/${t.section.id}/members`, { id: t.section.id }, secretary.token);
    expect(leaks(list.text)).toEqual(expect.arrayContaining([members[0]!.email]));
  });

  it("the event's JSON (anonymous, citizen, a member of another section, a member of the section): counts, never who", async () => {
    for (const token of [undefined, citizen.token, elsewhere.token, members[0]!.token]) {
      const r = await get(eventRoute, `/api/v1/events/${eventId}`, { id: eventId }, token);
      expect(r.status).toBe(200);
      expect(leaks(r.text)).toEqual([]);
    }
  });

  it('the guest list: refused to guests and outsiders, with nothing of it in the refusal', async () => {
    for (const token of [undefined, citizen.token, elsewhere.token, members[0]!.token]) {
      const r = await get(rsvpsRoute, `/api/v1/events/${eventId}/rsvps`, { id: eventId }, token);
      expect([401, 403, 404]).toContain(r.status);
      expect(leaks(r.text)).toEqual([]);
    }
  });

  it("the RSVP link's view of an outside guest: the event, their own answer, no one else", () => {
    const guest = db().select().from(eventGuests).where(and(eq(eventGuests.eventId, eventId), eq(eventGuests.email, 'invitee@exemple.test'))).get()!;
    const view = rsvpTokenView(issueRsvpToken(eventId, guest.id, new Date(Date.now() + 4 * DAY)));
    expect(leaks(JSON.stringify(view))).toEqual([]);
  });

  it("calendar feeds of a citizen and of a member of another section: the event, no name", () => {
    for (const p of [citizen, elsewhere]) {
      const own = createCalendarToken(viewerOf(p), { spaceId: null });
      const space = createCalendarToken(viewerOf(p), { spaceId: t.section.id });
      for (const [token, scope] of [[own.token, { spaceId: null }], [space.token, { spaceId: t.section.id }]] as const) {
        const { body } = calendarFeed(token, scope);
        // The section's feed holds its public event; one's own, the events one answered.
        if (scope.spaceId || p === citizen) expect(body).toContain('Réunion publique de la section');
        expect(leaks(body)).toEqual([]);
      }
    }
  });

  it('the members list and the join requests: refused to outsiders and to the applicant, with nothing in the refusal', async () => {
    for (const token of [undefined, citizen.token, applicant.token, elsewhere.token]) {
      const list = await get(membersRoute, `/api/v1/spaces/${t.section.id}/members`, { id: t.section.id }, token);
      expect([401, 403, 404]).toContain(list.status);
      expect(leaks(list.text)).toEqual([]);
      const requests = await get(joinRequestsRoute, `/api/v1/spaces/${t.section.id}/join-requests`, { id: t.section.id }, token);
      expect([401, 403, 404]).toContain(requests.status);
      expect(leaks(requests.text)).toEqual([]);
    }
  });
});
