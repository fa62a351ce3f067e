import { PERSONAS, caretAtEnd, createPageViaApi, docText, expect, expectConnected, findSpace, liveEditor, test, unique } from './fixtures';

test('typing [[ links another page by its title, and that page lists the source among the pages that lead to it', async ({ page, apiAs, signInAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const target = await createPageViaApi(api, { spaceId: section.id, title: unique('Plan vélo du quartier'), visibility: 'space', status: 'published', markdown: 'Pistes cyclables.' });
  const source = await createPageViaApi(api, { spaceId: section.id, title: unique('Compte rendu de l’assemblée'), visibility: 'space', status: 'published', markdown: 'Décisions prises.' });
  const suffix = target.title.split(' ').pop()!; // the unique part of the title

  await signInAs(page, PERSONAS.secretary, new URL(source.url).pathname);
  await expectConnected(page);
  await caretAtEnd(page);
  await page.keyboard.type(' Voir ');
  // `[[` + the start of two words of the title (accents and case do not matter).
  await page.keyboard.type(`[[plan ${suffix.slice(0, 5)}`);
  const menu = page.getByRole('listbox', { name: 'Pages à lier' });
  await expect(menu.getByRole('option', { name: target.title })).toBeVisible();
  await expect(menu.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(menu.getByRole('option').first()).toContainText(target.title);
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);

  // The link shows the target's title and leads to it; the typed query is gone.
  const link = liveEditor(page).getByRole('link', { name: target.title });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', `/pages/${target.id}`);
  await page.keyboard.type('pour le détail.');
  await expect.poll(() => docText(page)).toBe(`Décisions prises. Voir ${target.title} pour le détail.`);

  // Links are derived from the document once typing settles (debounced): the API says when.
  const snippetFromSource = async () => ((await api.get(`/api/v1/pages/${target.id}/backlinks`)).json() as { data: { id: string; snippet: string }[] }).data.find((b) => b.id === source.id)?.snippet;
  await expect.poll(snippetFromSource, { timeout: 20_000 }).toContain('pour le détail');

  await page.goto(new URL(target.url).pathname);
  await expect(page.getByRole('heading', { level: 1, name: target.title })).toBeVisible();
  const backlinks = page.getByRole('region', { name: 'Pages qui mènent ici' });
  const entry = backlinks.getByRole('listitem').filter({ has: page.getByRole('link', { name: source.title }) });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('pour le détail');
  await entry.getByRole('link', { name: source.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: source.title })).toBeVisible();
});
