import { PERSONAS, expect, test, unique } from './fixtures';

test('a member creates a page in her section and finds it there', async ({ page, signInAs }) => {
  const title = unique('Compte rendu de réunion');
  await signInAs(page, PERSONAS.member);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();

  await page.getByRole('link', { name: 'Nouvelle page' }).click();
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Visibilité').selectOption({ label: 'Membres de l’espace' });
  await page.getByLabel('Contenu (Markdown)').fill('## Ordre du jour\n\n- Tractage du samedi\n- **Budget** de la fête');
  await page.getByRole('button', { name: 'Créer et publier' }).click();

  await expect(page).toHaveURL(/\/pages\/[^/?]+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ordre du jour' })).toBeVisible();
  await expect(page.getByText('Budget', { exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();
  const pagesSection = page.getByRole('region', { name: 'Pages' });
  await expect(pagesSection.getByRole('link', { name: title })).toBeVisible();
});
