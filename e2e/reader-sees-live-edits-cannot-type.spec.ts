import { PERSONAS, caretAtEnd, createPageViaApi, docText, expect, expectConnected, findSpace, liveEditor, nameOf, personAt, test, unique } from './fixtures';

test('a member of another section reads a members page live, with the writer’s caret, but cannot type in it', async ({ page, browser, apiAs, signInAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const camille = await nameOf(api);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Motion sur les transports'), visibility: 'members', status: 'published', markdown: 'Considérant.' });
  const pagePath = new URL(created.url).pathname;

  await signInAs(page, PERSONAS.secretary, pagePath);
  const reader = await personAt(browser, PERSONAS.colmar, pagePath);
  const julien = reader.page;
  await expectConnected(page);
  await expectConnected(julien);

  // Julien reads: no toolbar, a "Lecture seule" notice, a read-only text box.
  await expect(julien.getByText('Lecture seule', { exact: true })).toBeVisible();
  await expect(julien.getByRole('toolbar', { name: 'Mise en forme' })).toHaveCount(0);
  await expect(liveEditor(julien)).toHaveAttribute('aria-readonly', 'true');
  await expect(liveEditor(julien)).toHaveAttribute('contenteditable', 'false');
  // Camille writes, with a toolbar.
  await expect(page.getByRole('toolbar', { name: 'Mise en forme' })).toBeVisible();
  await expect(page.getByText('Lecture seule', { exact: true })).toHaveCount(0);

  // What Camille types appears on Julien's screen as she types, with her caret.
  await caretAtEnd(page);
  await page.keyboard.type(' Que la ligne de bus 10 passe toutes les dix minutes.');
  await expect.poll(() => docText(julien)).toBe('Considérant. Que la ligne de bus 10 passe toutes les dix minutes.');
  await expect(julien.locator('.collaboration-carets__label', { hasText: camille })).toBeVisible();

  // Julien clicks into the text and types: nothing changes, for him or for Camille.
  await liveEditor(julien).click();
  await julien.keyboard.press('End');
  await julien.keyboard.type('Amendement de Julien');
  await julien.keyboard.press('Enter');
  await julien.keyboard.press('Backspace');
  await julien.keyboard.press('Control+A');
  await julien.keyboard.press('Delete');

  // Camille writes again: once Julien sees it, anything he sent before has reached her too.
  await page.keyboard.type(' Fin.');
  const expected = 'Considérant. Que la ligne de bus 10 passe toutes les dix minutes. Fin.';
  await expect.poll(() => docText(julien)).toBe(expected);
  await expect.poll(() => docText(page)).toBe(expected);
  // Julien has no caret of his own on Camille's screen.
  await expect(page.locator('.collaboration-carets__caret')).toHaveCount(0);

  // The stored document does not have it either.
  await expect.poll(async () => ((await api.get(`/api/v1/pages/${created.id}`)).json() as { text: string }).text, { timeout: 20_000 }).toContain('Fin.');
  expect(((await api.get(`/api/v1/pages/${created.id}`)).json() as { text: string }).text).not.toContain('Julien');
  await reader.context.close();
});
