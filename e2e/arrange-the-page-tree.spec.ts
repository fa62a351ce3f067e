/**
 * A member arranges her section's pages as a tree: by keyboard (Alt+arrows, announced), through
 * the « Déplacer » menu, and by dragging; the sidebar shows the current space's tree with the
 * current page highlighted. Checked with axe at 1280 and 375 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { PERSONAS, createPageViaApi, expect, findSpace, test, unique, showWholeTree } from './fixtures';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect.soft(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
}

/** The pages the tree shows, in order, indented by level, keeping only `titles`. */
const outline = (tree: Locator, titles: string[]) =>
  tree.evaluate(
    (el, wanted) =>
      [...el.querySelectorAll('[role="treeitem"]')]
        .filter((i) => wanted.includes(i.firstChild?.textContent ?? ''))
        .map((i) => `${'  '.repeat(Number(i.getAttribute('aria-level')) - 1)}${i.firstChild?.textContent}`),
    titles,
  );

test('a member nests and orders her section’s pages by keyboard, menu and drag; the sidebar shows the tree', async ({ page, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const [a, b, c] = [unique('Chapitre A'), unique('Sous-partie B'), unique('Annexe C')];
  const pages = [];
  for (const title of [a, b, c]) pages.push(await createPageViaApi(api, { spaceId: section.id, title, visibility: 'members', status: 'published', markdown: `Texte de ${title}.` }));
  const mine = [a, b, c];

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, PERSONAS.member, `/espaces/${section.id}`);
  const main = page.getByRole('main');
  const tree = main.getByRole('tree', { name: 'Pages' });
  const itemOf = (title: string) => tree.getByRole('treeitem', { name: title, exact: true });
  await showWholeTree(page);
  await expect(itemOf(c)).toBeVisible();
  // New pages come last, in the order they were made; the tree is one Tab stop.
  expect(await outline(tree, mine)).toEqual([a, b, c]);
  await expect(tree.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);

  // Keyboard: ↓ walks the pages; Alt+→ puts B under A, which is announced.
  await itemOf(a).focus();
  await page.keyboard.press('ArrowDown');
  await expect(itemOf(b)).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(main.getByRole('status').filter({ hasText: `« ${b} » déplacée : position 1 sur 1, sous « ${a} »` })).toBeAttached();
  await expect.poll(() => outline(tree, mine)).toEqual([a, `  ${b}`, c]);
  await expect(itemOf(b)).toBeFocused();
  await expect(itemOf(a)).toHaveAttribute('aria-expanded', 'true');
  // ← goes to the parent, ← again folds it, → unfolds it.
  await page.keyboard.press('ArrowLeft');
  await expect(itemOf(a)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(itemOf(b)).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(itemOf(b)).toBeVisible();
  // Alt+← brings B out, right after A; Alt+↑ puts it before A.
  await itemOf(b).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(main.getByRole('status').filter({ hasText: `« ${b} » déplacée` }).filter({ hasText: 'au premier niveau' })).toBeAttached();
  await expect.poll(() => outline(tree, mine)).toEqual([a, b, c]);
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => outline(tree, mine)).toEqual([b, a, c]);

  // The « Déplacer » menu, from the keyboard (Maj+F10): C goes under A.
  await itemOf(c).focus();
  await page.keyboard.press('Shift+F10');
  const menu = main.getByRole('group', { name: `Déplacer « ${c} »` });
  await expect(menu.getByRole('button', { name: 'Monter' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(itemOf(c)).toBeFocused();
  // …and with the pointer (its button is for the pointer: the keyboard has the keys above).
  await tree.locator('.tree-row', { has: page.getByRole('treeitem', { name: c, exact: true }) }).locator('.tree-move').click();
  await menu.getByRole('button', { name: 'Sous la page au-dessus' }).click();
  await expect.poll(() => outline(tree, mine)).toEqual([b, a, `  ${c}`]);

  // Drag and drop: B dropped onto A goes under it too, after C.
  const row = (title: string) => tree.locator('.tree-row', { has: page.getByRole('treeitem', { name: title, exact: true }) });
  await row(b).dragTo(row(a));
  await expect.poll(() => outline(tree, mine)).toEqual([a, `  ${c}`, `  ${b}`]);
  await expectNoSeriousViolations(page, 'space page with its tree');

  // It holds after a reload, and the sidebar shows the tree on a page, the current one highlighted.
  await page.goto(new URL(pages[1]!.url).pathname);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const sideTree = nav.getByRole('tree', { name: 'Pages — Strasbourg-Centre' });
  await expect(sideTree.getByRole('treeitem', { name: b, exact: true })).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => outline(sideTree, mine)).toEqual([a, `  ${c}`, `  ${b}`]);
  // Branches fold with the pointer too.
  await sideTree.locator('.tree-row', { has: page.getByRole('treeitem', { name: a, exact: true }) }).locator('.tree-fold').click();
  await expect(sideTree.getByRole('treeitem', { name: b, exact: true })).toBeHidden();
  await sideTree.locator('.tree-row', { has: page.getByRole('treeitem', { name: a, exact: true }) }).locator('.tree-fold').click();
  await expect(sideTree.getByRole('treeitem', { name: b, exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, 'page with the sidebar tree');

  // On a phone, the drawer holds the same tree.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole('button', { name: 'Menu' }).click();
  // The drawer opens at its top (focus on « Accueil »); the section's tree, longer with every page
  // of the demo's congress, holds the current page further down, highlighted.
  const current = sideTree.getByRole('treeitem', { name: b, exact: true });
  await expect(current).toHaveAttribute('aria-current', 'page');
  await current.scrollIntoViewIfNeeded();
  await expect(current).toBeInViewport();
  await expectNoSeriousViolations(page, 'drawer with the tree at 375 px');
});

test('a member of another section sees none of a section’s internal pages in its tree', async ({ page, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const internal = await createPageViaApi(api, { spaceId: section.id, title: unique('Réunion interne'), visibility: 'space', status: 'published', markdown: 'Interne.' });
  const open = await createPageViaApi(api, { spaceId: section.id, title: unique('Texte partagé'), visibility: 'members', status: 'published', markdown: 'Ouvert.' });
  await signInAs(page, PERSONAS.colmar, `/espaces/${section.id}`);
  const tree = page.getByRole('main').getByRole('tree', { name: 'Pages' });
  await showWholeTree(page);
  await expect(tree.getByRole('treeitem', { name: open.title, exact: true })).toBeVisible();
  await expect(page.getByText(internal.title)).toHaveCount(0);
  // Pages of another section can be read, not moved.
  await expect(tree.locator('.tree-move')).toHaveCount(0);
});
