/**
 * The editor with the keyboard: links through a small box (no `window.prompt()`), Escape
 * leaves the text so that Tab moves on, `[[` creates a draft and says where, and a page
 * reached by a link puts the focus on its title.
 */
import { PERSONAS, caretAtEnd, createPageViaApi, docText, expect, expectConnected, findSpace, liveEditor, test, unique, showWholeTree } from './fixtures';

test('a member links a word through the link box, leaves the editor with Escape and tabs on', async ({ page, apiAs, signInAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Liens utiles'), visibility: 'space', status: 'published', markdown: 'Voir le programme' });
  // A page that links here, so that something follows the editor on the page.
  const source = await createPageViaApi(api, { spaceId: section.id, title: unique('Sommaire'), visibility: 'space', status: 'published', markdown: `Voir [[${created.title}]].` });
  page.on('dialog', (d) => {
    throw new Error(`A browser dialog opened: ${d.type()} « ${d.message()} »`);
  });
  await signInAs(page, PERSONAS.member, new URL(created.url).pathname);
  await expectConnected(page);

  // Select « programme » and link it: the box opens under it, Enter applies.
  await caretAtEnd(page);
  for (let i = 0; i < 'programme'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  const linkButton = page.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Lien' });
  await linkButton.click();
  const box = page.getByRole('dialog', { name: 'Lien' });
  const address = box.getByRole('textbox', { name: 'Adresse du lien' });
  await expect(address).toBeFocused();
  await address.fill('javascript:alert(1)');
  await address.press('Enter');
  await expect(box.getByRole('alert')).toContainText('Cette adresse n’est pas valide');
  await address.fill('https://exemple.fr/programme');
  await address.press('Enter');
  await expect(box).toHaveCount(0);
  const link = liveEditor(page).getByRole('link', { name: 'programme' });
  await expect(link).toHaveAttribute('href', 'https://exemple.fr/programme');
  await expect(liveEditor(page)).toBeFocused();

  // On the link, the box opens with its address; Escape closes it and gives the text back.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await linkButton.click();
  await expect(address).toHaveValue('https://exemple.fr/programme');
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(liveEditor(page)).toBeFocused();
  // « Retirer le lien » removes it, text kept.
  await linkButton.click();
  await box.getByRole('button', { name: 'Retirer le lien' }).click();
  await expect(liveEditor(page).getByRole('link', { name: 'programme' })).toHaveCount(0);
  expect(await docText(page)).toBe('Voir le programme');

  // Escape leaves the text; Tab then goes to what follows the editor, not into the text again.
  await liveEditor(page).click();
  await page.keyboard.press('Escape');
  await expect(liveEditor(page)).not.toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: 'Pages qui mènent ici' }).getByRole('link', { name: source.title })).toBeFocused();
  // Shift+Tab goes back into the text: the keyboard moves both ways, never trapped.
  await page.keyboard.press('Shift+Tab');
  await expect(liveEditor(page)).toBeFocused();
});

test('[[ creates a draft in the current space and says so; the other members see « page privée »', async ({ page, apiAs, signInAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Feuille de route'), visibility: 'space', status: 'published', markdown: 'À faire :' });
  const stubTitle = unique('Plan de tractage');
  await signInAs(page, PERSONAS.secretary, new URL(created.url).pathname);
  await expectConnected(page);
  await caretAtEnd(page);
  await page.keyboard.type(` [[${stubTitle}`);
  const menu = page.getByRole('listbox', { name: 'Pages à lier' });
  await expect(menu.getByRole('option', { name: `Créer « ${stubTitle} »` })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Brouillon « ${stubTitle} » créé dans Strasbourg-Centre` })).toBeVisible();
  const link = liveEditor(page).getByRole('link', { name: stubTitle });
  await expect(link).toBeVisible();
  const stubId = (await link.getAttribute('href'))!.split('/').pop()!;
  expect((await api.get(`/api/v1/pages/${stubId}`)).json()).toMatchObject({ status: 'draft', visibility: 'space', spaceId: section.id });

  // Another member of the section reads the page: the link says « page privée », the draft is a 404.
  const ines = await apiAs(PERSONAS.member);
  await expect.poll(async () => ((await ines.get(`/api/v1/pages/${created.id}`)).json() as { text: string }).text, { timeout: 20_000 }).toContain('page privée');
  expect((await ines.get(`/api/v1/pages/${created.id}`)).body).not.toContain(stubTitle);
  expect((await ines.get(`/api/v1/pages/${stubId}`)).status).toBe(404);
});

test('following a link to a page puts the focus on its title', async ({ page, apiAs, signInAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Page à rejoindre'), visibility: 'space', status: 'published', markdown: 'Bienvenue.' });
  // Arriving by the address bar leaves the focus to the browser (skip link first)…
  await signInAs(page, PERSONAS.member, `/espaces/${section.id}`);
  await showWholeTree(page);
  await page.getByRole('region', { name: 'Pages' }).getByRole('treeitem', { name: created.title }).click();
  // …arriving by a link inside Coopol puts it on the page's heading, as a screen reader expects.
  const heading = page.getByRole('heading', { level: 1, name: created.title });
  await expect(heading).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Renommer la page' })).toBeFocused();
});
