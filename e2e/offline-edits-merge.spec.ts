import { PERSONAS, caretAtEnd, createPageViaApi, expect, expectConnected, findSpace, liveEditor, personAt, test, unique } from './fixtures';

/**
 * Written without network, kept by the browser (IndexedDB), still there after the tab was
 * closed, and merged into the page once the connection is back.
 */
test('edits made offline survive closing the tab and reach the page when the connection returns', async ({ browser, apiAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Tractage du marché'), visibility: 'space', status: 'published', markdown: 'Rendez-vous samedi à 9 h.' });
  const path = new URL(created.url).pathname;
  const textOnServer = async () => ((await api.get(`/api/v1/pages/${created.id}`)).json() as { text: string }).text;

  const { context, page } = await personAt(browser, PERSONAS.member, path);
  await expectConnected(page);
  await context.setOffline(true);
  const chip = page.locator('.live-editor').getByRole('status');
  await expect(chip).toContainText('Hors ligne');
  await caretAtEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Écrit sans réseau, devant la halle');
  await expect(chip).toContainText('modifications enregistrées localement');
  await page.waitForTimeout(500); // IndexedDB commits its write
  expect(await textOnServer()).not.toContain('devant la halle');
  await page.close();

  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(path);
  await expectConnected(again);
  await expect(liveEditor(again)).toContainText('Écrit sans réseau, devant la halle');
  await expect.poll(textOnServer).toContain('Écrit sans réseau, devant la halle');
  await context.close();
});
