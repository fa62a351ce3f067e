/**
 * axe-core on the main screens: no serious or critical WCAG 2.x A/AA violation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PERSONAS, createPageViaApi, expect, findSpace, test, unique } from './fixtures';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`).join('\n');
  // Soft: every screen is checked and reported, even after one fails.
  expect.soft(serious.map((v) => v.id), `${screen}:\n${report}`).toEqual([]);
}

test('the sign-in page has no serious accessibility violation', async ({ page }) => {
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  await expectNoSeriousViolations(page, '/connexion');
});

test('home, space, page and account screens have no serious accessibility violation', async ({ page, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, {
    spaceId: section.id,
    title: unique('Page accessible'),
    visibility: 'members',
    status: 'published',
    markdown: '# Titre\n\nUn paragraphe avec un [lien](https://exemple.fr).\n\n- un\n- deux\n\n> Une citation.',
  });

  await signInAs(page, PERSONAS.member);
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'home');

  await page.goto(`/espaces/${section.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();
  await expectNoSeriousViolations(page, 'space');

  await page.goto(new URL(created.url).pathname);
  await expect(page.getByRole('heading', { level: 1, name: created.title })).toBeVisible();
  await expectNoSeriousViolations(page, 'page');

  await page.goto('/compte');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
  await expectNoSeriousViolations(page, 'settings');
});
