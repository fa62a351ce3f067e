/**
 * A space with many pages: its page shows the first 25 of its tree, then one button shows the
 * others, by mouse or keyboard, and the focus lands on the first page that appeared. The list of
 * pages changed last stays beside it, title and date only.
 */
import { PERSONAS, createPageViaApi, expect, test, unique } from './fixtures';

test('a group of 32 pages: the tree shows 25, « Afficher les 7 autres pages » shows the rest and focuses the first of them', async ({ page, signInAs, apiAs }) => {
  test.setTimeout(120_000);
  await signInAs(page, PERSONAS.member, '/groupes/nouveau');
  const groupName = unique('Atelier programme');
  await page.getByLabel('Nom du groupe').fill(groupName);
  await page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
  const groupId = new URL(page.url()).pathname.split('/').pop()!;

  const ines = await apiAs(PERSONAS.member);
  const titles: string[] = [];
  for (let i = 1; i <= 32; i++) {
    const title = `Fiche ${String(i).padStart(2, '0')} ${unique('')}`;
    titles.push(title);
    await createPageViaApi(ines, { spaceId: groupId, title, visibility: 'members', status: 'published', markdown: `Fiche numéro ${i}.` });
  }

  await page.goto(`/espaces/${groupId}`);
  const tree = page.getByRole('main').getByRole('tree', { name: 'Pages' });
  // The tree lists pages oldest first: the first 25 made are shown, the last 7 are not yet.
  await expect(tree.getByRole('treeitem')).toHaveCount(25);
  await expect(tree.getByRole('treeitem', { name: titles[24], exact: true })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: titles[25], exact: true })).toHaveCount(0);
  // Beside it, the pages changed last: titles and dates, no badge, no excerpt.
  const recent = page.getByRole('region', { name: 'Modifiées récemment' });
  await expect(recent.getByRole('link', { name: titles[31] })).toBeVisible();
  await expect(recent.getByText('Fiche numéro 32.')).toHaveCount(0);

  const more = page.getByRole('button', { name: 'Afficher les 7 autres pages' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem')).toHaveCount(32);
  await expect(more).toHaveCount(0);
  await expect(tree.getByRole('treeitem', { name: titles[25], exact: true })).toBeFocused();
  // The tree's keys go on from there.
  await page.keyboard.press('End');
  await expect(tree.getByRole('treeitem', { name: titles[31], exact: true })).toBeFocused();
});
