import { PERSONAS, cli, expect, test, uniqueEmail } from './fixtures';

test('while registration is closed, an unknown e-mail gets the same answer as a known one, and no mail', async ({ page, inbox }) => {
  await cli('registration:close');
  const answerFor = async (email: string) => {
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
    await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte mail' })).toBeVisible();
    await expect(page.locator('.alert-error')).toHaveCount(0);
    return { path: new URL(page.url()).pathname, text: await page.locator('.auth-wrap').innerText() };
  };

  const since = Date.now();
  const stranger = uniqueEmail('inconnu');
  const unknown = await answerFor(stranger);
  const known = await answerFor(PERSONAS.citizen);
  expect(unknown).toEqual(known);
  expect(unknown.text).toContain('Pas encore de compte ? Coopol est sur invitation pour le moment');

  // The known address receives its link; the unknown one nothing (the job worker polls every
  // 200 ms: the known mail arriving first leaves a wrongly queued one ample time to arrive too).
  await inbox.waitFor(PERSONAS.citizen, { subject: 'Votre lien de connexion à Coopol', since });
  await page.waitForTimeout(1500);
  expect(await inbox.list(stranger)).toEqual([]);
});
