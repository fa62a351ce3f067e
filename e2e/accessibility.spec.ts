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

  await page.goto(`/espaces/${section.id}/membres`);
  await expect(page.getByRole('heading', { level: 1, name: 'Membres de Strasbourg-Centre' })).toBeVisible();
  await expectNoSeriousViolations(page, 'members');

  await page.goto(new URL(created.url).pathname);
  await expect(page.getByRole('heading', { level: 1, name: created.title })).toBeVisible();
  await expectNoSeriousViolations(page, 'page');

  await page.goto('/compte');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
  await expectNoSeriousViolations(page, 'settings');
});

test('the trash of a space has no serious accessibility violation', async ({ page, request, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  // One page in the trash, so that the list and its restore button are checked, not the empty state.
  const trashed = await createPageViaApi(api, { spaceId: section.id, title: unique('Page à la corbeille'), visibility: 'space', status: 'draft', markdown: 'À jeter.' });
  const deleted = await request.delete(`/api/v1/pages/${trashed.id}`, { headers: { Authorization: `Bearer ${api.token}` }, maxRedirects: 0 });
  expect(deleted.status(), await deleted.text()).toBe(204);

  await signInAs(page, PERSONAS.secretary, `/espaces/${section.id}/corbeille`);
  await expect(page.getByRole('heading', { level: 1, name: 'Corbeille — Strasbourg-Centre' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Restaurer « ${trashed.title} »` })).toBeVisible();
  await expectNoSeriousViolations(page, 'trash');
});

test('the admin page has no serious accessibility violation', async ({ page, signInAs }) => {
  await signInAs(page, PERSONAS.admin, '/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expectNoSeriousViolations(page, '/admin');
});

test('invitation, group, new-page and history screens have no serious accessibility violation', async ({ page, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, {
    spaceId: section.id,
    title: unique('Page avec historique'),
    visibility: 'members',
    status: 'published',
    markdown: '# Titre\n\nUn paragraphe.',
  });

  await signInAs(page, PERSONAS.member, '/invitations');
  await expect(page.getByRole('heading', { level: 1, name: 'Inviter des citoyen·nes' })).toBeVisible();
  await expectNoSeriousViolations(page, '/invitations');

  await page.goto('/groupes');
  await expect(page.getByRole('heading', { level: 1, name: 'Groupes d’affinité' })).toBeVisible();
  await expectNoSeriousViolations(page, '/groupes');

  await page.goto('/groupes/nouveau');
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un groupe' })).toBeVisible();
  await expectNoSeriousViolations(page, '/groupes/nouveau');

  await page.goto(`/espaces/${section.id}/nouvelle-page`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle page dans Strasbourg-Centre' })).toBeVisible();
  await expectNoSeriousViolations(page, 'new page');

  await page.goto(`/pages/${created.id}/historique`);
  await expect(page.getByRole('heading', { level: 1, name: `Historique de « ${created.title} »` })).toBeVisible();
  // An editor's view: the versions with their restore buttons, not the read-only notice.
  const versions = page.getByRole('list', { name: 'Versions' });
  await expect(versions.getByRole('listitem').first()).toBeVisible();
  await expect(versions.getByRole('button', { name: /^Restaurer « / }).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'history');
});

test('the public texts list has no serious accessibility violation for an anonymous reader', async ({ page }) => {
  await page.goto('/public');
  await expect(page.getByRole('heading', { level: 1, name: 'Textes publics' })).toBeVisible();
  await expectNoSeriousViolations(page, '/public');
});
