import { PERSONAS, expect, signInAs, test, unique } from './fixtures';

test('a member creates a group and a member of another section joins it', async ({ page, browser }) => {
  const name = unique('Vélo et mobilités');
  await signInAs(page, PERSONAS.member);
  await page.goto('/groupes');
  await page.getByRole('link', { name: 'Créer un groupe' }).click();
  await page.getByLabel('Nom du groupe').fill(name);
  await page.getByLabel('Description').fill('Pistes cyclables, transports en commun, covoiturage.');
  await page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(page).toHaveURL(/\/espaces\/[^/?]+/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  const context = await browser.newContext();
  const other = await context.newPage();
  await signInAs(other, PERSONAS.colmar);
  await other.goto('/groupes');
  await other.getByRole('link', { name }).click();
  await expect(other.getByRole('heading', { level: 1, name })).toBeVisible();
  await other.getByRole('button', { name: 'Rejoindre le groupe' }).click();
  await expect(other.getByRole('button', { name: 'Quitter le groupe' })).toBeVisible();
  await expect(other.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true })).toBeVisible();

  // Leaving asks first; cancelling keeps the membership, confirming ends it.
  await other.getByRole('button', { name: 'Quitter le groupe' }).click();
  const dialog = other.getByRole('dialog', { name: `Quitter « ${name} » ?` });
  await expect(dialog).toContainText('vous pourrez le rejoindre à nouveau');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(other.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true })).toBeVisible();
  await other.getByRole('button', { name: 'Quitter le groupe' }).click();
  await dialog.getByRole('button', { name: 'Quitter le groupe' }).click();
  await expect(other.getByRole('button', { name: 'Rejoindre le groupe' })).toBeVisible();
  await expect(other.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true })).toHaveCount(0);
  await context.close();
});
