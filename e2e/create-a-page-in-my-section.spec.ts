import { PERSONAS, docText, expect, expectConnected, liveEditor, test, unique, showWholeTree } from './fixtures';

test('a member creates a motion in her section: she lands in the editor on its template, writes, and finds her draft in the section', async ({ page, signInAs }) => {
  const title = unique('Motion pour des cantines bio');
  await signInAs(page, PERSONAS.member);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();

  await page.getByRole('link', { name: 'Nouvelle page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle page dans Strasbourg-Centre' })).toBeVisible();
  // No Markdown body, no promise of an editor to come: the text is written in the editor.
  await expect(page.getByLabel('Contenu (Markdown)')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('arrive bientôt');
  await page.getByRole('group', { name: 'Type de page' }).getByRole('radio', { name: /^Motion/ }).check();
  await page.getByLabel('Titre').fill(title);
  await page.getByRole('button', { name: 'Créer et écrire' }).click();

  // The live editor, on the motion's template, with the caret in it; the page is a draft of the section.
  await expect(page).toHaveURL(/\/pages\/[^/?]+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Brouillon créé dans Strasbourg-Centre' })).toBeVisible();
  await expectConnected(page);
  await expect(liveEditor(page).getByRole('heading', { name: 'Exposé des motifs' })).toBeVisible();
  await expect(liveEditor(page).getByRole('heading', { name: 'Dispositif' })).toBeVisible();
  await expect(liveEditor(page)).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Les cantines servent 100 % bio.');
  await expect.poll(() => docText(page)).toContain('Les cantines servent 100 % bio.');

  // A motion is not published like a page: its first signatory files it (the motion's own journeys
  // are in e2e/motion-*.spec.ts); until then it is her draft, which she finds in her section's tree.
  await expect(page.getByRole('button', { name: /^Statut et visibilité/ })).toContainText('Brouillon');

  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();
  const pagesSection = page.getByRole('region', { name: 'Pages' });
  await showWholeTree(page);
  await expect(pagesSection.getByRole('treeitem', { name: title })).toBeVisible();
});
