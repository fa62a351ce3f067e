/**
 * The members and invitations API: the same answer whatever the address, addresses to managers
 * only, and the 400/401/403/404/409 rules of the other routes.
 */
import { describe, expect, it, vi, afterEach } from 'vitest';
import { readMemberInvitation } from '@/server/membership/member-invitations';
import { makePage, queuedMails, type UserRow } from '@/test/factories';
import { params, person, read, req, territory } from '../../../test-helpers';
import { GET as listMembersRoute, POST as inviteOne } from './route';
import { DELETE as removeMemberRoute } from './[userId]/route';
import { GET as listInvitationsRoute, POST as inviteMany } from '../invitations/route';
import { DELETE as revokeRoute } from '../invitations/[invitationId]/route';
import { POST as resendRoute } from '../invitations/[invitationId]/resend/route';

const t = territory();
const secretary = person('member', [[t.section.id, 'secretary']]);
const member = person('member', [[t.section.id, 'member']]);
const elsewhere = person('member', [[t.otherSection.id, 'member']]);
const citizen = person('citizen');
const at = (id = t.section.id) => params({ id });

afterEach(() => {
  vi.useRealTimers();
});

const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;

describe('GET /api/v1/spaces/:id/members', () => {
  it('lists members with role, since and recent pages; addresses only to the managers', async () => {
    makePage({ id: member.id } as UserRow, t.section, { title: 'Tract de rentrée', visibility: 'space', status: 'published' });
    const asMember = await read(await listMembersRoute(req(`/api/v1/spaces/${t.section.id}/members`, { token: member.token }), at()));
    expect(asMember.status).toBe(200);
    const mine = asMember.body.data.find((m: { userId: string }) => m.userId === member.id);
    expect(mine).toMatchObject({ role: 'member', since: expect.any(String), recent: [{ title: 'Tract de rentrée', at: expect.any(String), pageId: expect.any(String) }] });
    expect(mine).not.toHaveProperty('email');
    expect((asMember.text.match(ADDRESS) ?? []).filter((a) => a !== member.email)).toEqual([]);
    const asSecretary = await read(await listMembersRoute(req(`/api/v1/spaces/${t.section.id}/members`, { token: secretary.token }), at()));
    expect(asSecretary.body.data.find((m: { userId: string }) => m.userId === member.id).email).toBe(member.email);
  });

  it('404 for an unknown space, 403 for someone outside, 401 for nobody', async () => {
    expect((await listMembersRoute(req('/api/v1/spaces/nope/members', { token: secretary.token }), at('nope'))).status).toBe(404);
    expect((await listMembersRoute(req(`/api/v1/spaces/${t.section.id}/members`, { token: elsewhere.token }), at())).status).toBe(403);
    expect((await listMembersRoute(req(`/api/v1/spaces/${t.section.id}/members`), at())).status).toBe(401);
  });
});

describe('POST /api/v1/spaces/:id/members', () => {
  it('answers 202 {invited: 1} whatever the address: a member, a member elsewhere, a citizen, nobody, twice', async () => {
    const bodies = new Set<string>();
    for (const email of [member.email, elsewhere.email, citizen.email, 'inconnue@exemple.fr', 'inconnue@exemple.fr']) {
      const r = await read(await inviteOne(req(`/api/v1/spaces/${t.section.id}/members`, { token: secretary.token, body: { email, message: 'Bienvenue !' } }), at()));
      expect(r.status).toBe(202);
      bodies.add(r.text);
    }
    expect([...bodies]).toEqual(['{"invited":1}']);
    expect(queuedMails('inconnue@exemple.fr')).toHaveLength(1);
  });

  it('400 naming the field; 403 for a plain member; 401 anonymous; 404 unknown space', async () => {
    const bad = await read(await inviteOne(req(`/api/v1/spaces/${t.section.id}/members`, { token: secretary.token, body: { email: 'pas une adresse' } }), at()));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('email');
    const extra = await read(await inviteOne(req(`/api/v1/spaces/${t.section.id}/members`, { token: secretary.token, body: { email: 'a@exemple.fr', spy: 1 } }), at()));
    expect(extra.body.error.field).toBe('spy');
    const role = await read(await inviteOne(req(`/api/v1/spaces/${t.section.id}/members`, { token: secretary.token, body: { email: 'a@exemple.fr', role: 'admin' } }), at()));
    expect([role.status, role.body.error.field]).toEqual([400, 'role']);
    expect((await inviteOne(req(`/api/v1/spaces/${t.section.id}/members`, { token: member.token, body: { email: 'b@exemple.fr' } }), at())).status).toBe(403);
    expect((await inviteOne(req(`/api/v1/spaces/${t.section.id}/members`, { body: { email: 'b@exemple.fr' } }), at())).status).toBe(401);
    expect((await inviteOne(req('/api/v1/spaces/nope/members', { token: secretary.token, body: { email: 'b@exemple.fr' } }), at('nope'))).status).toBe(404);
  });
});

describe('DELETE /api/v1/spaces/:id/members/:userId', () => {
  it('removes a member (204), 404 for someone who is not one, 403 for a plain member', async () => {
    const leaving = person('member', [[t.section.id, 'member']]);
    const p = (userId: string) => params({ id: t.section.id, userId });
    expect((await removeMemberRoute(req(`/api/v1/spaces/${t.section.id}/members/${leaving.id}`, { method: 'DELETE', token: member.token }), p(leaving.id))).status).toBe(403);
    expect((await removeMemberRoute(req(`/api/v1/spaces/${t.section.id}/members/${leaving.id}`, { method: 'DELETE', token: secretary.token }), p(leaving.id))).status).toBe(204);
    expect((await removeMemberRoute(req(`/api/v1/spaces/${t.section.id}/members/${leaving.id}`, { method: 'DELETE', token: secretary.token }), p(leaving.id))).status).toBe(404);
  });
});

describe('invitations', () => {
  it('POST several, GET the pending ones (managers only), resend (409 within 10 minutes), revoke (the link answers revoked)', async () => {
    const emails = ['un@exemple.fr', 'deux@exemple.fr'];
    const sent = await read(await inviteMany(req(`/api/v1/spaces/${t.section.id}/invitations`, { token: secretary.token, body: { emails, message: 'À jeudi' } }), at()));
    expect([sent.status, sent.body]).toEqual([202, { invited: 2 }]);
    expect((await listInvitationsRoute(req(`/api/v1/spaces/${t.section.id}/invitations`, { token: member.token }), at())).status).toBe(403);
    const list = await read(await listInvitationsRoute(req(`/api/v1/spaces/${t.section.id}/invitations`, { token: secretary.token }), at()));
    const un = list.body.data.find((i: { email: string }) => i.email === 'un@exemple.fr');
    expect(un).toMatchObject({ state: 'pending', message: 'À jeudi', role: 'member', sendCount: 1 });
    const one = (invitationId: string) => params({ id: t.section.id, invitationId });

    const tooSoon = await read(await resendRoute(req(`/api/v1/spaces/${t.section.id}/invitations/${un.id}/resend`, { method: 'POST', token: secretary.token }), one(un.id)));
    expect(tooSoon.status).toBe(409);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    const resent = await read(await resendRoute(req(`/api/v1/spaces/${t.section.id}/invitations/${un.id}/resend`, { method: 'POST', token: secretary.token }), one(un.id)));
    expect(resent.status).toBe(200);
    expect(queuedMails('un@exemple.fr')).toHaveLength(2);

    expect((await revokeRoute(req(`/api/v1/spaces/${t.section.id}/invitations/${un.id}`, { method: 'DELETE', token: member.token }), one(un.id))).status).toBe(403);
    expect((await revokeRoute(req(`/api/v1/spaces/${t.otherSection.id}/invitations/${un.id}`, { method: 'DELETE', token: secretary.token }), params({ id: t.otherSection.id, invitationId: un.id }))).status).toBe(403);
    expect((await revokeRoute(req(`/api/v1/spaces/${t.section.id}/invitations/nope`, { method: 'DELETE', token: secretary.token }), one('nope'))).status).toBe(404);
    expect((await revokeRoute(req(`/api/v1/spaces/${t.section.id}/invitations/${un.id}`, { method: 'DELETE', token: secretary.token }), one(un.id))).status).toBe(204);
    const link = /\/adhesion\/(\S+)/.exec(queuedMails('un@exemple.fr').at(-1)!.text)![1]!;
    expect(readMemberInvitation(link).state).toBe('revoked');
    const after = await read(await listInvitationsRoute(req(`/api/v1/spaces/${t.section.id}/invitations`, { token: secretary.token }), at()));
    const left = after.body.data.map((i: { email: string }) => i.email);
    expect(left).toContain('deux@exemple.fr');
    expect(left).not.toContain('un@exemple.fr');
  });

  it('400 for an empty list, a bad address or too many', async () => {
    for (const emails of [[], ['x@'], Array.from({ length: 51 }, (_, i) => `p${i}@exemple.fr`)]) {
      const r = await read(await inviteMany(req(`/api/v1/spaces/${t.section.id}/invitations`, { token: secretary.token, body: { emails } }), at()));
      expect([r.status, r.body.error.field]).toEqual([400, 'emails']);
    }
  });
});
