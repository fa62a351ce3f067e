import { PERSONAS, createPageViaApi, expect, expectConnected, findSpace, liveEditor, personAt, test, unique } from './fixtures';

test('a renamed page shows its new title in the editors that link to it, without a reload', async ({ browser, apiAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const target = await createPageViaApi(api, { spaceId: section.id, title: unique('Budget participatif'), visibility: 'space', status: 'published', markdown: 'Cinq pour cent.' });
  const source = await createPageViaApi(api, { spaceId: section.id, title: unique('Feuille de route'), visibility: 'space', status: 'published' });
  const put = await api.put(`/api/v1/pages/${source.id}/content`, { markdown: `Voir [[${target.title}]].`, mode: 'replace' });
  expect(put.status, put.body).toBe(200);

  const { context: ctx, page: editor } = await personAt(browser, PERSONAS.member, new URL(source.url).pathname);
  await editor.clock.install(); // the page's timers, moved forward below instead of waited for
  await editor.reload();
  await expectConnected(editor);
  await expect(liveEditor(editor).getByRole('link', { name: target.title })).toBeVisible();

  const renamed = unique('Budget participatif des quartiers');
  const res = await api.patch(`/api/v1/pages/${target.id}`, { title: renamed });
  expect(res.status, res.body).toBe(200);
  // The tab stays in front: within a minute the link says the new title.
  await editor.clock.fastForward(61_000);
  await expect(liveEditor(editor).getByRole('link', { name: renamed })).toBeVisible();
  await expect(liveEditor(editor).getByRole('link', { name: target.title })).toHaveCount(0);
  await ctx.close();
});
