/**
 * The HTTP bench's floors (/bench-floor, /api/bench-floor) exist only in a server started with
 * COOPOL_BENCH_FLOOR=1 (the e2e server is not): a normal server answers the page with the site's
 * own 404, the one any unknown address gets, and the JSON route with `not_found`.
 */
import { expect, test } from './fixtures';

test('without the bench flag, /bench-floor is the site’s 404', async ({ page }) => {
  const unknown = await page.goto('/no-such-address-here');
  expect(unknown?.status()).toBe(404);
  const notFoundTitle = await page.getByRole('heading', { level: 1 }).textContent();
  expect(notFoundTitle).toBeTruthy();

  const floor = await page.goto('/bench-floor');
  expect(floor?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(notFoundTitle!);
  await expect(page.locator('main#main')).not.toHaveText('Coopol');
});

test('without the bench flag, /api/bench-floor answers not_found', async ({ request }) => {
  const floor = await request.get('/api/bench-floor');
  expect(floor.status()).toBe(404);
  expect(((await floor.json()) as { error: { code: string } }).error.code).toBe('not_found');
});
