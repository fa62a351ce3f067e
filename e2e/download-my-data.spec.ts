import fs from 'node:fs';
import { expect, signInAs, test, uniqueEmail, unique, createUser } from './fixtures';

test('a person downloads her data as JSON and finds her e-mail in it', async ({ page }) => {
  const email = uniqueEmail('export');
  const name = unique('Zoé Export');
  await createUser(email, name);
  await signInAs(page, email);
  await page.goto('/compte');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger mes données (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(email);
  expect(text).toContain(name);
  expect(() => JSON.parse(text) as unknown).not.toThrow();
});
