/**
 * The join requests' JSON API: POST|GET /api/v1/spaces/:id/join-requests, POST
 * /api/v1/join-requests/:id/accept|decline|cancel. 401 anonymous, 404 for a request the viewer
 * may not see (or an unknown space), 403 for what they may see but not do, 409 for a second
 * pending request or a decided one, 400 naming the field.
 */
import { describe, expect, it } from 'vitest';
import { createGroup } from '@/server/spaces/space-service';
import { params, person, read, req, territory, viewerOf, type Person } from '../test-helpers';
import { GET as listRoute, POST as askRoute } from '../spaces/[id]/join-requests/route';
import { POST as acceptRoute } from './[id]/accept/route';
import { POST as declineRoute } from './[id]/decline/route';
import { POST as cancelRoute } from './[id]/cancel/route';

const t = territory();
const secretary = person('member', [[t.section.id, 'secretary']]);
const otherSecretary = person('member', [[t.otherSection.id, 'secretary']]);
const fedSecretary = person('member', [
  [t.otherSection.id, 'member'],
  [t.federation.id, 'secretary'],
]);
const member = person('member', [[t.section.id, 'member']]);

type Route = (r: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
const call = async (route: Route, path: string, id: string, who: Person | null, body?: unknown, method = 'POST') =>
  read(await route(req(path, { method, token: who?.token, body }), params({ id })));
const ask = (spaceId: string, who: Person | null, body?: unknown) => call(askRoute, `/api/v1/spaces/${spaceId}/join-requests`, spaceId, who, body);
const list = (spaceId: string, who: Person | null) => call(listRoute, `/api/v1/spaces/${spaceId}/join-requests`, spaceId, who, undefined, 'GET');
const act = (route: Route, action: string, id: string, who: Person | null, body?: unknown) => call(route, `/api/v1/join-requests/${id}/${action}`, id, who, body);

describe('POST and GET /api/v1/spaces/:id/join-requests', () => {
  it('a citizen asks (201), the secretary lists it with the name, accepts; the citizen is now a member', async () => {
    const citizen = person('citizen');
    const res = await ask(t.section.id, citizen, { message: 'Bonjour, je voudrais adhérer.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'join', status: 'pending', message: 'Bonjour, je voudrais adhérer.', space: { id: t.section.id, kind: 'section' } });
    const listed = await list(t.section.id, secretary);
    expect(listed.status).toBe(200);
    expect(listed.body.data.find((r: { id: string }) => r.id === res.body.id)).toMatchObject({ person: { id: citizen.id, email: citizen.email }, fromSpace: null });
    const accepted = await act(acceptRoute, 'accept', res.body.id, secretary);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    // Now a member of the section: asking again is a 409; the requests stay the deciders'.
    expect((await ask(t.section.id, citizen, {})).status).toBe(409);
    expect((await list(t.section.id, citizen)).status).toBe(403);
  });

  it('a member of another section asks for a transfer; the federation secretary may decide, a secretary elsewhere may not', async () => {
    const mover = person('member', [[t.otherSection.id, 'member']]);
    const res = await ask(t.section.id, mover, {});
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('transfer');
    expect((await list(t.section.id, otherSecretary)).status).toBe(403);
    expect((await act(acceptRoute, 'accept', res.body.id, otherSecretary)).status).toBe(404);
    expect((await act(acceptRoute, 'accept', res.body.id, mover)).status).toBe(403);
    const listed = await list(t.section.id, fedSecretary);
    expect(listed.body.data.find((r: { id: string }) => r.id === res.body.id).fromSpace).toEqual({ id: t.otherSection.id, name: t.otherSection.name });
    expect((await act(acceptRoute, 'accept', res.body.id, fedSecretary)).body.status).toBe('accepted');
  });

  it('401 anonymous, 404 unknown space, 403 into a federation, 400 naming the field', async () => {
    const citizen = person('citizen');
    expect((await ask(t.section.id, null, {})).status).toBe(401);
    expect((await ask('nope', citizen, {})).status).toBe(404);
    expect((await ask(t.federation.id, citizen, {})).status).toBe(403);
    expect((await list(t.section.id, null)).status).toBe(401);
    const long = await ask(t.section.id, citizen, { message: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.error.field).toBe('message');
    const unknown = await ask(t.section.id, citizen, { message: 'ok', role: 'secretary' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('role');
    // A body is optional: no message at all is a request too.
    expect((await ask(t.section.id, citizen)).status).toBe(201);
  });

  it('409 for a second pending request, with a clear message; a member already in the section gets 409 too', async () => {
    const citizen = person('citizen');
    expect((await ask(t.section.id, citizen, {})).status).toBe(201);
    const second = await ask(t.otherSection.id, citizen, {});
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/pending request .*cancel it/);
    expect((await ask(t.section.id, member, {})).status).toBe(409);
  });
});

describe('POST /api/v1/join-requests/:id/decline and /cancel', () => {
  it('declines with a message the asker reads; a decided request answers 409; 404 to a stranger', async () => {
    const citizen = person('citizen');
    const asked = (await ask(t.section.id, citizen, { message: 'Hello' })).body;
    expect((await act(declineRoute, 'decline', asked.id, secretary, { message: 'x'.repeat(2001) })).body.error.field).toBe('message');
    expect((await act(declineRoute, 'decline', asked.id, member, { message: 'Non' })).status).toBe(404);
    const declined = await act(declineRoute, 'decline', asked.id, secretary, { message: 'Venez d’abord à une réunion.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', answer: 'Venez d’abord à une réunion.' });
    expect(JSON.stringify(declined.body)).not.toContain(secretary.id);
    expect((await act(acceptRoute, 'accept', asked.id, secretary)).status).toBe(409);
    expect((await act(declineRoute, 'decline', 'nope', secretary)).status).toBe(404);
  });

  it('the asker cancels (200), nobody else may; cancelled, it is gone from the deciders’ list', async () => {
    const citizen = person('citizen');
    const asked = (await ask(t.section.id, citizen, {})).body;
    expect((await act(cancelRoute, 'cancel', asked.id, secretary)).status).toBe(403);
    expect((await act(cancelRoute, 'cancel', asked.id, person('citizen'))).status).toBe(404);
    expect((await act(cancelRoute, 'cancel', asked.id, null)).status).toBe(401);
    const cancelled = await act(cancelRoute, 'cancel', asked.id, citizen);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await act(cancelRoute, 'cancel', asked.id, citizen)).status).toBe(409);
    expect((await list(t.section.id, secretary)).body.data.some((r: { id: string }) => r.id === asked.id)).toBe(false);
  });

  it('a group on request: a party member asks, an admin accepts; the group’s list is its admins’', async () => {
    const admin = person('member', [[t.section.id, 'member']]);
    const group = createGroup(viewerOf(admin), { name: `Vélo ${Date.now()}`, isOpen: false });
    const asker = person('member', [[t.otherSection.id, 'member']]);
    const asked = await ask(group.id, asker, { message: 'Je roule.' });
    expect(asked.status).toBe(201);
    expect(asked.body.kind).toBe('group');
    expect((await list(group.id, secretary)).status).toBe(403);
    expect((await list(group.id, admin)).body.data).toMatchObject([{ id: asked.body.id, message: 'Je roule.' }]);
    expect((await act(acceptRoute, 'accept', asked.body.id, admin)).body.status).toBe('accepted');
    expect((await ask(t.group.id, asker, {})).status).toBe(409); // an open group: join it directly
  });
});
