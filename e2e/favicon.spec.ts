/**
 * The tab shows Coopol's mark: the pages link an SVG icon, and browsers that ask for
 * /favicon.ico on their own get one instead of a 404.
 */
import { expect, test } from './fixtures';

test('the favicon exists: /favicon.ico answers an icon and pages link the SVG mark', async ({ page, request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // ICO header

  await page.goto('/connexion');
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
  expect(href).toMatch(/^\/icon\.svg/);
  const svg = await request.get(href!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  expect(await svg.text()).toContain('#b3261e');
});
