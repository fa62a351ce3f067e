import { PERSONAS, docText, expect, expectConnected, liveEditor, test, unique } from './fixtures';

test('a member creates a motion in her section: she lands in the editor on its template, publishes it for the section, and finds it there', async ({ page, signInAs }) => {
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

  // Publishing says to whom before it does it, and that it is done.
  const chip = page.getByRole('button', { name: /^Statut et visibilité/ });
  await expect(chip).toContainText('Brouillon');
  await chip.click();
  await page.getByRole('button', { name: 'Publier pour les membres de Strasbourg-Centre…' }).click();
  const dialog = page.getByRole('dialog', { name: `Publier « ${title} » ?` });
  await expect(dialog).toContainText('Les membres de Strasbourg-Centre pourront la lire et la modifier.');
  await dialog.getByRole('button', { name: 'Publier pour les membres de Strasbourg-Centre' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Page publiée pour les membres de Strasbourg-Centre.' })).toBeVisible();
  await expect(chip).toContainText('Publié');

  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();
  const pagesSection = page.getByRole('region', { name: 'Pages' });
  await expect(pagesSection.getByRole('treeitem', { name: title })).toBeVisible();
});
