import { describe, expect, it } from 'vitest';
import { createSubspace } from '@/server/spaces/space-service';
import { params, person, read, req, territory, viewerOf } from '../test-helpers';
import { GET as listSpaces } from './route';
import { GET as getSpace } from './[id]/route';

const t = territory();
const secretary = person('member', [[t.section.id, 'secretary']]);

describe('GET /api/v1/spaces', () => {
  it('lists spaces by kind, public fields only', async () => {
    const r = await read(await listSpaces(req('/api/v1/spaces?kind=section')));
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.body.nextCursor).toBeNull();
    expect(r.body.data).toEqual(
      [t.otherSection, t.section].map((s) => ({ id: s.id, kind: 'section', name: s.name, description: '', parentId: t.federation.id, abilities: expect.any(Object) })),
    );
    expect(r.text).not.toContain('"path"');
  });

  it('gives each space the viewer’s abilities, as GET /api/v1/spaces/:id does', async () => {
    const r = await read(await listSpaces(req('/api/v1/spaces?kind=section', { token: secretary.token })));
    const byId = new Map(r.body.data.map((s: { id: string; abilities: Record<string, boolean> }) => [s.id, s.abilities]));
    expect(byId.get(t.section.id)).toMatchObject({ manageMembers: true, createPage: true, listMembers: true, createSubspace: false });
    expect(byId.get(t.otherSection.id)).toMatchObject({ manageMembers: false, createPage: false, listMembers: false });
    const one = await read(await getSpace(req(`/api/v1/spaces/${t.section.id}`, { token: secretary.token }), params({ id: t.section.id })));
    expect(byId.get(t.section.id)).toEqual(one.body.abilities);
    const anonymous = await read(await listSpaces(req('/api/v1/spaces?kind=section')));
    for (const s of anonymous.body.data) expect(Object.values(s.abilities).every((a) => a === false)).toBe(true);
  });

  it('lists the children of a parent', async () => {
    const r = await read(await listSpaces(req(`/api/v1/spaces?parentId=${t.national.id}`)));
    expect(r.body.data.map((s: { id: string }) => s.id)).toEqual([t.federation.id]);
  });

  it('pages through with a cursor', async () => {
    const va = viewerOf(t.admin);
    for (let i = 0; i < 4; i++) createSubspace(va, { parentId: t.federation.id, name: `Commune ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let rounds = 0;
    do {
      const url: string = `/api/v1/spaces?parentId=${t.federation.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await read(await listSpaces(req(url)));
      expect(r.status).toBe(200);
      expect(r.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...r.body.data.map((s: { id: string }) => s.id));
      cursor = r.body.nextCursor;
      rounds += 1;
    } while (cursor);
    expect(rounds).toBe(3);
    expect(new Set(seen).size).toBe(6);
  });

  it('clamps the limit to 1..100', async () => {
    const low = await read(await listSpaces(req('/api/v1/spaces?limit=0')));
    expect(low.body.data).toHaveLength(1);
    expect(low.body.nextCursor).not.toBeNull();
    const high = await read(await listSpaces(req('/api/v1/spaces?limit=5000')));
    expect(high.status).toBe(200);
    expect(high.body.nextCursor).toBeNull();
  });

  it('names the faulty parameter', async () => {
    const cases: [string, string][] = [
      ['/api/v1/spaces?kind=planet', 'kind'],
      ['/api/v1/spaces?limit=ten', 'limit'],
      ['/api/v1/spaces?cursor=%%%', 'cursor'],
      ['/api/v1/spaces?cursor=bm90LWpzb24', 'cursor'],
      ['/api/v1/spaces?parentId=nope', 'parentId'],
    ];
    for (const [url, field] of cases) {
      const r = await read(await listSpaces(req(url)));
      expect(r.status, url).toBe(400);
      expect(r.body.error, url).toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('refuses a bad token rather than answering anonymously', async () => {
    const r = await read(await listSpaces(req('/api/v1/spaces', { token: 'cpl_revoked' })));
    expect(r.status).toBe(401);
  });
});

describe('GET /api/v1/spaces/:id', () => {
  it('gives the space with breadcrumbs and the viewer’s abilities', async () => {
    const r = await read(await getSpace(req(`/api/v1/spaces/${t.section.id}`, { token: secretary.token }), params({ id: t.section.id })));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: t.section.id, kind: 'section', name: t.section.name, parentId: t.federation.id });
    expect(r.body.breadcrumbs.map((b: { id: string }) => b.id)).toEqual([t.national.id, t.federation.id, t.section.id]);
    expect(r.body.abilities).toMatchObject({ manageMembers: true, createPage: true, listMembers: true, createSubspace: false });
  });

  it('gives an anonymous visitor no abilities', async () => {
    const r = await read(await getSpace(req(`/api/v1/spaces/${t.group.id}`), params({ id: t.group.id })));
    expect(r.status).toBe(200);
    expect(Object.values(r.body.abilities).every((a) => a === false)).toBe(true);
  });

  it('is 404 for an unknown space', async () => {
    const r = await read(await getSpace(req('/api/v1/spaces/nope'), params({ id: 'nope' })));
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});
