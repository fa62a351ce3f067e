import { describe, expect, it } from 'vitest';
import { params, person, read, req, territory, type Person } from '../../../test-helpers';
import { GET as getPage } from '../route';
import { POST as createPage } from '../../route';
import { POST } from './route';

const t = territory();
const author = person('member', [[t.section.id, 'member']]);
const neighbour = person('member', [[t.section.id, 'member']]);
const colmar = person('member', [[t.otherSection.id, 'member']]);
const secretary = person('member', [[t.section.id, 'secretary']]);
const citizen = person('citizen');

const later = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const create = async (who: Person, body: unknown) => read(await createPage(req('/api/v1/pages', { body, token: who.token })));
const get = async (id: string, who?: Person) => read(await getPage(req(`/api/v1/pages/${id}`, { token: who?.token }), params({ id })));
const stage = async (id: string, body: unknown, who?: Person) => read(await POST(req(`/api/v1/pages/${id}/stage`, { body, token: who?.token }), params({ id })));

async function draftMotion(): Promise<string> {
  const r = await create(author, { spaceId: t.section.id, title: `Motion ${Math.random()}`, kind: 'motion', visibility: 'public', markdown: 'Exposé des motifs.\n\nDispositif.' });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

describe('POST /api/v1/pages with kind motion, GET /api/v1/pages/:id', () => {
  it('creates a draft motion whose stage and settings the page gives', async () => {
    const r = await create(author, { spaceId: t.section.id, title: 'Motion transports', kind: 'motion', visibility: 'public' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'motion', status: 'draft', stage: 'draft', deliberation: { procedure: 'motion', stage: 'draft', settings: { requiredSignatures: 0, requiredSections: 0 } } });
    expect(r.body.deliberation.abilities).toMatchObject({ file: true, withdraw: true, openAmendments: false });
    const published = await create(author, { spaceId: t.section.id, title: 'Motion publiée', kind: 'motion', status: 'published' });
    expect(published.status).toBe(400);
    expect(published.body.error.field).toBe('status');
    // A plain document has no stage.
    const doc = await create(author, { spaceId: t.section.id, title: 'Compte rendu' });
    expect(doc.body).toMatchObject({ stage: null, deliberation: null });
    expect((await get(doc.body.id, author)).body).toMatchObject({ stage: null, deliberation: null });
  });
});

describe('POST /api/v1/pages/:id/stage', () => {
  it('files, opens amendments and the vote; the page shows the stage, deadlines and settings', async () => {
    const id = await draftMotion();
    let r = await stage(id, { stage: 'filed' }, author);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ stage: 'filed', filedVersionId: expect.any(String) });
    const deadline = later(24);
    r = await stage(id, { stage: 'amendments', deadline }, secretary);
    expect(r.status).toBe(200);
    const page = await get(id, citizen);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ status: 'published', stage: 'amendments', deliberation: { deadlines: { amendmentsCloseAt: deadline } } });
    expect(page.body.deliberation.timeline.map((e: { byName: string | null }) => e.byName)).toEqual([null, null, null]);
    expect((await get(id, neighbour)).body.deliberation.timeline.map((e: { to: string }) => e.to)).toEqual(['draft', 'filed', 'amendments']);
    const closesAt = later(48);
    r = await stage(id, { stage: 'vote', closesAt, quorum: 10, majority: 'simple' }, secretary);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ stage: 'vote', deadlines: { voteClosesAt: closesAt }, poll: { quorumPercent: 10, majority: 'simple', status: 'open' } });
  });

  it('404 unreadable, 401 signed out, 403 not allowed, 409 with the reason, 400 naming the field', async () => {
    const id = await draftMotion();
    expect((await stage(id, { stage: 'filed' }, colmar)).status).toBe(404); // a draft: its authors and animators only
    expect((await stage(id, { stage: 'filed' })).status).toBe(404);
    expect((await stage(id, { stage: 'filed' }, secretary)).status).toBe(403);
    expect((await stage(id, { stage: 'amendments', deadline: later(2) }, secretary)).body.error).toMatchObject({ code: 'conflict', message: 'Amendments open on a filed motion.' });
    expect((await stage(id, { stage: 'filed' }, author)).status).toBe(200);
    expect((await stage(id, { stage: 'withdrawn' }, citizen)).status).toBe(403);
    expect((await stage(id, { stage: 'withdrawn' })).status).toBe(401);
    expect((await stage(id, { stage: 'amendments', deadline: later(2) }, colmar)).status).toBe(403);
    const conflict = await stage(id, { stage: 'filed' }, author);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.message).toBe('Only a draft can be filed.');
    for (const [body, field] of [
      [{ stage: 'adopted' }, 'stage'],
      [{ stage: 'amendments' }, 'deadline'],
      [{ stage: 'amendments', deadline: '2020-01-01T00:00:00Z' }, 'deadline'],
      [{ stage: 'vote', closesAt: later(3), quorum: 101 }, 'quorum'],
      [{ stage: 'vote', closesAt: later(3), quorum: 'vingt' }, 'quorum'],
      [{ stage: 'vote', closesAt: later(3), majority: 'absolute' }, 'majority'],
      [{ stage: 'vote' }, 'closesAt'],
      [{ stage: 'vote', closesAt: later(3), quorom: 5 }, 'quorom'],
    ] as const) {
      const r = await stage(id, body, secretary);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await stage(id, 'pas du JSON', secretary)).body.error.field).toBe('body');
    expect((await get(id, author)).body.stage).toBe('filed');
  });
});
