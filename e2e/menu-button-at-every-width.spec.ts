/**
 * The ☰ button works at every width: on a wide screen it folds the sidebar away and back (and
 * the choice holds across pages); below 800 px it opens the sidebar as a drawer that takes the
 * focus, closes with Esc (focus back on ☰), a tap outside or a link followed.
 */
import type { Page } from '@playwright/test';
import { PERSONAS, expect, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });
const menu = (page: Page) => page.getByRole('button', { name: 'Menu' });

test('on a wide screen, ☰ folds the sidebar away and back', async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, PERSONAS.member);
  await expect(nav(page).getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(menu(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(menu(page)).toHaveAttribute('aria-controls', 'sidebar');
  await menu(page).click();
  await expect(menu(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(nav(page)).toBeHidden();
  // The main column takes the room.
  const width = await page.getByRole('main').evaluate((el) => el.getBoundingClientRect().left);
  expect(width).toBeLessThan(40);
  // Folded it stays on the next page, until unfolded.
  await page.getByRole('link', { name: 'Coopol' }).click();
  await page.goto('/groupes');
  await expect(nav(page)).toBeHidden();
  await menu(page).click();
  await expect(nav(page).getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(menu(page)).toHaveAttribute('aria-expanded', 'true');
});

for (const width of [800, 375]) {
  test(`at ${width} px, ☰ opens the sidebar as a drawer that takes the focus and gives it back`, async ({ page, signInAs }) => {
    await page.setViewportSize({ width, height: 800 });
    await signInAs(page, PERSONAS.member);
    await expect(menu(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(nav(page)).toBeHidden();

    await menu(page).click();
    await expect(menu(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(nav(page).getByRole('link', { name: 'Accueil' })).toBeInViewport();
    await expect(nav(page).getByRole('link', { name: 'Accueil' })).toBeFocused();
    // The page behind does not take the focus while the drawer is open.
    expect(await page.getByRole('main').evaluate((el) => el.hasAttribute('inert'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(nav(page)).toBeHidden();
    await expect(menu(page)).toBeFocused();
    await expect(menu(page)).toHaveAttribute('aria-expanded', 'false');

    // A tap outside closes it.
    await menu(page).click();
    await expect(nav(page)).toBeVisible();
    await page.mouse.click(width - 10, 600);
    await expect(nav(page)).toBeHidden();

    // Following a link closes it too, on the new screen.
    await menu(page).click();
    await nav(page).getByRole('link', { name: 'Strasbourg-Centre' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();
    await expect(nav(page)).toBeHidden();
    await expect(menu(page)).toHaveAttribute('aria-expanded', 'false');
  });
}
