import crypto from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { PERSONAS, createPageViaApi, expect, findSpace, personAt, test } from './fixtures';

/** Ctrl+K, retried until the dialog opens (the shortcut listens once the page has hydrated). */
async function openSearch(page: Page): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: 'Rechercher dans Coopol' });
  await expect(async () => {
    await page.keyboard.press('Control+k');
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  return dialog;
}

test('Ctrl+K finds pages without typing accents, arrows and Enter open one; a citizen never finds a members-only page', async ({ page, browser, apiAs, signInAs }) => {
  // One made-up word shared by the test's pages, so the query finds them and nothing else.
  const tag = `zq${crypto.randomBytes(4).toString('hex')}`;
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const bureau = await createPageViaApi(api, { spaceId: section.id, title: `Élection du bureau ${tag}`, visibility: 'public', status: 'published', markdown: 'L’élection a lieu en décembre, à bulletin secret.' });
  const delegues = await createPageViaApi(api, { spaceId: section.id, title: `Élection des délégués ${tag}`, visibility: 'members', status: 'published', markdown: 'L’élection des délégués au congrès est réservée aux adhérents.' });

  await signInAs(page, PERSONAS.member);
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
  const dialog = await openSearch(page);
  const box = dialog.getByRole('combobox', { name: 'Rechercher' });
  await expect(box).toBeFocused();
  await page.keyboard.type(`election ${tag}`);

  const results = dialog.getByRole('listbox');
  const options = results.getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.filter({ hasText: bureau.title })).toHaveCount(1);
  await expect(options.filter({ hasText: delegues.title })).toHaveCount(1);
  // The match is highlighted in the snippet or title ("élection" for "election").
  await expect(results.locator('mark').first()).toBeVisible();

  // ↓ moves to the other result, ↑ back, ↓ again: Enter opens the one chosen.
  const first = (await options.first().locator('.search-hit-title').innerText()).trim();
  const second = first === bureau.title ? delegues : bureau;
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/pages/${second.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: second.title })).toBeVisible();
  await expect(dialog).toBeHidden();

  // A citizen searching the same words finds the public page only, in the dialog and on /recherche.
  const citizen = await personAt(browser, PERSONAS.citizen, '/');
  const c = citizen.page;
  const cDialog = await openSearch(c);
  await c.keyboard.type(`election ${tag}`);
  await expect(cDialog.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await expect(cDialog.getByRole('option', { name: new RegExp(bureau.title) })).toBeVisible();
  await expect(cDialog).not.toContainText(delegues.title);
  // "délégués" appears only in the members page: the citizen gets no result at all.
  await c.getByRole('combobox', { name: 'Rechercher' }).fill(`delegues ${tag}`);
  await expect(cDialog.getByText(`Aucun résultat pour « delegues ${tag} »`)).toBeVisible();
  await expect(cDialog.getByRole('option')).toHaveCount(0);

  const res = await c.goto(`/recherche?${new URLSearchParams({ q: `election ${tag}` })}`);
  expect(res?.status()).toBe(200);
  await expect(c.getByRole('link', { name: bureau.title })).toBeVisible();
  expect(await res!.text()).not.toContain(delegues.title);
  await expect(c.locator('body')).not.toContainText(`délégués ${tag}`);
  await citizen.context.close();
});
