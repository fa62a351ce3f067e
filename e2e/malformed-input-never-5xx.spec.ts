/**
 * What an attacker (or a broken client) sends gets a 4xx, never a 500: bad percent-encoding in
 * URLs, a session cookie that does not decode (HTTP and websocket), a forged sign-in callback,
 * a server action posted from another site; and the return address after sign-in stays on site.
 */
import WebSocket from 'ws';
import { PERSONAS, baseUrl, createPageViaApi, expect, findSpace, test, unique } from './fixtures';

const BAD_COOKIE = 'authjs.session-token=%E0%A4%A';

test('URLs whose percent-encoding does not decode answer 400', async ({ request }) => {
  for (const path of ['/pages/%E0%A4%A', '/espaces/%ZZ', '/%']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
  }
  const api = await request.get('/api/v1/pages/%ZZ', { maxRedirects: 0 });
  expect(api.status()).toBe(400);
  expect((await api.json()) as unknown).toMatchObject({ error: { code: 'invalid_input' } });
  // A bad escape in the query is only text: the search page answers.
  expect((await request.get('/recherche?q=%ZZ', { maxRedirects: 0 })).status()).toBeLessThan(500);
});

test('a session cookie that does not decode is no session: 401 from the API, a page still answers, the websocket says "sign in"', async ({ request, apiAs }) => {
  const api = await request.get('/api/v1/me', { headers: { cookie: BAD_COOKIE } });
  expect(api.status()).toBe(401);
  for (const path of ['/', '/connexion', '/compte']) {
    const res = await request.get(path, { headers: { cookie: BAD_COOKIE }, maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
  }

  const owner = await apiAs(PERSONAS.member);
  const section = await findSpace(owner, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(owner, { spaceId: section.id, title: unique('Page du cookie cassé'), visibility: 'space', status: 'published' });
  const ws = new WebSocket(`${baseUrl().replace(/^http/, 'ws')}/collab/${created.id}`, { headers: { cookie: BAD_COOKIE, origin: baseUrl() } });
  const code = await new Promise<number>((resolve, reject) => {
    ws.on('close', (c) => resolve(c));
    ws.on('error', reject);
  });
  expect(code).toBe(4401);
  // The server is still up (a throw in the handshake would have ended the process).
  expect((await request.get('/api/health')).status()).toBe(200);
});

test('a forged sign-in callback sends to the sign-in page with "invalid link", not a 500', async ({ request }) => {
  for (const query of ['token=garbage&email=x', 'token=garbage&email=%E0%A4%A', 'token=&email=', 'callbackUrl=%0A', '']) {
    const res = await request.get(`/api/auth/callback/nodemailer?${query}`, { maxRedirects: 0 });
    expect(res.status(), query).toBeGreaterThanOrEqual(300);
    expect(res.status(), query).toBeLessThan(500);
  }
  const res = await request.get('/api/auth/callback/nodemailer?token=garbage&email=x');
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('Ce lien de connexion a expiré ou a déjà servi.');
});

test('a server action posted from another site is refused with 403', async ({ request }) => {
  const res = await request.post('/connexion', {
    headers: { 'Next-Action': '7f1c2a9e0b3d4f5a6b7c8d9e0f1a2b3c4d5e6f7a80', Origin: 'https://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[]',
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  const form = await request.post('/compte', { headers: { Origin: 'null' }, multipart: { $ACTION_ID_x: '' }, maxRedirects: 0 });
  expect(form.status()).toBe(403);
});

test('after sign-in, the return address stays on this site whatever the query says', async ({ page, signInAs }) => {
  await signInAs(page, PERSONAS.citizen, '/');
  const cases: [string, string][] = [
    ['/%09/evil.example', '/'],
    ['/%0A/evil.example', '/'],
    ['/%0D%0A/evil.example', '/'],
    ['//evil.example', '/'],
    ['/%5Cevil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    [`${baseUrl()}/recherche?q=budget`, '/recherche?q=budget'],
    ['/recherche?q=budget', '/recherche?q=budget'],
  ];
  for (const [callbackUrl, expected] of cases) {
    const res = await page.request.get(`/connexion?callbackUrl=${callbackUrl.startsWith('/%') ? callbackUrl : encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(res.status(), callbackUrl).toBeGreaterThanOrEqual(300);
    expect(res.status(), callbackUrl).toBeLessThan(400);
    expect(res.headers().location, callbackUrl).toBe(expected);
  }
  // In the browser too: the tab ends on Coopol.
  await page.goto('/connexion?callbackUrl=/%09/evil.example');
  expect(new URL(page.url()).origin).toBe(baseUrl());
});
