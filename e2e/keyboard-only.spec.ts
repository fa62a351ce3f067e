/**
 * Signing in and creating a page with the keyboard alone: every step is reached with Tab and
 * activated with Enter or typed into; the mouse is never used.
 */
import type { Locator, Page } from '@playwright/test';
import { PERSONAS, expect, signInLinkIn, test, unique } from './fixtures';

/** Presses Tab until `target` has the focus (fails if it is not reachable within `max` presses). */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Not reachable with Tab within ${max} presses: ${target.toString()}`);
}

test('a secretary signs in and creates a page using only the keyboard', async ({ page, inbox }) => {
  const title = unique('Tract du marché');
  await page.goto('/connexion');
  await tabTo(page, page.getByLabel('Adresse e-mail'));
  const since = Date.now();
  await page.keyboard.type(PERSONAS.secretary);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte mail' })).toBeVisible();

  // Opening the mailed link (from the mail client) is the one step outside Coopol.
  const mail = await inbox.waitFor(PERSONAS.secretary, { subject: 'Votre lien de connexion à Coopol', since });
  await page.goto(signInLinkIn(mail));
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();

  await tabTo(page, page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: 'Nouvelle page' }));
  await page.keyboard.press('Enter');
  const titleField = page.getByLabel('Titre');
  await expect(titleField).toBeVisible();
  if (!(await titleField.evaluate((el) => el === document.activeElement))) await tabTo(page, titleField);
  await page.keyboard.type(title);

  await tabTo(page, page.getByLabel('Visibilité'));
  await tabTo(page, page.getByLabel('Contenu (Markdown)'));
  await page.keyboard.type('Rendez-vous samedi à 9 h devant la halle.');
  await tabTo(page, page.getByRole('button', { name: 'Créer le brouillon' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/pages\/[^/?]+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Rendez-vous samedi à 9 h devant la halle.')).toBeVisible();
});
