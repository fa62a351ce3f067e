/**
 * A filed motion shows its lines numbered in the margin, each number before the words it was
 * given (in the live text members read, at 375 px too, without the page scrolling sideways), and
 * prints cleanly: no app around it, the text with its numbers.
 */
import type { Page } from '@playwright/test';
import { PERSONAS, expect, findSpace, test, unique } from './fixtures';

const BODY = [
  '## Exposé des motifs',
  '',
  'Nous voulons des cantines bio dans chaque commune de la fédération, parce que les cantines bio coûtent moins cher que les repas industriels quand on achète local et de saison, et que les enfants mangent mieux.',
  '',
  '## Dispositif',
  '',
  'Article 1 : la commune finance les repas des écoles.',
].join('\n');

/** Each drawn number with the words that follow it. */
function numbersIn(page: Page): Promise<{ line: string; before: string; words: string; hidden: string | null }[]> {
  return page.locator('.live-editor .ProseMirror span.line-number').evaluateAll((spans) =>
    spans.map((s) => {
      let words = '';
      for (let n = s.nextSibling; n && words.length < 12; n = n.nextSibling) words += n.textContent ?? '';
      return { line: (s as HTMLElement).dataset.line ?? '', before: getComputedStyle(s, '::before').content, words: words.slice(0, 12), hidden: s.getAttribute('aria-hidden') };
    }),
  );
}

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 812 : 900 } });

    test('a filed motion’s lines are numbered in the margin, and it prints without the app around it', async ({ page, signInAs, apiAs }) => {
      const api = await apiAs(PERSONAS.member);
      const section = await findSpace(api, 'section', 'Strasbourg-Centre');
      const created = await api.post('/api/v1/pages', { spaceId: section.id, title: unique('Cantines bio'), kind: 'motion', visibility: 'members', markdown: BODY });
      expect(created.status, created.body).toBe(201);
      const { id } = created.json() as { id: string };
      const filed = await api.post(`/api/v1/pages/${id}/stage`, { stage: 'filed' });
      expect(filed.status, filed.body).toBe(200);

      await signInAs(page, PERSONAS.member, `/pages/${id}`);
      await expect(page.getByText(/Lignes numérotées à l’étape « Déposée », \d+ signes par ligne/)).toBeVisible();
      const editor = page.locator('.live-editor .ProseMirror');
      await expect(editor).toContainText('Article 1');
      await expect(editor.locator('span.line-number').first()).toBeAttached();

      const numbers = await numbersIn(page);
      expect(numbers.length).toBeGreaterThanOrEqual(5);
      expect(numbers.map((n) => n.line)).toEqual(numbers.map((_, i) => String(i + 1)));
      expect(numbers[0]).toMatchObject({ before: '"1"', words: 'Exposé des m', hidden: 'true' });
      expect(numbers[1]!.words).toBe('Nous voulons');
      expect(numbers.at(-1)!.words.length).toBeGreaterThan(0);
      // numbers take no part in the text: not in what is read or copied
      expect(await editor.innerText()).not.toMatch(/^\s*1\s*$/m);

      // The numbers sit in the margin the text leaves them, left of the words, within the page.
      const geometry = await page.evaluate(() => {
        const prose = document.querySelector('.live-editor .ProseMirror') as HTMLElement;
        const first = prose.querySelector('span.line-number')!;
        const range = document.createRange();
        range.setStartAfter(first);
        range.setEnd(first.nextSibling!, 1);
        const word = range.getBoundingClientRect();
        return { padding: parseFloat(getComputedStyle(prose).paddingLeft), proseLeft: prose.getBoundingClientRect().left, wordLeft: word.left, scroll: document.documentElement.scrollWidth, width: window.innerWidth };
      });
      expect(geometry.padding).toBeGreaterThanOrEqual(20);
      expect(geometry.wordLeft - geometry.proseLeft).toBeGreaterThanOrEqual(20);
      expect(geometry.scroll).toBeLessThanOrEqual(geometry.width);

      // Printing: no app around the motion, the text with its numbers, the day it was printed.
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.topbar')).toBeHidden();
      await expect(page.locator('.sidebar')).toBeHidden();
      await expect(page.locator('.breadcrumbs')).toBeHidden();
      await expect(page.getByRole('button', { name: 'Imprimer / PDF' })).toBeHidden();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(editor).toBeVisible();
      await expect(page.getByText(/^\s*Imprimé le /)).toBeVisible();
      expect((await numbersIn(page))[1]!.before).toBe('"2"');
      await page.emulateMedia({ media: 'screen' });
      await expect(page.getByText(/^\s*Imprimé le /)).toBeHidden();
    });
  });
}
