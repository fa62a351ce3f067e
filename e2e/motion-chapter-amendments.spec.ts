/**
 * A section's secretary opens a chapter (a document of the section) for amendments until a date,
 * then closes them; a member of the section sees no such button.
 */
import { PERSONAS, createPageViaApi, expect, findSpace, test, unique } from './fixtures';

test('the secretary opens a chapter for amendments, then closes them', async ({ page, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const chapter = await createPageViaApi(api, { spaceId: section.id, title: unique('Chapitre : logement'), visibility: 'members', status: 'published', markdown: '## Logement\n\nNous proposons un encadrement des loyers.' });

  // A member of the section reads it without the animators' button.
  await signInAs(page, PERSONAS.member, `/pages/${chapter.id}`);
  await expect(page.getByRole('heading', { level: 1, name: chapter.title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ouvrir ce texte aux amendements' })).toHaveCount(0);

  await signInAs(page, PERSONAS.secretary, `/pages/${chapter.id}`);
  await page.getByRole('button', { name: 'Ouvrir ce texte aux amendements' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ouvrir la période d’amendements' });
  const deadline = await page.evaluate(() => {
    const d = new Date(Date.now() + 7 * 24 * 3_600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T18:00`;
  });
  await dialog.getByLabel('Date limite des amendements').fill(deadline);
  await dialog.getByRole('button', { name: 'Ouvrir les amendements' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Amendements du chapitre' })).toBeVisible();
  await expect(page.locator('.motion-step[aria-current="step"]')).toContainText('Amendements');
  await expect(page.locator('.motion-deadline')).toHaveText(/^Amendements jusqu’au \d{1,2} \S+ à 18 h$/);

  await page.getByRole('button', { name: 'Clore les amendements' }).click();
  await page.getByRole('dialog', { name: 'Clore les amendements ?' }).getByRole('button', { name: 'Clore les amendements' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Les amendements sont clos.' })).toBeVisible();
  await expect(page.locator('.motion-step[aria-current="step"]')).toContainText('Amendements clos');
  // Closed, it may be opened again.
  await expect(page.getByRole('button', { name: 'Ouvrir les amendements' })).toBeVisible();
});
