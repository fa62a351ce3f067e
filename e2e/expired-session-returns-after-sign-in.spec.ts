import crypto from 'node:crypto';
import { PERSONAS, baseUrl, expect, signInLinkIn, test } from './fixtures';

test('with an expired session, a protected page asks to sign in again and comes back after', async ({ page, context, inbox }) => {
  // A session cookie whose session no longer exists on the server (expired and purged).
  await context.addCookies([{ name: 'authjs.session-token', value: crypto.randomUUID(), url: baseUrl(), httpOnly: true, sameSite: 'Lax' }]);
  await page.goto('/groupes');
  await expect(page).toHaveURL(/\/connexion\?.*reason=expired/);
  await expect(page.getByText('Votre session a expiré', { exact: false })).toBeVisible();

  const since = Date.now();
  await page.getByLabel('Adresse e-mail').fill(PERSONAS.federation);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte mail' })).toBeVisible();
  const mail = await inbox.waitFor(PERSONAS.federation, { subject: 'Votre lien de connexion à Coopol', since });

  await page.goto(signInLinkIn(mail));
  await expect(page).toHaveURL(/\/groupes$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Groupes d’affinité' })).toBeVisible();
});
