import type { Page } from '@playwright/test';
import { PERSONAS, caretAtEnd, createPageViaApi, docText, expect, expectConnected, findSpace, liveEditor, nameOf, personAt, test, unique } from './fixtures';

/** Records every request and websocket to the collaboration endpoint made by `page`. */
function collabTraffic(page: Page): string[] {
  const seen: string[] = [];
  page.on('websocket', (ws) => seen.push(ws.url()));
  page.on('request', (req) => req.url().includes('/collab/') && seen.push(req.url()));
  return seen;
}

test('citizens read the published version while members change the live text, and the change only once published again', async ({ page, browser, apiAs, signInAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const camille = await nameOf(api);
  const ines = await nameOf(await apiAs(PERSONAS.member));
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const published = 'Nous proposons des cantines 100 % bio.';
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Programme municipal'), visibility: 'public', status: 'published', markdown: published });
  const pagePath = new URL(created.url).pathname;

  // A signed-in citizen and an anonymous visitor read the published text, without an editor.
  const citizen = await personAt(browser, PERSONAS.citizen, pagePath);
  const anonContext = await browser.newContext();
  const anonymous = await anonContext.newPage();
  await anonymous.goto(pagePath);
  const readers = [citizen.page, anonymous];
  const traffic = readers.map(collabTraffic);
  const expectPublicView = async (reader: Page, text: string, absent: string | null) => {
    await expect(reader.getByRole('heading', { level: 1, name: created.title })).toBeVisible();
    await expect(reader.getByText(text)).toBeVisible();
    if (absent) await expect(reader.locator('body')).not.toContainText(absent);
    await expect(liveEditor(reader)).toHaveCount(0);
    await expect(reader.getByRole('list', { name: 'Sur la page en ce moment' })).toHaveCount(0);
    await expect(reader.getByText(/^Publié le /)).toBeVisible();
    // Who writes inside the party is not public.
    await expect(reader.locator('main')).not.toContainText(camille);
    await expect(reader.locator('main')).not.toContainText(ines);
    await expect(reader.getByRole('link', { name: 'Historique' })).toHaveCount(0);
  };
  for (const reader of readers) {
    await reader.reload();
    await expectPublicView(reader, published, null);
  }

  // Camille changes the live text; Inès, also on the page, sees it as it is typed.
  await signInAs(page, PERSONAS.secretary, pagePath);
  const member = await personAt(browser, PERSONAS.member, pagePath);
  await expectConnected(page);
  await expectConnected(member.page);
  await caretAtEnd(page);
  await page.keyboard.type(' Et la gratuité des transports.');
  const changed = `${published} Et la gratuité des transports.`;
  await expect.poll(() => docText(member.page)).toBe(changed);

  // Once the change is saved, members are told the public reads an older version…
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('modifié depuis la publication', { exact: true })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });

  // …and the public indeed still reads the published text, with no websocket opened.
  for (const reader of readers) {
    await reader.reload();
    await expectPublicView(reader, published, 'gratuité');
  }

  // Camille publishes a new version: the public now reads the new text.
  // It says first who will read it.
  await page.getByRole('button', { name: 'Publier une nouvelle version' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publier une nouvelle version ?' });
  await expect(dialog).toContainText('Publier pour le public : les citoyens liront le texte tel qu’il est maintenant.');
  await dialog.getByRole('button', { name: 'Publier pour le public' }).click();
  // Members see that the public reads the text as it is now.
  await expect(page.getByText('modifié depuis la publication', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Publier une nouvelle version' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Nouvelle version publiée.' })).toBeVisible();
  await expectConnected(page);
  for (const reader of readers) {
    await reader.reload();
    await expectPublicView(reader, changed, null);
  }

  expect(traffic.flat(), 'requests of citizens and anonymous readers to /collab/').toEqual([]);
  await Promise.all([citizen.context.close(), anonContext.close(), member.context.close()]);
});
