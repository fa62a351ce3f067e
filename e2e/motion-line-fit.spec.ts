/**
 * Each numbered line of a motion is one line on the screen, at 1280 px beside the amendments'
 * margin and at 375 px, so the numbers say what is printed: the numbered text never wraps, its
 * font fits a line of the stage's length to the column (legible: at least 11 px, 13 px on a
 * phone, where the text then scrolls sideways in its own box, never the page). On paper (print
 * media at an A4 page's printable width) too, one printed line a number, nothing cut.
 */
import type { Page } from '@playwright/test';
import { motionOpenForAmendments } from './amendment-world';
import { PERSONAS, expect, expectConnected, liveEditor, signInAs, test, unique } from './fixtures';

const PARAGRAPH =
  'Nous voulons des cantines bio dans chaque commune de la fédération, parce que les cantines bio coûtent moins cher que les repas industriels quand on achète local et de saison, que les enfants mangent mieux, que les producteurs du département en vivent et que la commune y gagne.';
const BODY = ['## Exposé des motifs', '', PARAGRAPH, '', '## Dispositif', '', `Article 1 : ${PARAGRAPH}`].join('\n');

/** For each numbered line: how many screen lines its words take, and the text box's font size and overflow. */
function numberedLines(page: Page) {
  return liveEditor(page).evaluate((prose) => {
    const spans = [...prose.querySelectorAll('span.line-number')];
    const lines = spans.map((span, i) => {
      const block = span.parentElement!;
      const range = document.createRange();
      range.setStartAfter(span);
      const next = spans[i + 1];
      if (next && block.contains(next)) range.setEndBefore(next);
      else range.setEnd(block, block.childNodes.length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return { line: (span as HTMLElement).dataset.line, screenLines: tops.size, words: range.toString().trim().slice(0, 20) };
    });
    const p = prose.querySelector('p')!;
    return { lines, fontPx: parseFloat(getComputedStyle(p).fontSize), scrollWidth: prose.scrollWidth, clientWidth: prose.clientWidth, pageScroll: document.scrollingElement!.scrollWidth, width: window.innerWidth };
  });
}

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 812 : 900 } });

    test('each numbered line of a motion is one line on the screen and on paper', async ({ page, apiAs }) => {
      test.setTimeout(90_000);
      const id = await motionOpenForAmendments(await apiAs(PERSONAS.member), unique('Motion aux lignes longues'), BODY);
      await signInAs(page, PERSONAS.colmar, `/pages/${id}`);
      await expectConnected(page);
      await expect(liveEditor(page).locator('span.line-number').first()).toBeAttached();
      if (width > 1100) await expect(page.getByRole('complementary', { name: 'Amendements' })).toBeVisible(); // the margin beside the text

      const shown = await numberedLines(page);
      expect(shown.lines.length).toBeGreaterThanOrEqual(8); // two long paragraphs of several lines each
      for (const l of shown.lines) expect(l, `line ${l.line} « ${l.words} »`).toMatchObject({ screenLines: 1 });
      expect(shown.pageScroll).toBeLessThanOrEqual(shown.width); // the page never scrolls sideways
      if (width > 1100) {
        expect(shown.fontPx).toBeGreaterThanOrEqual(11);
        expect(shown.scrollWidth).toBeLessThanOrEqual(shown.clientWidth + 1); // fits its column: no sideways scrolling either
      } else {
        expect(shown.fontPx).toBeGreaterThanOrEqual(13);
      }

      // On paper: the printable width of an A4 page (176 mm ≈ 665 px), one printed line a number, nothing cut.
      await page.setViewportSize({ width: 665, height: 900 });
      await page.emulateMedia({ media: 'print' });
      const printed = await numberedLines(page);
      for (const l of printed.lines) expect(l, `printed line ${l.line} « ${l.words} »`).toMatchObject({ screenLines: 1 });
      expect(printed.scrollWidth).toBeLessThanOrEqual(printed.clientWidth + 1);
      expect(printed.fontPx).toBeGreaterThanOrEqual(9);
    });
  });
}
