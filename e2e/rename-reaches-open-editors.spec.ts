import { PERSONAS, createPageViaApi, type Api, expect, expectConnected, findSpace, liveEditor, personAt, test, unique } from './fixtures';

/** A target page and a source page whose text links to it, in the secretary's section. */
async function linkedPages(api: Api, targetTitle: string, sourceTitle: string) {
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const target = await createPageViaApi(api, { spaceId: section.id, title: unique(targetTitle), visibility: 'space', status: 'published', markdown: 'Un texte.' });
  const source = await createPageViaApi(api, { spaceId: section.id, title: unique(sourceTitle), visibility: 'space', status: 'published' });
  const put = await api.put(`/api/v1/pages/${source.id}/content`, { markdown: `Voir [[${target.title}]].`, mode: 'replace', baseRevision: source.revision });
  expect(put.status, put.body).toBe(200);
  return { target, source };
}

test('a renamed page shows its new title in the editors that link to it, without a reload', async ({ browser, apiAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const { target, source } = await linkedPages(api, 'Budget participatif', 'Feuille de route');

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

test('a rename reaches an open editor at once: the server announces it, nobody waits for the next minute', async ({ browser, apiAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const { target, source } = await linkedPages(api, 'Maison des associations', 'Vie associative');

  const { context: ctx, page: editor } = await personAt(browser, PERSONAS.member, new URL(source.url).pathname);
  await expectConnected(editor);
  await expect(liveEditor(editor).getByRole('link', { name: target.title })).toBeVisible();

  const renamed = unique('Maison des associations et des syndicats');
  const res = await api.patch(`/api/v1/pages/${target.id}`, { title: renamed });
  expect(res.status, res.body).toBe(200);
  // No clock moved, no tab switched: well within the minute of the periodic check.
  await expect(liveEditor(editor).getByRole('link', { name: renamed })).toBeVisible({ timeout: 5_000 });
  await ctx.close();
});
