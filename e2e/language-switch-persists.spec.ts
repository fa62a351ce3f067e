import { createUser, expect, signInAs, test, unique, uniqueEmail } from './fixtures';

test('a member switches the interface to English; signed in again from another browser, it is still in English', async ({ page, browser }) => {
  // A person of their own: the choice is saved on the account, so no shared persona is touched.
  const email = uniqueEmail('langue');
  const name = unique('Jeanne Langue');
  await createUser(email, name, 'member');
  const firstName = name.split(' ')[0]!;

  await signInAs(page, email);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${firstName}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // The switch in the top bar (its label is in the language it leads to).
  await page.getByRole('banner').getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hello ${firstName}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Public texts' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'My spaces' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Passer en français' })).toBeVisible();

  // Another browser, French, without any cookie: the saved choice comes with the account.
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    expect(await context.cookies()).toEqual([]);
    const other = await context.newPage();
    await signInAs(other, email);
    await expect(other.getByRole('heading', { level: 1, name: `Hello ${firstName}` })).toBeVisible();
    await expect(other.locator('html')).toHaveAttribute('lang', 'en');
    await expect(other.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' })).toBeVisible();

    // Back to French from there; the first browser follows the account's choice on its next page.
    await other.getByRole('banner').getByRole('button', { name: 'Passer en français' }).click();
    await expect(other.getByRole('heading', { level: 1, name: `Bonjour ${firstName}` })).toBeVisible();
    await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  } finally {
    await context.close();
  }

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${firstName}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' })).toBeVisible();
});
