/**
 * Amendments in a real browser: a member of another section selects a passage of a motion open
 * for amendments and proposes a new wording; its author accepts it while a third person has the
 * page open and sees the new words arrive in their editor. Rival amendments on one passage are
 * compared side by side. At a desktop width and at 375 px; axe on the amendment screens.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { PASSAGE, motionOpenForAmendments } from './amendment-world';
import { PERSONAS, expect, expectConnected, liveEditor, signInAs, test, unique } from './fixtures';

/** The live text as its reader sees it, without others' carets nor the words amendments propose. */
function liveText(page: Page): Promise<string> {
  return liveEditor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret, .amend-ins').forEach((c) => c.remove());
    return [...copy.children].map((c) => c.textContent ?? '').join('\n');
  });
}

/** Where the first and last characters of `words` are on the screen now. */
function wordsBox(page: Page, words: string) {
  return liveEditor(page).evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(w);
      if (at < 0) continue;
      const rect = (from: number) => {
        const r = document.createRange();
        r.setStart(n, from);
        r.setEnd(n, from + 1);
        return r.getBoundingClientRect();
      };
      const a = rect(at);
      const b = rect(at + w.length - 1);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    return null;
  }, words);
}

/** Selects `words` in the live editor with the mouse, as a reader would (press, drag, release). */
async function selectWords(page: Page, words: string): Promise<void> {
  await liveEditor(page).scrollIntoViewIfNeeded();
  const start = await wordsBox(page, words);
  if (!start) throw new Error(`« ${words} » is not in the editor.`);
  await page.mouse.move(start.x1, start.y1);
  await page.mouse.down();
  // Pressing may have moved the page (focus): the end is measured again.
  const end = (await wordsBox(page, words))!;
  await page.mouse.move(end.x2, end.y2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(words);
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`).join('\n');
  expect.soft(serious.map((v) => v.id), `${screen}:\n${report}`).toEqual([]);
}

async function personAtWidth(browser: Browser, email: string, path: string, width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 812 : 900 } });
  const page = await context.newPage();
  await signInAs(page, email, path);
  return { page, close: () => context.close() };
}

/** Nothing on the screen is wider than the screen. */
async function expectNoSideways(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width);
}

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 812 : 900 } });

    test('a member proposes an amendment on a selected passage; the author accepts it and a reader sees the new words arrive', async ({ page, browser, apiAs }) => {
      test.setTimeout(180_000);
      const title = unique('Motion pour des cantines');
      const id = await motionOpenForAmendments(await apiAs(PERSONAS.member), title);
      const path = `/pages/${id}`;

      // A third person (the secretary) has the page open from the start.
      const reader = await personAtWidth(browser, PERSONAS.secretary, path, width);
      const author = await personAtWidth(browser, PERSONAS.member, path, width);
      try {
        await expectConnected(reader.page);

        // Julien, of Colmar, reads it: no amendment yet.
        await signInAs(page, PERSONAS.colmar, path);
        await expectConnected(page);
        const margin = page.getByRole('complementary', { name: 'Amendements' });
        await expect(margin.getByText('Aucun amendement pour l’instant.')).toBeVisible();
        await expectNoSideways(page);

        // He selects the passage and proposes a new wording.
        await selectWords(page, PASSAGE);
        if (width < 500) await page.locator('.amend-fab').click(); // the button that comes with the selection
        else await page.getByRole('button', { name: /^Proposer un amendement/ }).first().click();
        const dialog = page.getByRole('dialog', { name: 'Proposer un amendement' });
        await expect(dialog.getByLabel('Passage visé')).toHaveValue(PASSAGE);
        await expect(dialog.getByRole('radio', { name: 'Remplacer' })).toBeChecked();
        // Without new words the server refuses, and the dialog says so under the field.
        await dialog.getByLabel('Nouvelle rédaction').fill('');
        await dialog.getByRole('button', { name: 'Déposer l’amendement' }).click();
        await expect(dialog.getByText('Écrivez la nouvelle rédaction (ou choisissez « Supprimer »).')).toBeVisible();
        await expect(dialog.getByLabel('Nouvelle rédaction')).toHaveAttribute('aria-invalid', 'true');
        await dialog.getByLabel('Nouvelle rédaction').fill('des cantines bio et locales');
        await dialog.getByLabel('Exposé des motifs').fill('Les producteurs du département doivent en profiter.');
        await expectNoSeriousViolations(page, 'the proposal dialog');
        await dialog.getByRole('button', { name: 'Déposer l’amendement' }).click();
        await expect(dialog).toBeHidden();

        // At once in the margin, and in the text as a suggestion (struck words, underlined new ones).
        const card = margin.getByRole('article', { name: /Amendement n° 1/ });
        await expect(card).toBeVisible();
        await expect(card).toContainText('Ouvert');
        await expect(card).toContainText('Colmar'); // the amender's section
        await expect(card.locator('del')).toHaveText(PASSAGE);
        await expect(card.locator('ins')).toHaveText('des cantines bio et locales');
        await expect(liveEditor(page).locator('del.amend-del')).toHaveText(PASSAGE);
        await expect(liveEditor(page).locator('ins.amend-ins')).toContainText('des cantines bio et locales');
        await expectNoSideways(page);
        await expectNoSeriousViolations(page, 'the page with its amendment');

        // The author sees it (the margin asks again every little while) and accepts it.
        const authorCard = author.page.getByRole('complementary', { name: 'Amendements' }).getByRole('article', { name: /Amendement n° 1/ });
        await expect(async () => {
          await author.page.reload();
          await expect(authorCard).toBeVisible({ timeout: 3_000 });
        }).toPass({ timeout: 30_000 });
        await expectConnected(author.page);
        await authorCard.getByRole('button', { name: 'Accepter l’amendement n° 1' }).click();
        const accept = author.page.getByRole('dialog', { name: 'Accepter l’amendement n° 1' });
        await expect(accept).toContainText('des cantines bio et locales');
        await accept.getByRole('button', { name: 'Appliquer au texte' }).click();
        await expect(accept).toBeHidden();
        await expect(authorCard).toContainText('Accepté');

        // The reader, who did nothing, sees the new words arrive in the live text, then the card's status.
        await expect.poll(() => liveText(reader.page), { timeout: 20_000 }).toContain('La section demande des cantines bio et locales dans toutes les écoles');
        await expect(reader.page.getByRole('complementary', { name: 'Amendements' }).getByRole('article', { name: /Amendement n° 1/ })).toContainText('Accepté', { timeout: 20_000 });
        // And so does the amender, whose suggestion is gone from the text.
        await expect.poll(() => liveText(page), { timeout: 20_000 }).toContain('des cantines bio et locales dans toutes');
        await expect(card).toContainText('Accepté', { timeout: 20_000 });
        await expect(liveEditor(page).locator('.amend-del')).toHaveCount(0);
      } finally {
        await reader.close();
        await author.close();
      }
    });

    test('rival amendments on one passage are grouped and compared side by side', async ({ page, apiAs }) => {
      test.setTimeout(120_000);
      const title = unique('Motion aux rédactions concurrentes');
      const id = await motionOpenForAmendments(await apiAs(PERSONAS.member), title);
      const colmar = await apiAs(PERSONAS.colmar);
      for (const replacement of ['des cantines végétariennes', 'des cantines gratuites']) {
        const r = await colmar.post(`/api/v1/pages/${id}/amendments`, { quote: PASSAGE, occurrence: 1, op: 'replace', replacement, justification: '' });
        expect(r.status, r.body).toBe(201);
      }
      const other = await colmar.post(`/api/v1/pages/${id}/amendments`, { quote: 'de la ville', op: 'delete', justification: 'Redondant.' });
      expect(other.status, other.body).toBe(201);

      await signInAs(page, PERSONAS.secretary, `/pages/${id}`);
      await expectConnected(page);
      const margin = page.getByRole('complementary', { name: 'Amendements' });
      const group = margin.getByRole('region', { name: /2 rédactions concurrentes sur ce passage/ });
      await expect(group.getByRole('article')).toHaveCount(2);
      await expect(margin.getByRole('article', { name: /Amendement n° 3/ })).toContainText('Supprimer le passage');
      // Both rivals are drawn in the text after the passage.
      await expect(liveEditor(page).locator('ins.amend-ins')).toHaveCount(2);

      // Filters: only the pending ones of Colmar (all of them), then none accepted.
      await margin.getByLabel('Statut').selectOption({ label: 'Accepté' });
      await expect(margin.getByText('Aucun amendement ne correspond à ces filtres.')).toBeVisible();
      await margin.getByLabel('Statut').selectOption({ label: 'En attente de décision' });
      await expect(margin.getByRole('article')).toHaveCount(3);

      // The secretary supports the third one: counted by section, and withdrawn again with the same button.
      const third = margin.getByRole('article', { name: /Amendement n° 3/ });
      await third.getByRole('button', { name: 'Soutenir l’amendement n° 3' }).click();
      await expect(third.getByRole('button', { name: 'Retirer mon soutien à l’amendement n° 3' })).toHaveAttribute('aria-pressed', 'true');
      await third.getByText('1 soutien').click();
      await expect(third.getByRole('list', { name: 'Soutiens par section' })).toHaveText('Strasbourg-Centre : 1');

      // Side by side, with the current words.
      await group.getByRole('button', { name: 'Comparer côte à côte' }).click();
      const compare = page.getByRole('dialog', { name: /Rédactions concurrentes/ });
      await expect(compare.getByText('Texte actuel')).toBeVisible();
      const columns = compare.locator('.amend-columns > *');
      await expect(columns).toHaveCount(3);
      if (width >= 1000) {
        const [a, b] = [await columns.nth(1).boundingBox(), await columns.nth(2).boundingBox()];
        expect(Math.abs(a!.y - b!.y)).toBeLessThan(4); // one beside the other
        expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
      }
      await expectNoSeriousViolations(page, 'rival wordings compared');
      await compare.getByRole('button', { name: 'Fermer' }).click();

      // The amendments screen shows them by passage, side by side, and passes axe.
      await page.goto(`/pages/${id}/amendements`);
      await expect(page.getByRole('heading', { level: 1, name: `Amendements · ${title}` })).toBeVisible();
      await expect(page.getByRole('region', { name: /2 rédactions concurrentes sur ce passage/ }).getByRole('article')).toHaveCount(2);
      await expectNoSideways(page);
      await expectNoSeriousViolations(page, 'the amendments screen');

      // The motion's author puts the rival wordings to one vote of the members.
      await signInAs(page, PERSONAS.member, `/pages/${id}/amendements`);
      const rivals = page.getByRole('region', { name: /2 rédactions concurrentes sur ce passage/ });
      await rivals.getByRole('button', { name: 'Mettre les rédactions concurrentes au vote' }).click();
      const vote = page.getByRole('dialog', { name: 'Vote sur les rédactions concurrentes' });
      await expect(vote).toContainText('méthode de Schulze');
      await vote.getByRole('button', { name: 'Ouvrir le vote' }).click();
      await expect(vote).toBeHidden();
      await expect(rivals.getByRole('article').filter({ hasText: 'Au vote' })).toHaveCount(2);
      await expect(page.getByRole('article', { name: /Amendement n° 3/ })).toContainText('Ouvert');
    });
  });
}
