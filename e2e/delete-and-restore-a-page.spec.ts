import { PERSONAS, createPageViaApi, expect, findSpace, signInAs, test, unique, showWholeTree } from './fixtures';

test('a member deletes a page and undoes it from the toast; deleted again, the secretary restores it from the trash', async ({ page, browser, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const title = unique('Brouillon à jeter');
  const created = await createPageViaApi(api, { spaceId: section.id, title, visibility: 'space', status: 'draft', markdown: 'Premier jet.' });
  const pagePath = new URL(created.url).pathname;

  await signInAs(page, PERSONAS.member, pagePath);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const deleteIt = async () => {
    await page.getByRole('button', { name: 'Plus d’actions' }).click();
    await page.getByRole('button', { name: 'Supprimer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer la page ?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await expect(page).toHaveURL(new RegExp(`/espaces/${section.id}\\?deleted=${created.id}`));
  };

  // Delete, then undo from the toast.
  await deleteIt();
  const toast = page.getByRole('status').filter({ hasText: 'Page placée dans la corbeille.' });
  await expect(toast).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pages' }).getByRole('treeitem', { name: title })).toHaveCount(0);
  await toast.getByRole('button', { name: 'Annuler' }).click();
  // The tree comes back with it (further down than its first rows, in a section the specs have filled).
  await expect(async () => {
    await showWholeTree(page);
    await expect(page.getByRole('region', { name: 'Pages' }).getByRole('treeitem', { name: title })).toBeVisible({ timeout: 1000 });
  }).toPass();

  // Delete again; the section's secretary restores it from the trash (the trash is theirs to keep).
  await page.getByRole('region', { name: 'Pages' }).getByRole('treeitem', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await deleteIt();
  await expect(page.getByRole('region', { name: 'Pages' }).getByRole('treeitem', { name: title })).toHaveCount(0);

  const context = await browser.newContext();
  const secretary = await context.newPage();
  await signInAs(secretary, PERSONAS.secretary, `/espaces/${section.id}`);
  await secretary.getByRole('link', { name: 'Corbeille' }).click();
  await expect(secretary).toHaveURL(new RegExp(`/espaces/${section.id}/corbeille`));
  await secretary.getByRole('button', { name: `Restaurer « ${title} »` }).click();
  await expect(secretary.getByRole('button', { name: `Restaurer « ${title} »` })).toHaveCount(0);
  await context.close();

  const back = await page.goto(pagePath);
  expect(back?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});
