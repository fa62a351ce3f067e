/**
 * Every HTML answer carries a Content-Security-Policy whose nonce Next puts on its own scripts,
 * and the usual hardening headers; the screens still work under that policy (the live editor
 * connects through its websocket) and the browser reports no violation.
 */
import type { APIResponse, Page, Response } from '@playwright/test';
import { PERSONAS, createPageViaApi, expect, expectConnected, findSpace, liveEditor, test, unique } from './fixtures';

/** Records CSP violations (the DOM event, and the console message Chromium prints for each). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction('__cspViolation', (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

function directivesOf(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

/** Checks the headers of an HTML answer; returns its nonce. */
function expectSecurityHeaders(res: Response | APIResponse): string {
  const h = res.headers();
  expect(h['content-type']).toMatch(/^text\/html/);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // AUTH_URL is http in the tests: no HSTS (it would lock a plain-HTTP site out).
  expect(h['strict-transport-security']).toBeUndefined();
  const csp = directivesOf(h['content-security-policy'] ?? '');
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  const scripts = csp.get('script-src') ?? [];
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, 'script-src holds a nonce').toBeTruthy();
  return nonce!;
}

/** Every script of the raw HTML carries this answer's nonce (else the browser would refuse it). */
async function expectScriptsNonced(res: APIResponse): Promise<void> {
  const nonce = expectSecurityHeaders(res);
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, 'script tag carries the nonce').toContain(`nonce="${nonce}"`);
}

test('the home and sign-in pages carry the security headers, and the browser reports no CSP violation', async ({ page, request }) => {
  const violations = await watchViolations(page);
  const nonces = new Set<string>();
  for (const path of ['/', '/connexion']) {
    const res = await page.goto(path);
    nonces.add(expectSecurityHeaders(res!));
    await expectScriptsNonced(await request.get(path));
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  // The page is hydrated (a client component answers): the sign-in form validates on the client.
  await page.getByLabel('Adresse e-mail').fill('quelquun@exemple.test');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue('quelquun@exemple.test');
  expect(nonces.size, 'a fresh nonce per answer').toBe(2);
  expect(violations).toEqual([]);
});

test('a page with the live editor works under the policy: the editor connects, text is typed, no violation', async ({ page, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Page sous CSP'), visibility: 'space', status: 'published', markdown: 'Premier paragraphe.' });
  const path = new URL(created.url).pathname;
  const violations = await watchViolations(page);
  await signInAs(page, PERSONAS.member, '/');
  const home = await page.reload();
  expectSecurityHeaders(home!);
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();

  const res = await page.goto(path);
  expectSecurityHeaders(res!);
  await expectScriptsNonced(await page.request.get(path));
  await expectConnected(page);
  await liveEditor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Écrit sous la politique de sécurité.');
  await expect(liveEditor(page)).toContainText('Écrit sous la politique de sécurité.');
  await expectConnected(page);
  expect(violations).toEqual([]);
});

test('a page refuses to be framed by another site', async ({ page, baseURL }) => {
  const violations = await watchViolations(page);
  await page.setContent(`<iframe src="${baseURL}/connexion" title="coopol"></iframe>`);
  await expect.poll(() => violations.some((v) => v.includes('frame-ancestors'))).toBe(true);
  await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Se connecter' })).toHaveCount(0);
});
