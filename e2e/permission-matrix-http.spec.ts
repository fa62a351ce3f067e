/**
 * Who reads what, checked on two channels (rendered page and JSON API) for every demo persona
 * and an anonymous visitor. Pages of each visibility and status are created by a member of
 * Strasbourg-Centre for each test. A page the viewer may not read answers 404 and its title
 * appears nowhere in the answer.
 */
import type { Browser } from '@playwright/test';
import { PERSONAS, apiClient, cli, createPageViaApi, expect, findSpace, test, unique, type Api, type PageJson } from './fixtures';

type Fixture = 'publicPublished' | 'membersPublished' | 'spacePublished' | 'draft';
type Viewer = keyof typeof PERSONAS | 'anonymous';

/** The rules, written out: which of the fixture pages each viewer may read. */
const MAY_READ: Record<Viewer, Fixture[]> = {
  anonymous: ['publicPublished'],
  citizen: ['publicPublished'],
  colmar: ['publicPublished', 'membersPublished'],
  member: ['publicPublished', 'membersPublished', 'spacePublished', 'draft'], // the author, member of the section
  secretary: ['publicPublished', 'membersPublished', 'spacePublished', 'draft'],
  federation: ['publicPublished', 'membersPublished', 'spacePublished', 'draft'],
  admin: ['publicPublished', 'membersPublished', 'spacePublished', 'draft'],
};

const FIXTURES: Record<Fixture, { visibility: 'public' | 'members' | 'space'; status: 'draft' | 'published' }> = {
  publicPublished: { visibility: 'public', status: 'published' },
  membersPublished: { visibility: 'members', status: 'published' },
  spacePublished: { visibility: 'space', status: 'published' },
  draft: { visibility: 'space', status: 'draft' },
};

async function createFixtures(author: Api): Promise<Record<Fixture, PageJson>> {
  const section = await findSpace(author, 'section', 'Strasbourg-Centre');
  const out = {} as Record<Fixture, PageJson>;
  for (const [key, f] of Object.entries(FIXTURES) as [Fixture, (typeof FIXTURES)[Fixture]][]) {
    out[key] = await createPageViaApi(author, { spaceId: section.id, title: unique(`Matrice ${key}`), ...f, markdown: `Contenu ${key}.` });
  }
  return out;
}

async function browserFor(browser: Browser, viewer: Viewer) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (viewer !== 'anonymous') {
    await page.goto(await cli('login-link', '--email', PERSONAS[viewer]));
    await expect(page).not.toHaveURL(/\/connexion|\/api\/auth\//);
  }
  return { context, page };
}

for (const viewer of Object.keys(MAY_READ) as Viewer[]) {
  test(`${viewer} reads exactly the pages the rules allow, in the browser and through the API`, async ({ browser, apiAs }) => {
    const pages = await createFixtures(await apiAs(PERSONAS.member));
    const api = viewer === 'anonymous' ? await apiClient(null) : await apiAs(PERSONAS[viewer]);
    const { context, page } = await browserFor(browser, viewer);
    try {
      for (const [key, p] of Object.entries(pages) as [Fixture, PageJson][]) {
        const allowed = MAY_READ[viewer].includes(key);
        const expected = allowed ? 200 : 404;

        const res = await api.get(`/api/v1/pages/${p.id}`);
        expect(res.status, `API ${viewer} → ${key}`).toBe(expected);
        if (allowed) expect((res.json() as PageJson).title).toBe(p.title);
        else expect(res.body, `API 404 body for ${viewer} → ${key}`).not.toContain(p.title);

        const nav = await page.goto(`/pages/${p.id}`);
        expect(nav?.status(), `page ${viewer} → ${key}`).toBe(expected);
        const html = await nav!.text();
        if (allowed) {
          await expect(page.getByRole('heading', { level: 1, name: p.title })).toBeVisible();
        } else {
          expect(html, `page 404 body for ${viewer} → ${key}`).not.toContain(p.title);
          await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
          await expect(page.locator('html')).not.toContainText(p.title);
          expect(await page.title()).not.toContain(p.title);
        }
      }
    } finally {
      await context.close();
      if (viewer === 'anonymous') await api.dispose(); // the others are disposed by the apiAs fixture
    }
  });
}

test('an unknown page and a page id guessed by an anonymous visitor answer the same 404', async ({ request }) => {
  const unknown = await request.get('/api/v1/pages/does-not-exist');
  expect(unknown.status()).toBe(404);
  const html = await request.get('/pages/does-not-exist');
  expect(html.status()).toBe(404);
});
