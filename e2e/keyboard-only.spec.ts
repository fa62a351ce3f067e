/**
 * Signing in, creating, writing and publishing a page with the keyboard alone: every step is
 * reached with Tab and activated with Enter or typed into; the mouse is never used.
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
  await tabTo(page, page.getByRole('button', { name: 'Créer et écrire' }));
  await page.keyboard.press('Enter');

  // The new page opens in the live editor with the caret in its text.
  await expect(page).toHaveURL(/\/pages\/[^/?]+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Texte de la page' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('Rendez-vous samedi à 9 h devant la halle.');
  await expect(editor).toContainText('Rendez-vous samedi à 9 h devant la halle.');

  // Escape leaves the text; Tab moves on to the rest of the page instead of typing a tab.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
  await expect(editor).toHaveText('Rendez-vous samedi à 9 h devant la halle.');

  // Publishing, with the keyboard too: the status chip's menu, then the confirmation.
  await tabTo(page, page.getByRole('button', { name: /^Statut et visibilité/ }), 80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Membres de l’espace', exact: true })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Publier pour les membres de Strasbourg-Centre…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Publier « ${title} » ?` });
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Page publiée pour les membres de Strasbourg-Centre.' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Statut et visibilité/ })).toBeFocused();
});
