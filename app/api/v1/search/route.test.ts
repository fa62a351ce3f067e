import { describe, expect, it } from 'vitest';
import { createPage, type CreatePageInput } from '@/server/pages/page-service';
import { putPageContent } from '@/server/links/put-page-content';
import { pageRevision } from '@/server/pages/based-write';
import { params, person, read, req, territory, viewerOf, type Person } from '../test-helpers';
import { GET as search } from './route';
import { GET as backlinks } from '../pages/[id]/backlinks/route';

const t = territory();
const militante = person('member', [[t.section.id, 'member']]);
const colmar = person('member', [[t.otherSection.id, 'member']]);
const make = (who: Person, input: CreatePageInput) => createPage(viewerOf(who), input);

const open = make(militante, { spaceId: t.section.id, title: 'Gratuité des transports', visibility: 'public', status: 'published', markdown: 'Pour des <b>transports</b> gratuits.' });
const closed = make(militante, { spaceId: t.section.id, title: 'Transports : tactique du bureau', visibility: 'space', status: 'published' });
putPageContent(viewerOf(militante), closed.id, { markdown: `Voir [ici](/pages/${open.id}).`, baseRevision: pageRevision(closed.id) });

const get = async (url: string, token?: string) => read(await search(req(url, { token })));

describe('GET /api/v1/search', () => {
  it('answers {data: [{id, title, snippet}], nextCursor} with marks, filtered by the caller', async () => {
    const mine = await get('/api/v1/search?q=transports', militante.token);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    expect(mine.body.data.map((d: { id: string }) => d.id).sort()).toEqual([open.id, closed.id].sort());
    expect(mine.body.data.find((d: { id: string }) => d.id === open.id)).toEqual({ id: open.id, title: 'Gratuité des transports', snippet: 'Pour des &lt;b&gt;<mark>transports</mark>&lt;/b&gt; gratuits.' });
    expect(mine.body.nextCursor).toBeNull();
    for (const token of [colmar.token, undefined]) {
      const theirs = await get('/api/v1/search?q=transports', token);
      expect(theirs.body.data.map((d: { id: string }) => d.id)).toEqual([open.id]);
      expect(theirs.text).not.toContain('tactique');
    }
  });

  it('pages with limit and cursor', async () => {
    const first = await get('/api/v1/search?q=transports&limit=1', militante.token);
    expect(first.body.data).toHaveLength(1);
    const second = await get(`/api/v1/search?q=transports&limit=1&cursor=${first.body.nextCursor}`, militante.token);
    expect(second.body.data).toHaveLength(1);
    expect([first.body.data[0].id, second.body.data[0].id].sort()).toEqual([open.id, closed.id].sort());
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers 400 naming q, limit or cursor', async () => {
    for (const url of ['/api/v1/search', '/api/v1/search?q=', '/api/v1/search?q=%20%20']) {
      const r = await get(url, militante.token);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'invalid_input', field: 'q' });
    }
    expect((await get('/api/v1/search?q=a&limit=x')).body.error.field).toBe('limit');
    expect((await get('/api/v1/search?q=a&cursor=%%%')).body.error.field).toBe('cursor');
    expect((await get('/api/v1/search?q=%22%28*')).body).toEqual({ data: [], nextCursor: null });
  });
});

describe('GET /api/v1/pages/:id/backlinks', () => {
  const get = async (id: string, token?: string) => read(await backlinks(req(`/api/v1/pages/${id}/backlinks`, { token }), params({ id })));

  it('lists readable referrers only, with the text around the link', async () => {
    const mine = await get(open.id, militante.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ data: [{ id: closed.id, title: closed.title, snippet: 'Voir Gratuité des transports.' }], nextCursor: null }); // the link shows the target's current title
    const theirs = await get(open.id, colmar.token);
    expect(theirs.body).toEqual({ data: [], nextCursor: null });
    expect(theirs.text).not.toContain('tactique');
  });

  it('is a 404 for a target the caller may not read', async () => {
    const r = await get(closed.id, colmar.token);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('tactique');
  });
});
