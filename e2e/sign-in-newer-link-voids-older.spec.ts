import { createUser, expect, inbox, signInLinkIn, test, unique, uniqueEmail } from './fixtures';

test('asking for a new sign-in link voids the older one; the mail says how long a link lasts', async ({ page, browser }) => {
  const email = uniqueEmail('deux-liens');
  await createUser(email, unique('Deux Liens'));
  const ask = async () => {
    const since = Date.now();
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
    await expect(page.getByText('Il est valable 1 heure et ne sert qu’une fois.')).toBeVisible();
    return inbox.waitFor(email, { subject: 'Votre lien de connexion à Coopol', since });
  };
  const first = await ask();
  expect(first.text).toMatch(/valable 1\sheure, une seule fois/);
  const second = await ask();
  expect(signInLinkIn(second)).not.toBe(signInLinkIn(first));

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(signInLinkIn(first));
  await expect(other).toHaveURL(/\/connexion/);
  await expect(other.getByText('Ce lien de connexion a expiré ou a déjà servi. Demandez-en un nouveau.')).toBeVisible();
  await other.goto(signInLinkIn(second));
  await expect(other).not.toHaveURL(/\/connexion|\/api\/auth/);
  await expect(other.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await context.close();
});
