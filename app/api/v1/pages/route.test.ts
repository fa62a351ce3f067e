import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db, openDb, useDb } from '@/db/client';
import { pages } from '@/db/schema';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { MAX_BODY_BYTES } from '@/server/http/api';
import { createPage, deletePage, type CreatePageInput } from '@/server/pages/page-service';
import { BASE, params, person, read, req, territory, viewerOf, type Person } from '../test-helpers';
import { GET as listPages, POST as postPage } from './route';
import { DELETE as deletePageRoute, GET as getPage, PATCH as patchPage } from './[id]/route';

const t = territory();
const militante = person('member', [[t.section.id, 'member']]);
const colmar = person('member', [[t.otherSection.id, 'member']]);
const citoyen = person('citizen');

const make = (who: Person, input: CreatePageInput) => createPage(viewerOf(who), input);

const publicPage = make(militante, { spaceId: t.section.id, title: 'Programme public', visibility: 'public', status: 'published', markdown: 'Pour **tous**.' });
const membersPage = make(militante, { spaceId: t.section.id, title: 'Note aux adhérents', visibility: 'members', status: 'published' });
const secretPage = make(militante, { spaceId: t.section.id, title: 'Réunion secrète du bureau', visibility: 'space', status: 'published' });
const draftPage = make(militante, { spaceId: t.section.id, title: 'Brouillon confidentiel', visibility: 'public', status: 'draft' });
const trashedPage = make(militante, { spaceId: t.section.id, title: 'Page jetée', visibility: 'public', status: 'published' });
deletePage(viewerOf(militante), trashedPage.id);

const ids = (r: { body: { data: { id: string }[] } }) => r.body.data.map((p) => p.id);
const get = async (id: string, token?: string) => read(await getPage(req(`/api/v1/pages/${id}`, { token }), params({ id })));
const patch = async (id: string, body: unknown, token?: string, headers?: Record<string, string>) =>
  read(await patchPage(req(`/api/v1/pages/${id}`, { method: 'PATCH', body, token, headers }), params({ id })));
const post = async (body: unknown, token?: string, headers?: Record<string, string>) =>
  read(await postPage(req('/api/v1/pages', { method: 'POST', body, token, headers })));

describe('GET /api/v1/pages', () => {
  it('serves anonymous visitors public published pages only', async () => {
    const r = await read(await listPages(req(`/api/v1/pages?spaceId=${t.section.id}`)));
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(ids(r)).toEqual([publicPage.id]);
    for (const p of [membersPage, secretPage, draftPage, trashedPage]) expect(r.text).not.toContain(p.title);
  });

  it('gives each listed page the viewer’s abilities, as GET /api/v1/pages/:id does', async () => {
    for (const token of [militante.token, colmar.token, undefined]) {
      const r = await read(await listPages(req(`/api/v1/pages?spaceId=${t.section.id}`, { token })));
      expect(r.body.data.length).toBeGreaterThan(0);
      for (const item of r.body.data) expect(item.abilities).toEqual((await get(item.id, token)).body.abilities);
    }
    const mine = await read(await listPages(req(`/api/v1/pages?spaceId=${t.section.id}`, { token: militante.token })));
    expect(mine.body.data.find((p: { id: string }) => p.id === secretPage.id).abilities).toMatchObject({ read: true, edit: true, readsLiveText: true });
    const anonymous = await read(await listPages(req(`/api/v1/pages?spaceId=${t.section.id}`)));
    expect(anonymous.body.data[0].abilities).toMatchObject({ read: true, edit: false, comment: false, readsLiveText: false });
  });

  it('lists what a member of another section may read, and no title beyond', async () => {
    const r = await read(await listPages(req(`/api/v1/pages?spaceId=${t.section.id}`, { token: colmar.token })));
    expect(ids(r).sort()).toEqual([publicPage.id, membersPage.id].sort());
    expect(r.text).not.toContain(secretPage.title);
    expect(r.text).not.toContain(draftPage.title);
  });

  it('lists the section’s own pages to its members, drafts to their author', async () => {
    const r = await read(await listPages(req(`/api/v1/pages?spaceId=${t.section.id}`, { token: militante.token })));
    expect(ids(r).sort()).toEqual([publicPage.id, membersPage.id, secretPage.id, draftPage.id].sort());
    expect(r.body.data.find((p: { id: string }) => p.id === publicPage.id)).toMatchObject({
      title: 'Programme public',
      kind: 'document',
      spaceId: t.section.id,
      visibility: 'public',
      status: 'published',
      url: `${BASE}/pages/${publicPage.id}`,
    });
  });

  it('pages through more pages than the limit, each once', async () => {
    const group = t.group.id;
    for (let i = 0; i < 7; i++) make(t.admin, { spaceId: group, title: `Texte ${i}`, visibility: 'public', status: 'published' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let rounds = 0;
    do {
      const url: string = `/api/v1/pages?spaceId=${group}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const r = await read(await listPages(req(url)));
      expect(r.status).toBe(200);
      expect(r.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...ids(r));
      cursor = r.body.nextCursor;
      rounds += 1;
    } while (cursor);
    expect(rounds).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('clamps the limit to 1..100 and filters by kind', async () => {
    const one = await read(await listPages(req('/api/v1/pages?limit=-5')));
    expect(one.body.data).toHaveLength(1);
    expect(one.body.nextCursor).toEqual(expect.any(String));
    const many = await read(await listPages(req('/api/v1/pages?limit=100000')));
    expect(many.status).toBe(200);
    const events = await read(await listPages(req('/api/v1/pages?kind=event')));
    expect(events.body).toEqual({ data: [], nextCursor: null });
  });

  it('names the faulty parameter', async () => {
    const cases: [string, string][] = [
      ['/api/v1/pages?cursor=garbage', 'cursor'],
      ['/api/v1/pages?kind=tract', 'kind'],
      ['/api/v1/pages?limit=1.5', 'limit'],
      ['/api/v1/pages?spaceId=nope', 'spaceId'],
    ];
    for (const [url, field] of cases) {
      const r = await read(await listPages(req(url)));
      expect(r.status, url).toBe(400);
      expect(r.body.error, url).toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('is 401 with a bad token, even for public content', async () => {
    const r = await read(await listPages(req('/api/v1/pages', { token: 'cpl_wrong' })));
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthorized');
    expect(r.text).not.toContain(publicPage.title);
  });
});

describe('GET /api/v1/pages/:id', () => {
  it('gives a readable page with its text, Markdown, url and abilities', async () => {
    const r = await get(publicPage.id, militante.token);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    // `stage` and `deliberation`: null on a page nobody deliberates on (a motion's: server/motions).
    expect(Object.keys(r.body).sort()).toEqual(['abilities', 'deliberation', 'id', 'kind', 'markdown', 'revision', 'spaceId', 'stage', 'status', 'text', 'title', 'updatedAt', 'url', 'visibility'].sort());
    expect(r.body).toMatchObject({
      id: publicPage.id,
      title: 'Programme public',
      spaceId: t.section.id,
      visibility: 'public',
      status: 'published',
      text: 'Pour tous.',
      markdown: 'Pour **tous**.',
      url: `${BASE}/pages/${publicPage.id}`,
      updatedAt: publicPage.updatedAt.toISOString(),
    });
    expect(r.body.abilities).toMatchObject({ read: true, edit: true, delete: true });
  });

  it('serves public published pages to anonymous visitors, read-only', async () => {
    const r = await get(publicPage.id);
    expect(r.status).toBe(200);
    expect(r.body.abilities).toMatchObject({ read: true, edit: false, comment: false });
  });

  it('answers 404 for a page the viewer cannot read, without its title', async () => {
    const cases: [string, string | undefined][] = [
      [secretPage.id, colmar.token],
      [secretPage.id, citoyen.token],
      [membersPage.id, citoyen.token],
      [membersPage.id, undefined],
      [draftPage.id, colmar.token],
      [draftPage.id, undefined],
      [trashedPage.id, militante.token],
    ];
    const unknown = await get('no-such-page', colmar.token);
    for (const [id, token] of cases) {
      const r = await get(id, token);
      expect(r.status).toBe(404);
      expect(r.body).toEqual(unknown.body);
      for (const p of [secretPage, membersPage, draftPage, trashedPage]) expect(r.text).not.toContain(p.title);
    }
  });

  it('is 401 with a bad token', async () => {
    const r = await get(publicPage.id, 'cpl_wrong');
    expect(r.status).toBe(401);
    expect(r.text).not.toContain(publicPage.title);
  });
});

describe('POST /api/v1/pages', () => {
  it('creates a draft in the caller’s section and answers 201 with the page', async () => {
    const r = await post({ spaceId: t.section.id, title: '  Nouvelle motion  ', kind: 'motion', markdown: '## Considérant\n\nQue tout va bien.' }, militante.token);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ title: 'Nouvelle motion', kind: 'motion', visibility: 'space', status: 'draft', markdown: '## Considérant\n\nQue tout va bien.' });
    expect(r.headers.get('location')).toBe(`${BASE}/pages/${r.body.id}`);
    expect(r.body.url).toBe(r.headers.get('location'));
    expect((await get(r.body.id, militante.token)).body.title).toBe('Nouvelle motion');
  });

  it('is 401 without credentials and 403 where the caller may not write', async () => {
    const body = { spaceId: t.section.id, title: 'Intrus' };
    expect((await post(body)).status).toBe(401);
    const citizen = await post(body, citoyen.token);
    expect(citizen.status).toBe(403);
    expect(citizen.body.error.code).toBe('forbidden');
    expect((await post(body, colmar.token)).status).toBe(403);
    expect(db().select().from(pages).where(eq(pages.title, 'Intrus')).all()).toEqual([]);
  });

  it('answers 400 naming the field for bad input, never 500', async () => {
    const s = t.section.id;
    const cases: [unknown, string][] = [
      ['{"spaceId": ', 'body'],
      ['', 'body'],
      ['[1,2]', 'body'],
      ['"just a string"', 'body'],
      ['null', 'body'],
      [{ title: 'Sans espace' }, 'spaceId'],
      [{ spaceId: 42, title: 'x' }, 'spaceId'],
      [{ spaceId: 'nope', title: 'Espace inconnu' }, 'spaceId'],
      [{ spaceId: s }, 'title'],
      [{ spaceId: s, title: 12 }, 'title'],
      [{ spaceId: s, title: '   ' }, 'title'],
      [{ spaceId: s, title: 'x'.repeat(201) }, 'title'],
      [{ spaceId: s, title: 'x', kind: 'tract' }, 'kind'],
      // An event needs its dates: it is created through /api/v1/spaces/:id/events.
      [{ spaceId: s, title: 'x', kind: 'event' }, 'kind'],
      [{ spaceId: s, title: 'x', visibility: 'everyone' }, 'visibility'],
      [{ spaceId: s, title: 'x', status: 1 }, 'status'],
      [{ spaceId: s, title: 'x', markdown: { text: 'no' } }, 'markdown'],
      [{ spaceId: s, title: 'x', markdown: 'a'.repeat(200_001) }, 'markdown'],
      [{ spaceId: s, title: 'x', titel: 'typo' }, 'titel'],
    ];
    for (const [body, field] of cases) {
      const r = await post(body, militante.token);
      expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(r.body.error, JSON.stringify(body).slice(0, 60)).toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('refuses bodies over the limit, declared or actual: a 400 naming the body', async () => {
    const declared = await post({ spaceId: t.section.id, title: 'x' }, militante.token, { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect(declared.status).toBe(400);
    expect(declared.body.error).toMatchObject({ code: 'payload_too_large', field: 'body' });
    // No Content-Length: the bytes received are counted.
    const huge = JSON.stringify({ spaceId: t.section.id, title: 'x', markdown: 'a'.repeat(MAX_BODY_BYTES) });
    const actual = await post(huge, militante.token);
    expect(actual.status).toBe(400);
    expect(actual.body.error).toMatchObject({ code: 'payload_too_large', field: 'body' });
  });

  it('accepts the session cookie from Coopol’s own origin and refuses it cross-site', async () => {
    const cookie = `${sessionCookieName()}=${createSession(militante.id).token}`;
    const body = { spaceId: t.section.id, title: 'Par le navigateur' };
    const foreign = await post(body, undefined, { cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await post(body, undefined, { cookie, origin: BASE });
    expect(own.status).toBe(201);
  });
});

describe('PATCH /api/v1/pages/:id', () => {
  it('lets an author retitle, rewrite and publish', async () => {
    const page = make(militante, { spaceId: t.section.id, title: 'À relire' });
    const { revision } = (await get(page.id, militante.token)).body;
    const r = await patch(page.id, { title: 'Relu', markdown: 'Version *finale*.', baseRevision: revision, status: 'published', visibility: 'members' }, militante.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: page.id, title: 'Relu', markdown: 'Version *finale*.', text: 'Version finale.', status: 'published', visibility: 'members' });
    // A member elsewhere in the party now reads it.
    expect((await get(page.id, colmar.token)).body.title).toBe('Relu');
  });

  it('is 403 for a reader who may not edit, 401 without credentials', async () => {
    const r = await patch(membersPage.id, { title: 'Détourné' }, colmar.token);
    expect(r.status).toBe(403);
    expect((await patch(publicPage.id, { title: 'Détourné' })).status).toBe(401);
    expect((await get(membersPage.id, militante.token)).body.title).toBe('Note aux adhérents');
  });

  it('is 404 on a page the caller cannot read, changes nothing and leaks no title', async () => {
    const before = db().select().from(pages).where(eq(pages.id, secretPage.id)).get()!;
    for (const body of [{ title: 'Piraté' }, {}, { status: 'published' }]) {
      const r = await patch(secretPage.id, body, colmar.token);
      expect(r.status, JSON.stringify(body)).toBe(404);
      expect(r.text).not.toContain(secretPage.title);
    }
    expect(db().select().from(pages).where(eq(pages.id, secretPage.id)).get()).toEqual(before);
  });

  it('answers 400 naming the field for bad input', async () => {
    const cases: [unknown, string][] = [
      ['not json', 'body'],
      [{ title: '' }, 'title'],
      [{ visibility: 'secret' }, 'visibility'],
      [{ markdown: 3 }, 'markdown'],
      [{ spaceId: t.otherSection.id }, 'spaceId'],
    ];
    for (const [body, field] of cases) {
      const r = await patch(publicPage.id, body, militante.token);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'invalid_input', field });
    }
  });
});

describe('DELETE /api/v1/pages/:id', () => {
  it('moves the page to the trash: 204, then 404 and out of lists', async () => {
    const page = make(militante, { spaceId: t.section.id, title: 'À jeter', visibility: 'public', status: 'published' });
    const res = await deletePageRoute(req(`/api/v1/pages/${page.id}`, { method: 'DELETE', token: militante.token }), params({ id: page.id }));
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect((await get(page.id, militante.token)).status).toBe(404);
    const list = await read(await listPages(req(`/api/v1/pages?spaceId=${t.section.id}`, { token: militante.token })));
    expect(ids(list)).not.toContain(page.id);
    expect(db().select().from(pages).where(eq(pages.id, page.id)).get()?.deletedAt).toBeInstanceOf(Date);
  });

  it('is 404 for a page the caller cannot read, 401 anonymously', async () => {
    const del = async (token?: string) => read(await deletePageRoute(req(`/api/v1/pages/${secretPage.id}`, { method: 'DELETE', token }), params({ id: secretPage.id })));
    const r = await del(colmar.token);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain(secretPage.title);
    expect((await del()).status).toBe(401);
    expect((await get(secretPage.id, militante.token)).status).toBe(200);
  });
});

describe('unexpected failures', () => {
  it('answer a generic 500 and log no personal data', async () => {
    const real = db();
    const broken = openDb(path.join(process.env.DATA_DIR!, 'broken.sqlite'));
    broken.$client.close();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    useDb(broken);
    try {
      const r = await read(await listPages(req('/api/v1/pages?spaceId=x', { token: militante.token })));
      expect(r.status).toBe(500);
      expect(r.body).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
      expect(log).toHaveBeenCalledTimes(1);
      const logged = log.mock.calls.flat().map(String).join(' ');
      expect(logged).not.toContain(militante.token);
      expect(logged).not.toContain(militante.email);
      expect(logged).not.toContain('spaceId=x');
    } finally {
      useDb(real);
      log.mockRestore();
    }
  });
});
