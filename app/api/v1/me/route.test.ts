import { describe, expect, it } from 'vitest';
import { createPage } from '@/server/pages/page-service';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { person, read, req, territory, viewerOf } from '../test-helpers';
import { GET as getMe } from './route';
import { GET as getExport } from './export/route';

const t = territory();
const militante = person('member', [
  [t.section.id, 'member'],
  [t.group.id, 'admin'],
]);

describe('GET /api/v1/me', () => {
  it('describes the signed-in person and their memberships', async () => {
    const r = await read(await getMe(req('/api/v1/me', { token: militante.token })));
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.body).toEqual({
      id: militante.id,
      name: expect.any(String),
      email: militante.email,
      siteRole: 'member',
      locale: 'fr',
      memberships: [
        { spaceId: t.section.id, name: t.section.name, kind: 'section', role: 'member' },
        { spaceId: t.group.id, name: t.group.name, kind: 'group', role: 'admin' },
      ],
    });
  });

  it('accepts the session cookie too', async () => {
    const { token } = createSession(militante.id);
    const r = await read(await getMe(req('/api/v1/me', { headers: { cookie: `${sessionCookieName()}=${token}` } })));
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(militante.id);
  });

  it('is 401 without credentials', async () => {
    const r = await read(await getMe(req('/api/v1/me')));
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="coopol"');
  });

  it('is 401 with a bad or malformed token', async () => {
    for (const authorization of ['Bearer cpl_nope', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const r = await read(await getMe(req('/api/v1/me', { headers: { authorization } })));
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('unauthorized');
    }
  });
});

describe('GET /api/v1/me/export', () => {
  it('downloads everything held about the caller', async () => {
    createPage(viewerOf(militante), { spaceId: t.section.id, title: 'Mon brouillon', markdown: 'Du **texte**.' });
    const res = await getExport(req('/api/v1/me/export', { token: militante.token }));
    const r = await read(res);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="coopol-mes-donnees.json"');
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.body.profile).toMatchObject({ id: militante.id, email: militante.email });
    expect(r.body.memberships).toHaveLength(2);
    expect(r.body.pages).toEqual([expect.objectContaining({ title: 'Mon brouillon', markdown: 'Du **texte**.' })]);
    expect(r.body.apiTokens).toEqual([expect.objectContaining({ name: 'test' })]);
  });

  it('holds nobody else’s data', async () => {
    const other = person('member', [[t.otherSection.id, 'member']]);
    const r = await read(await getExport(req('/api/v1/me/export', { token: other.token })));
    expect(r.text).not.toContain(militante.email);
    expect(r.text).not.toContain('Mon brouillon');
  });

  it('is 401 without credentials', async () => {
    const r = await read(await getExport(req('/api/v1/me/export')));
    expect(r.status).toBe(401);
    expect(r.headers.get('content-disposition')).toBeNull();
  });
});
