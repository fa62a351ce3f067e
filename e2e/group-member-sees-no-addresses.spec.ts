import { PERSONAS, expect, signInAs, test } from './fixtures';

const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi;

test('a plain member of a group receives no member address, in the HTML nor in the RSC payload', async ({ page }) => {
  // Militant Colmar joined « Transition écologique » (founded by Militante, Strasbourg-Centre).
  await signInAs(page, PERSONAS.colmar, '/groupes');
  await page.getByRole('main').getByRole('link', { name: 'Transition écologique' }).click();
  await page.getByRole('region', { name: 'Membres' }).getByRole('link', { name: 'Voir les membres' }).click();
  await expect(page).toHaveURL(/\/membres$/);
  // The list shows the members' names.
  await expect(page.getByRole('region', { name: 'Membres' }).getByRole('row').filter({ hasText: 'Inès Moreau' })).toBeVisible();
  const url = new URL(page.url()).pathname;

  const others = (body: string) => [...new Set(body.match(ADDRESS) ?? [])].filter((a) => a.toLowerCase() !== PERSONAS.colmar);
  const html = await page.request.get(url);
  expect(html.status()).toBe(200);
  expect(others(await html.text())).toEqual([]);
  const rsc = await page.request.get(url, { headers: { RSC: '1' } });
  expect(rsc.status()).toBe(200);
  expect(others(await rsc.text())).toEqual([]);

  // Its admin, who manages the members, does see them.
  const admin = await page.context().browser()!.newContext();
  const theirs = await admin.newPage();
  await signInAs(theirs, PERSONAS.member, url);
  await expect(theirs.getByRole('region', { name: 'Membres' }).getByText(PERSONAS.colmar)).toBeVisible();
  await admin.close();
});
