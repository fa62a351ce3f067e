/**
 * Comparing versions: a sentence changed a little shows its changes inline; a paragraph
 * rewritten reads before | after side by side (one above the other on a phone). Axe clean at
 * 1280 and 375 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PERSONAS, createPageViaApi, expect, findSpace, test, unique } from './fixtures';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect.soft(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
}

test('a rewritten paragraph reads before | after, a small change inline', async ({ page, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, {
    spaceId: section.id,
    title: unique('Programme — Transports'),
    visibility: 'members',
    status: 'published',
    markdown: 'Le tram passe toutes les dix minutes en semaine.\n\nLa gratuité pour les moins de vingt-cinq ans.',
  });
  const { revision } = (await api.get(`/api/v1/pages/${created.id}`)).json() as { revision: string };
  const res = await api.patch(`/api/v1/pages/${created.id}`, {
    markdown: 'Le tram passe toutes les cinq minutes en semaine.\n\nUn réseau de pistes cyclables sûres et continues.',
    baseRevision: revision,
  });
  expect(res.status, res.body).toBe(200);

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, PERSONAS.member, `/pages/${created.id}/historique`);
  await page.getByRole('list', { name: 'Versions' }).getByRole('link', { name: 'Comparer avec le texte actuel' }).first().click();
  const diff = page.locator('.history-diff');
  await expect(diff.getByRole('deletion').filter({ hasText: /^dix$/ })).toBeVisible();
  await expect(diff.getByRole('insertion').filter({ hasText: /^cinq$/ })).toBeVisible();
  const split = diff.locator('.diff-split');
  await expect(split).toHaveCount(1);
  const before = split.locator('.diff-before');
  const after = split.locator('.diff-after');
  await expect(before).toContainText('Avant');
  await expect(before.getByRole('deletion')).toHaveText('La gratuité pour les moins de vingt-cinq ans.');
  await expect(after).toContainText('Après');
  await expect(after.getByRole('insertion')).toHaveText('Un réseau de pistes cyclables sûres et continues.');
  // Side by side on a wide screen…
  const [b1, a1] = [await before.boundingBox(), await after.boundingBox()];
  expect(a1!.x).toBeGreaterThan(b1!.x + b1!.width - 1);
  expect(Math.abs(a1!.y - b1!.y)).toBeLessThan(2);
  await expectNoSeriousViolations(page, 'history comparison 1280');

  // …one above the other on a phone, without sideways scrolling.
  await page.setViewportSize({ width: 375, height: 800 });
  const [b2, a2] = [await before.boundingBox(), await after.boundingBox()];
  expect(a2!.y).toBeGreaterThan(b2!.y + b2!.height - 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page, 'history comparison 375');
});
