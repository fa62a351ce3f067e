/**
 * The home page tells what changed in my spaces, one line per page with who did what; my drafts
 * apart; a secretary sees who joined her section; a new member gets a welcome, not empty lists.
 * Never an e-mail address; axe clean at 1280 and 375 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PERSONAS, createPageViaApi, createUser, expect, findSpace, test, unique, uniqueEmail } from './fixtures';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect.soft(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
}

test('a secretary’s home: what changed per page, who did it, my drafts, and who joined', async ({ page, signInAs, apiAs }) => {
  const ines = await apiAs(PERSONAS.member);
  const camille = await apiAs(PERSONAS.secretary);
  const nadia = await apiAs(PERSONAS.federation);
  const section = await findSpace(ines, 'section', 'Strasbourg-Centre');
  const title = unique('Programme — Transports');
  const created = await createPageViaApi(nadia, { spaceId: section.id, title, visibility: 'members', status: 'published', markdown: 'Le tram.' });
  // Nadia writes it, then Camille and Inès change it.
  for (const [api, text] of [
    [camille, 'Le tram, toutes les cinq minutes.'],
    [ines, 'Le tram, toutes les cinq minutes, et la nuit.'],
  ] as const) {
    const read = await api.get(`/api/v1/pages/${created.id}`);
    const { revision } = read.json() as { revision: string };
    const res = await api.patch(`/api/v1/pages/${created.id}`, { markdown: text, baseRevision: revision });
    expect(res.status, res.body).toBe(200);
  }
  const draft = await createPageViaApi(camille, { spaceId: section.id, title: unique('Brouillon de Camille'), visibility: 'members', status: 'draft', markdown: 'À finir.' });

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, PERSONAS.secretary);
  const stream = page.getByRole('region', { name: 'Dans mes espaces' });
  const line = stream.getByRole('listitem').filter({ has: page.getByRole('link', { name: `« ${title} »` }) });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(/(Camille Roux et Inès Moreau|Inès Moreau et Camille Roux) ont modifié « /);
  await expect(line).toContainText('créée par Nadia Benali');
  await expect(line).toContainText(/il y a \d+ (seconde|minute)/);
  // My draft is listed once, among my drafts.
  await expect(page.getByRole('region', { name: 'Mes brouillons' }).getByRole('link', { name: draft.title })).toBeVisible();
  await expect(page.getByRole('link', { name: draft.title })).toHaveCount(1);
  // Who joined the section this week (demo: two members), by name.
  await expect(page.getByRole('region', { name: 'À traiter' })).toContainText(/2 nouveaux membres dans Strasbourg-Centre/);
  await expect(page.getByRole('main')).not.toContainText('@');
  await expectNoSeriousViolations(page, 'secretary home 1280');

  await page.setViewportSize({ width: 375, height: 800 });
  await expect(line).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page, 'secretary home 375');
});

test('a member of another section sees nothing of a section’s internal pages on her home', async ({ page, signInAs, apiAs }) => {
  const ines = await apiAs(PERSONAS.member);
  const section = await findSpace(ines, 'section', 'Strasbourg-Centre');
  const internal = await createPageViaApi(ines, { spaceId: section.id, title: unique('Réunion interne'), visibility: 'space', status: 'published', markdown: 'Interne.' });
  await signInAs(page, PERSONAS.colmar);
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
  await expect(page.getByText(internal.title)).toHaveCount(0);
});

test('a new member with nothing yet is welcomed', async ({ page, signInAs }) => {
  const email = uniqueEmail('nouvelle');
  await createUser(email, 'Nouvelle Adhérente', 'member');
  await signInAs(page, email);
  await expect(page.getByRole('heading', { level: 2, name: 'Bienvenue sur Coopol' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rejoindre un groupe' })).toBeVisible();
  await expectNoSeriousViolations(page, 'new member home');
});
