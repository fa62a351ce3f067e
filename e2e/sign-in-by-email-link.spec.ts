import { PERSONAS, expect, signInLinkIn, test } from './fixtures';

test('a member asks for a sign-in link, receives it by mail and lands on the home page', async ({ page, inbox }) => {
  const since = Date.now();
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(PERSONAS.member);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  // The content of /connexion/envoye (the address bar may still show next-auth's
  // /api/auth/verify-request, which redirects there).
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte mail' })).toBeVisible();

  const mail = await inbox.waitFor(PERSONAS.member, { subject: 'Votre lien de connexion à Coopol', since });
  const link = signInLinkIn(mail);
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);

  await page.goto(link);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour Inès/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();

  // The link is single-use: opening it again does not sign in a fresh browser.
  const other = await page.context().browser()!.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second).toHaveURL(/\/connexion/);
  await other.close();
});
