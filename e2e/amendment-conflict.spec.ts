/**
 * The passage an amendment aims at changes after it was written: a chapter open for amendments
 * lets its animators edit, and the section's secretary rewrites one of its words in the live
 * editor. The card says « Passage modifié » with the words as they read now; accepting does not
 * land on the wrong words: the dialog shows the conflict (what the amendment aimed at, what the
 * text says now), nothing is applied until the decider adjusts the replacement, and the text ends
 * with her adjusted wording where the passage now is.
 */
import type { Page } from '@playwright/test';
import { PERSONAS, createPageViaApi, expect, expectConnected, findSpace, liveEditor, test, unique } from './fixtures';

const BODY = '## Logement\n\nNous proposons un encadrement des loyers dans toute la ville.\n\nLa section tient une permanence logement chaque samedi.';

/** The live text without the words amendments propose (drawn as suggestions) nor carets. */
function liveText(page: Page): Promise<string> {
  return liveEditor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret, .amend-ins').forEach((c) => c.remove());
    return [...copy.children].map((c) => c.textContent ?? '').join('\n');
  });
}

/** Clicks just after `word` in the live editor, as a writer puts the caret there. */
async function caretAfter(page: Page, word: string): Promise<void> {
  await liveEditor(page).scrollIntoViewIfNeeded();
  const at = await liveEditor(page).evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.textContent ?? '').indexOf(w);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i + w.length - 1);
      r.setEnd(n, i + w.length);
      const box = r.getBoundingClientRect();
      return { x: box.right - 1, y: box.top + box.height / 2 };
    }
    return null;
  }, word);
  if (!at) throw new Error(`« ${word} » is not in the editor.`);
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.focusNode?.textContent ?? '')).toContain(word);
}

test('the passage changed after the amendment was written: accepting shows the conflict, the decider adjusts the replacement, the text ends right', async ({ page, signInAs, apiAs }) => {
  test.setTimeout(120_000);
  const secretaryApi = await apiAs(PERSONAS.secretary);
  const section = await findSpace(secretaryApi, 'section', 'Strasbourg-Centre');
  const chapter = await createPageViaApi(secretaryApi, { spaceId: section.id, title: unique('Chapitre : loyers'), visibility: 'members', status: 'published', markdown: BODY });
  const opened = await secretaryApi.post(`/api/v1/pages/${chapter.id}/stage`, { stage: 'amendments', deadline: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString() });
  expect(opened.status, opened.body).toBe(200);
  const proposed = await (await apiAs(PERSONAS.member)).post(`/api/v1/pages/${chapter.id}/amendments`, {
    quote: 'un encadrement des loyers',
    op: 'replace',
    replacement: 'un encadrement strict des loyers',
    justification: 'Un encadrement qui compte.',
  });
  expect(proposed.status, proposed.body).toBe(201);

  await signInAs(page, PERSONAS.secretary, `/pages/${chapter.id}`);
  await expectConnected(page);
  const card = page.getByRole('complementary', { name: 'Amendements' }).getByRole('article', { name: /Amendement n° 1\b/ });
  await expect(card).toContainText('Ouvert');

  // The secretary, an animator of the chapter, rewrites a word of the passage in the live text.
  // She clicks into the words the amendment strikes (drawn as a suggestion): the caret stays there,
  // the card is only shown beside.
  await expect(liveEditor(page).locator('del.amend-del')).toContainText('encadrement');
  await caretAfter(page, 'encadrement');
  await expect(liveEditor(page)).toBeFocused();
  for (let i = 0; i < 'encadrement'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('plafonnement');
  await expect.poll(() => liveText(page)).toContain('Nous proposons un plafonnement des loyers dans toute la ville.');

  // The card says the passage changed, and how it reads now (the margin asks again after an edit).
  await expect(card).toContainText('Passage modifié', { timeout: 30_000 });
  await expect(card).toContainText('Il se lit maintenant : « un plafonnement des loyers »');

  // Accepting shows the conflict; nothing is applied as written.
  await card.getByRole('button', { name: 'Accepter l’amendement n° 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accepter l’amendement n° 1' });
  const adjusted = dialog.getByLabel('Rédaction ajustée');
  // The card read before the edit offers a plain acceptance first, which the server refuses with the passage as it reads now.
  if (!(await adjusted.isVisible())) await dialog.getByRole('button', { name: 'Appliquer au texte' }).click();
  await expect(dialog).toContainText('Le passage a changé depuis l’amendement');
  await expect(dialog).toContainText('L’amendement visait « un encadrement des loyers ». Le texte dit maintenant « un plafonnement des loyers ».');
  await expect(adjusted).toHaveValue('un encadrement strict des loyers');
  expect(await liveText(page)).toContain('Nous proposons un plafonnement des loyers dans toute la ville.');
  expect(await liveText(page)).not.toContain('strict');

  // She adjusts the replacement to the words as they are now, and applies it.
  await adjusted.fill('un plafonnement strict des loyers');
  await dialog.getByRole('button', { name: 'Appliquer au texte' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.locator('.amend-card-head')).toContainText('Accepté');
  await expect.poll(() => liveText(page)).toContain('Nous proposons un plafonnement strict des loyers dans toute la ville.');
  const text = await liveText(page);
  expect(text).not.toContain('encadrement');
  expect(text).toContain('La section tient une permanence logement chaque samedi.');

  // Read back by someone else, through the API: the page's text ends right.
  const read = await secretaryApi.get(`/api/v1/pages/${chapter.id}`);
  expect(read.body).toContain('un plafonnement strict des loyers dans toute la ville');
});
