import { PERSONAS, caretAtEnd, createPageViaApi, docText, expect, expectConnected, findSpace, nameOf, personAt, placeCaret, test, unique } from './fixtures';

test('two members of a section write the same page at once and see each other’s text, caret and avatar', async ({ page, browser, apiAs, signInAs }) => {
  const camilleApi = await apiAs(PERSONAS.secretary);
  const inesApi = await apiAs(PERSONAS.member);
  const [camille, ines] = [await nameOf(camilleApi), await nameOf(inesApi)];
  const section = await findSpace(camilleApi, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(camilleApi, { spaceId: section.id, title: unique('Tract à quatre mains'), visibility: 'space', status: 'published', markdown: 'Introduction.' });
  const pagePath = new URL(created.url).pathname;

  // Camille at her computer, Inès at hers, on the same page.
  await signInAs(page, PERSONAS.secretary, pagePath);
  const other = await personAt(browser, PERSONAS.member, pagePath);
  const inesPage = other.page;
  await expectConnected(page);
  await expectConnected(inesPage);

  // Each sees both avatars: herself and the other.
  for (const [p, self, them] of [[page, camille, ines], [inesPage, ines, camille]] as const) {
    const presence = p.getByRole('list', { name: 'Sur la page en ce moment' });
    await expect(presence.getByRole('listitem').filter({ hasText: `${self} (vous)` })).toBeVisible();
    await expect(presence.getByRole('listitem').filter({ hasText: them })).toHaveCount(1);
  }

  // Camille writes; Inès sees the words, and Camille's caret labelled with her name.
  await caretAtEnd(page);
  await page.keyboard.type(' Rendez-vous samedi au marché.');
  await expect.poll(() => docText(inesPage)).toBe('Introduction. Rendez-vous samedi au marché.');
  await expect(inesPage.locator('.collaboration-carets__label', { hasText: camille })).toBeVisible();

  // Inès answers on a new line; Camille sees it, and Inès's caret.
  await caretAtEnd(inesPage);
  await inesPage.keyboard.press('Enter');
  await inesPage.keyboard.type('J’apporte les tracts.');
  await expect.poll(() => docText(page)).toBe('Introduction. Rendez-vous samedi au marché.\nJ’apporte les tracts.');
  await expect(page.locator('.collaboration-carets__label', { hasText: ines })).toBeVisible();

  // Both write at the same moment: the two texts merge, identically on both screens.
  await Promise.all([
    (async () => {
      await caretAtEnd(page);
      await page.keyboard.press('Enter');
      await page.keyboard.type('Camille : merci !');
    })(),
    (async () => {
      await placeCaret(inesPage, 'start');
      await inesPage.keyboard.type('Urgent — ');
    })(),
  ]);
  const merged = 'Urgent — Introduction. Rendez-vous samedi au marché.\nJ’apporte les tracts.\nCamille : merci !';
  await expect.poll(() => docText(page)).toBe(merged);
  await expect.poll(() => docText(inesPage)).toBe(merged);

  // Nobody has a caret of their own among the labels, and both are still connected.
  await expect(page.locator('.collaboration-carets__label', { hasText: camille })).toHaveCount(0);
  await expect(inesPage.locator('.collaboration-carets__label', { hasText: ines })).toHaveCount(0);
  await expectConnected(page);
  await expectConnected(inesPage);
  await other.context.close();

  // When Inès leaves, her avatar goes.
  await expect(page.getByRole('list', { name: 'Sur la page en ce moment' }).getByRole('listitem')).toHaveCount(1);
});
