import { PERSONAS, createPageViaApi, docText, expect, expectConnected, findSpace, liveEditor, personAt, test, unique } from './fixtures';

test('a member saves a named version, changes the text, compares, and restores it; a co-author sees the restored text live', async ({ page, browser, apiAs, signInAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const original = 'Le bureau se réunit chaque mardi.';
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Règlement intérieur'), visibility: 'space', status: 'published', markdown: original });
  const pagePath = new URL(created.url).pathname;
  const versionName = unique('Version soumise au bureau');

  // Camille saves the text as it is under a name.
  await signInAs(page, PERSONAS.secretary, pagePath);
  await expectConnected(page);
  await page.getByRole('button', { name: 'Plus d’actions' }).click();
  await page.getByRole('button', { name: 'Enregistrer une version…' }).click();
  await page.getByLabel('Nom de la version', { exact: true }).fill(versionName);
  await page.getByRole('button', { name: 'Enregistrer la version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Version enregistrée.' })).toBeVisible();

  // Inès is on the page too; Camille rewrites the sentence.
  const member = await personAt(browser, PERSONAS.member, pagePath);
  const ines = member.page;
  await expectConnected(ines);
  await liveEditor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Le bureau se réunit le premier jeudi du mois.');
  const rewritten = 'Le bureau se réunit le premier jeudi du mois.';
  await expect.poll(() => docText(ines)).toBe(rewritten);

  // The history lists the named version; compared with the current text, changes are marked.
  await page.getByRole('button', { name: 'Plus d’actions' }).click();
  await page.getByRole('link', { name: 'Historique', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Historique de « ${created.title} »` })).toBeVisible();
  const versions = page.getByRole('list', { name: 'Versions' });
  const named = versions.getByRole('listitem').filter({ has: page.getByRole('link', { name: versionName, exact: true }) });
  await expect(named).toBeVisible();
  await expect(named).toContainText('Version nommée');
  await named.getByRole('link', { name: 'Comparer avec le texte actuel' }).click();
  await expect(page.getByRole('heading', { name: `Changements de « ${versionName} » à « Texte actuel »` })).toBeVisible();
  const diff = page.locator('.history-diff');
  await expect(diff.getByRole('deletion').filter({ hasText: 'chaque' })).not.toHaveCount(0);
  await expect(diff.getByRole('insertion').filter({ hasText: 'premier' })).not.toHaveCount(0);
  await expect(diff.getByRole('insertion').filter({ hasText: 'jeudi' })).not.toHaveCount(0);
  // Words that did not change are neither inserted nor deleted.
  await expect(diff.getByRole('insertion').filter({ hasText: 'bureau' })).toHaveCount(0);
  await expect(diff.getByRole('deletion').filter({ hasText: 'bureau' })).toHaveCount(0);

  // Restoring asks first, then Inès's editor shows the restored text at once.
  const refreshed = page.getByRole('list', { name: 'Versions' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: versionName, exact: true }) });
  await refreshed.getByRole('button', { name: `Restaurer « ${versionName} »` }).click();
  const dialog = page.getByRole('dialog', { name: 'Restaurer cette version ?' });
  await expect(dialog).toContainText(versionName);
  await dialog.getByRole('button', { name: 'Restaurer cette version' }).click();
  await expect(page.getByText('Version restaurée.')).toBeVisible();
  await expect.poll(() => docText(ines)).toBe(original);
  await expectConnected(ines);

  // The restoration is a new entry of the history; nothing was lost.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Versions' }).getByRole('link', { name: `Restauration de « ${versionName} »` }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Retour à la page' }).click();
  await expectConnected(page);
  await expect.poll(() => docText(page)).toBe(original);
  await member.context.close();
});
