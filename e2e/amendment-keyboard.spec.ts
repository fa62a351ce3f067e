/**
 * A member proposes an amendment with the keyboard alone: Tab to « Proposer un amendement », choose
 * the paragraph in the dialog, keep only the words to amend in the passage field, and the
 * amendment lands on those words in that paragraph — not on the same words earlier in the text.
 * Words that are not in the chosen paragraph are refused under the field. At 1280 and 375 px, axe
 * on the dialog.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { motionOpenForAmendments } from './amendment-world';
import { PERSONAS, expect, expectConnected, liveEditor, signInAs, test, unique } from './fixtures';

// « des cantines bio » twice: in the first paragraph and in the second.
const BODY = ['## Dispositif', '', 'La section demande des cantines bio dans toutes les écoles.', '', 'Le conseil municipal finance des cantines bio dès la rentrée prochaine.'].join('\n');
const WORDS = 'des cantines bio';

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, { back = false, max = 200 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 812 : 900 } });

    test('a member proposes an amendment on words of a paragraph without a mouse', async ({ page, apiAs }) => {
      test.setTimeout(120_000);
      const id = await motionOpenForAmendments(await apiAs(PERSONAS.member), unique('Motion au clavier'), BODY);
      await signInAs(page, PERSONAS.colmar, `/pages/${id}`);
      await expectConnected(page);

      // From the top of the page, Tab reaches the button; Enter opens the dialog.
      const propose = page.getByRole('button', { name: /^Proposer un amendement/ }).first();
      await tabTo(page, propose);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Proposer un amendement' });
      await expect(dialog).toBeVisible();

      // The paragraph: the second one holding words after the heading (§ 3), chosen with the arrows.
      const paragraph = dialog.getByLabel('Paragraphe');
      await tabTo(page, paragraph);
      await expect(paragraph.locator('option')).toHaveCount(4); // « Choisir… », the heading and two paragraphs
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      await expect(paragraph.locator('option:checked')).toHaveText(/^§ 3 — Le conseil municipal finance/);
      const quote = dialog.getByLabel('Passage visé');
      await expect(quote).toHaveValue('Le conseil municipal finance des cantines bio dès la rentrée prochaine.');

      // Words that are not in that paragraph are refused under the field.
      await tabTo(page, quote);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('toutes les écoles');
      await tabTo(page, dialog.getByLabel('Nouvelle rédaction'));
      await page.keyboard.type('des repas');
      await tabTo(page, dialog.getByRole('button', { name: 'Déposer l’amendement' }));
      await page.keyboard.press('Enter');
      await expect(dialog.getByText('Ces mots ne figurent pas tels quels dans le paragraphe choisi')).toBeVisible();
      await expect(quote).toHaveAttribute('aria-invalid', 'true');

      // The words of the paragraph, kept by hand; a new wording; sent with Enter.
      await tabTo(page, quote, { back: true });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(WORDS);
      const wording = dialog.getByLabel('Nouvelle rédaction');
      await tabTo(page, wording);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('des cantines bio et locales');
      await tabTo(page, dialog.getByLabel('Exposé des motifs'));
      await page.keyboard.type('Le budget le permet.');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await tabTo(page, dialog.getByRole('button', { name: 'Déposer l’amendement' }));
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();

      // On those words of the second paragraph, not on the same words of the first.
      const card = page.getByRole('complementary', { name: 'Amendements' }).getByRole('article', { name: /Amendement n° 1/ });
      await expect(card).toBeVisible();
      await expect(card.locator('del')).toHaveText(WORDS);
      const paragraphs = liveEditor(page).locator('p');
      await expect(paragraphs.nth(1).locator('del.amend-del')).toHaveText(WORDS);
      await expect(paragraphs.nth(0).locator('.amend-del')).toHaveCount(0);
    });
  });
}
