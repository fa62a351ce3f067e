import { cli, expect, test, uniqueEmail } from './fixtures';

test('an unknown e-mail is refused while registration is closed, and receives no mail', async ({ page, inbox }) => {
  await cli('registration:close');
  const stranger = uniqueEmail('inconnu');
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(stranger);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Coopol est sur invitation pour le moment.' })).toBeVisible();
  await expect(page).toHaveURL(/\/connexion(\?|$)/);
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte mail' })).toHaveCount(0);

  // The job worker polls every 200 ms: give a wrongly queued mail ample time to arrive.
  await page.waitForTimeout(2500);
  expect(await inbox.list(stranger)).toEqual([]);
});
