import { PERSONAS, createPageViaApi, expect, expectConnected, findSpace, personAt, test, unique } from './fixtures';

/**
 * Opening a page in the live editor, leaving and coming back (the browser then holds the text in
 * IndexedDB and sends it back on connecting) changes nothing: no "mis à jour", no "modifié depuis
 * la publication".
 */
test('a member who opens a page and comes back to it has not edited it', async ({ browser, apiAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const markdown = [
    '## Une ville qui respire',
    '',
    'Des **rues scolaires** dans chaque quartier, et des [pistes cyclables](https://coopol.test/velo) continues.',
    '',
    '- piétonniser les abords des écoles',
    '- planter 10 000 arbres',
    '',
    '> La ville appartient à celles et ceux qui y vivent.',
    '',
    '| Mesure | Coût |',
    '| --- | --- |',
    '| Rues scolaires | 2 M€ |',
  ].join('\n');
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Mobilités'), visibility: 'members', status: 'draft', markdown });
  // A rewrite through the API: the document now holds deletions, which every sync carries.
  const put = await api.put(`/api/v1/pages/${created.id}/content`, { markdown: markdown.replace('10 000', '12 000'), mode: 'replace', baseRevision: created.revision });
  expect(put.status, put.body).toBe(200);
  const published = await api.patch(`/api/v1/pages/${created.id}`, { status: 'published' });
  expect(published.status, published.body).toBe(200);
  const before = (await api.get(`/api/v1/pages/${created.id}`)).json() as { updatedAt: string; text: string };

  const path = new URL(created.url).pathname;
  const { context, page } = await personAt(browser, PERSONAS.member, path);
  await expectConnected(page);
  await expect(page.getByText('planter 12 000 arbres')).toBeVisible();
  await page.waitForTimeout(2500); // past the derivation's pause (1.5 s)
  await page.reload();
  await expectConnected(page);
  await page.waitForTimeout(2500);
  await expect(page.getByText('modifié depuis la publication')).toHaveCount(0);
  await context.close();

  const after = (await api.get(`/api/v1/pages/${created.id}`)).json() as { updatedAt: string; text: string };
  expect(after.updatedAt).toBe(before.updatedAt);
  expect(after.text).toBe(before.text);
});
