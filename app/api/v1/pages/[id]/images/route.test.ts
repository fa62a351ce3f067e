/**
 * Images through the JSON API: uploaded (multipart or raw body) only by people who may edit the
 * page, typed by their magic bytes, capped in size; served only to people who may read the page
 * (citizens and anonymous readers: only images of the published version), with the same 404 for
 * an unknown image and an unreadable one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '@/db/client';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { createPage, deletePage, updatePage } from '@/server/pages/page-service';
import { putPageContent } from '@/server/links/put-page-content';
import { publishNewVersion } from '@/server/versions/version-service';
import { MAX_IMAGE_BYTES } from '@/server/images/page-images';
import { BASE, params, person, read, territory, viewerOf } from '../../../test-helpers';
import { POST as upload } from './route';
import { GET as serve } from '../../../images/[id]/route';

const t = territory();
const militante = person('member', [[t.section.id, 'member']]);
const colmar = person('member', [[t.otherSection.id, 'member']]);
const citoyen = person('citizen');

const spacePage = createPage(viewerOf(militante), { spaceId: t.section.id, title: 'Compte rendu du bureau', visibility: 'space', status: 'published' });
const publicPage = createPage(viewerOf(militante), { spaceId: t.section.id, title: 'Tract public', visibility: 'public', status: 'published' });

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
const WEBP = new Uint8Array([...new TextEncoder().encode('RIFF'), 4, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')]);

type Auth = { token?: string; cookie?: string; origin?: string };

function headersOf(a: Auth, extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = { ...extra };
  if (a.token) h.authorization = `Bearer ${a.token}`;
  if (a.cookie) h.cookie = a.cookie;
  if (a.origin) h.origin = a.origin;
  return h;
}

async function postRaw(pageId: string, bytes: Uint8Array<ArrayBuffer>, a: Auth = {}, type = 'application/octet-stream') {
  const r = new Request(`${BASE}/api/v1/pages/${pageId}/images`, { method: 'POST', headers: headersOf(a, { 'content-type': type }), body: bytes });
  return read(await upload(r, params({ id: pageId })));
}

async function postForm(pageId: string, bytes: Uint8Array<ArrayBuffer>, a: Auth = {}, field = 'file') {
  const form = new FormData();
  form.set(field, new Blob([bytes], { type: 'image/png' }), 'photo.png');
  const r = new Request(`${BASE}/api/v1/pages/${pageId}/images`, { method: 'POST', headers: headersOf(a), body: form });
  return read(await upload(r, params({ id: pageId })));
}

async function get(id: string, a: Auth = {}) {
  const res = await serve(new Request(`${BASE}/api/v1/images/${id}`, { headers: headersOf(a) }), params({ id }));
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('POST /api/v1/pages/:id/images', () => {
  it('stores each accepted type, sniffed from its bytes, under DATA_DIR/uploads', async () => {
    for (const [bytes, mime] of [[PNG, 'image/png'], [JPEG, 'image/jpeg'], [GIF, 'image/gif'], [WEBP, 'image/webp']] as const) {
      // The declared type is ignored: only the bytes count.
      const r = await postRaw(spacePage.id, bytes, { token: militante.token }, 'text/plain');
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ mime, size: bytes.byteLength, url: `/api/v1/images/${r.body.id}` });
      expect(new Uint8Array(fs.readFileSync(path.join(dataDir(), 'uploads', r.body.id)))).toEqual(bytes);
    }
  });

  it('accepts a multipart form with a `file` field (what the editor sends), with the session cookie', async () => {
    const { token } = createSession(militante.id);
    const r = await postForm(spacePage.id, PNG, { cookie: `${sessionCookieName()}=${token}`, origin: BASE });
    expect(r.status).toBe(201);
    const back = await get(r.body.id, { token: militante.token });
    expect(back.status).toBe(200);
    expect(back.bytes).toEqual(PNG);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(back.headers.get('cache-control')).toContain('private');
    expect(back.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses files that are not images, empty bodies, a missing field and files over 10 MB', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script>');
    expect((await postRaw(spacePage.id, html, { token: militante.token }, 'image/png')).body.error).toMatchObject({ code: 'invalid_input', field: 'file' });
    expect((await postRaw(spacePage.id, new Uint8Array(), { token: militante.token })).body.error.code).toBe('invalid_input');
    expect((await postForm(spacePage.id, PNG, { token: militante.token }, 'photo')).body.error).toMatchObject({ code: 'invalid_input', field: 'file' });
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    const r = await postRaw(spacePage.id, big, { token: militante.token });
    expect(r.status).toBe(400);
    const form = await postForm(spacePage.id, big, { token: militante.token });
    expect(form.status).toBe(400);
    // No Content-Length (a streamed body): cut off while streaming.
    const chunks = [big.subarray(0, MAX_IMAGE_BYTES / 2), big.subarray(MAX_IMAGE_BYTES / 2)];
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => (chunks.length ? c.enqueue(chunks.shift()!) : c.close()) });
    const streamed = new Request(`${BASE}/api/v1/pages/${spacePage.id}/images`, { method: 'POST', headers: headersOf({ token: militante.token }), body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.headers.get('content-length')).toBeNull();
    expect((await read(await upload(streamed, params({ id: spacePage.id })))).status).toBe(400);
  });

  it('lets only editors upload: 401 anonymous, 404 for who cannot read, 403 for readers who cannot edit', async () => {
    expect((await postRaw(spacePage.id, PNG)).status).toBe(401);
    const hidden = await postRaw(spacePage.id, PNG, { token: colmar.token });
    expect(hidden.status).toBe(404);
    expect(hidden.text).not.toContain(spacePage.title);
    expect((await postRaw(publicPage.id, PNG, { token: colmar.token })).status).toBe(403);
    expect((await postRaw(publicPage.id, PNG, { token: citoyen.token })).status).toBe(403);
    expect((await postRaw('no-such-page', PNG, { token: militante.token })).status).toBe(404);
    const { token } = createSession(militante.id);
    expect((await postForm(spacePage.id, PNG, { cookie: `${sessionCookieName()}=${token}`, origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('GET /api/v1/images/:id', () => {
  it("serves an image to exactly those who may read its page, and follows the page's changes", async () => {
    const page = createPage(viewerOf(militante), { spaceId: t.section.id, title: 'Affiche', visibility: 'public', status: 'draft' });
    const { body } = await postRaw(page.id, JPEG, { token: militante.token });
    putPageContent(viewerOf(militante), page.id, { markdown: `![Affiche](${body.url})`, mode: 'append' });
    updatePage(viewerOf(militante), page.id, { status: 'published' });
    expect((await get(body.id)).status).toBe(200); // public page: anyone
    expect((await get(body.id, { token: citoyen.token })).status).toBe(200);
    updatePage(viewerOf(militante), page.id, { visibility: 'space' });
    expect((await get(body.id)).status).toBe(404);
    expect((await get(body.id, { token: colmar.token })).status).toBe(404);
    expect((await get(body.id, { token: militante.token })).status).toBe(200);
    deletePage(viewerOf(militante), page.id);
    expect((await get(body.id, { token: militante.token })).status).toBe(404);
  });

  it('serves citizens and anonymous readers only the images of the published version', async () => {
    const page = createPage(viewerOf(militante), { spaceId: t.section.id, title: 'Tract en préparation', visibility: 'public', status: 'published', markdown: 'Texte publié.' });
    const first = (await postRaw(page.id, PNG, { token: militante.token })).body;
    putPageContent(viewerOf(militante), page.id, { markdown: `![Premier visuel](${BASE}${first.url})`, mode: 'append' });
    const later = (await postRaw(page.id, GIF, { token: militante.token })).body;
    // Uploaded, and even in the live text, but not published: members only.
    for (const img of [first, later]) {
      expect((await get(img.id)).status).toBe(404);
      expect((await get(img.id, { token: citoyen.token })).status).toBe(404);
      expect((await get(img.id, { token: militante.token })).status).toBe(200);
      expect((await get(img.id, { token: colmar.token })).status).toBe(200); // a member reads the live page
    }
    publishNewVersion(viewerOf(militante), page.id);
    expect((await get(first.id)).status).toBe(200); // an absolute URL to this site counts too
    expect((await get(first.id, { token: citoyen.token })).status).toBe(200);
    expect((await get(later.id)).status).toBe(404); // never in the text
    expect((await get(later.id, { token: citoyen.token })).status).toBe(404);
  });

  it('answers the same 404 for unknown and malformed ids', async () => {
    const unknown = await get(crypto.randomUUID(), { token: militante.token });
    expect(unknown.status).toBe(404);
    expect((await get('../coopol.sqlite', { token: militante.token })).status).toBe(404);
  });
});
