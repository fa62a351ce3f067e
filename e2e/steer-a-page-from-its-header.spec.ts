/**
 * The page header: the title renamed in place, the status chip's menu (publish, back to draft,
 * visibility) and the ⋯ menu (history, export, archive, delete), each action saying to whom
 * before it acts and that it is done. Keyboard: the menus open with Enter, move with the
 * arrows, close with Escape.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PERSONAS, createPageViaApi, expect, findSpace, test, unique } from './fixtures';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  // The page itself (the shell around it has its own check in accessibility.spec.ts).
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect.soft(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
}

test('a member renames her page in place, publishes it for the public, returns it to draft, exports and archives it', async ({ page, browser, apiAs, signInAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Tract du marché'), visibility: 'public', status: 'draft', markdown: 'Rendez-vous samedi.' });
  const pagePath = new URL(created.url).pathname;
  await signInAs(page, PERSONAS.member, pagePath);

  // No separate form for the body any more.
  await expect(page.getByRole('link', { name: 'Modifier' })).toHaveCount(0);
  expect((await page.request.get(`${pagePath}/modifier`)).status()).toBe(404);

  // The title: click, type, Enter saves; Escape gives up a change.
  const renamed = unique('Tract du marché de samedi');
  await page.getByRole('heading', { level: 1, name: created.title }).click();
  const field = page.getByRole('textbox', { name: 'Titre de la page' });
  await expect(field).toBeFocused();
  await field.fill(renamed);
  await field.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Titre enregistré.' })).toBeVisible();
  await page.getByRole('button', { name: 'Renommer la page' }).click();
  await field.fill('Un titre abandonné');
  await field.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Renommer la page' })).toBeFocused();
  expect((await api.get(`/api/v1/pages/${created.id}`)).json()).toMatchObject({ title: renamed });

  // Publishing a public page says the citizens will read this version.
  const chip = page.getByRole('button', { name: /^Statut et visibilité/ });
  await expect(chip).toContainText('Brouillon');
  await expect(chip).toContainText('Public');
  await chip.click();
  await expectNoSeriousViolations(page, 'status menu');
  await page.getByRole('button', { name: 'Publier pour le public…' }).click();
  let dialog = page.getByRole('dialog', { name: `Publier « ${renamed} » ?` });
  await expect(dialog).toContainText('Publier pour le public : les citoyens liront cette version');
  await dialog.getByRole('button', { name: 'Publier pour le public' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Page publiée : les citoyens lisent désormais cette version.' })).toBeVisible();
  await expect(chip).toContainText('Publié');
  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(pagePath);
  await expect(reader.getByText('Rendez-vous samedi.')).toBeVisible();

  // Back to draft says who stops reading it.
  await chip.click();
  await page.getByRole('button', { name: 'Repasser en brouillon…' }).click();
  dialog = page.getByRole('dialog', { name: `Repasser « ${renamed} » en brouillon ?` });
  await expect(dialog).toContainText('Elle ne sera plus lue par le public');
  await dialog.getByRole('button', { name: 'Repasser en brouillon' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Page repassée en brouillon' })).toBeVisible();
  expect((await reader.goto(pagePath))?.status()).toBe(404);
  await anonymous.close();

  // A draft's readers are chosen without asking; the publish label follows.
  await chip.click();
  await page.getByRole('button', { name: 'Membres du parti', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'une fois publiée, la page sera lisible par les membres du parti' })).toBeVisible();
  await chip.click();
  await page.getByRole('button', { name: 'Publier pour les membres du parti…' }).click();
  dialog = page.getByRole('dialog', { name: `Publier « ${renamed} » ?` });
  await expect(dialog).toContainText('Tous les membres du parti pourront la lire');
  await dialog.getByRole('button', { name: 'Publier pour les membres du parti' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Page publiée pour les membres du parti.' })).toBeVisible();

  // The ⋯ menu with the keyboard: Enter opens it on its first item, arrows move, Escape closes.
  const more = page.getByRole('button', { name: 'Plus d’actions' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Historique' })).toBeFocused();
  await expectNoSeriousViolations(page, '⋯ menu');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Enregistrer une version…' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Supprimer…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'Historique' })).toHaveCount(0);
  await expect(more).toBeFocused();

  // Export as Markdown: the page's title and text, as a file.
  await more.click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter en Markdown' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Tract-du-marché-de-samedi-[0-9a-f]+\.md$/);
  const file = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(`# ${renamed}\n\nRendez-vous samedi.\n`);

  // Archiving says it stays readable, by whom, and that nobody edits it any more.
  await more.click();
  await page.getByRole('button', { name: 'Archiver…' }).click();
  dialog = page.getByRole('dialog', { name: `Archiver « ${renamed} » ?` });
  await expect(dialog).toContainText('Elle restera lisible par les membres du parti, mais plus personne ne pourra la modifier.');
  await dialog.getByRole('button', { name: 'Archiver' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Page archivée : elle reste lisible par les membres du parti' })).toBeVisible();
  await expect(chip).toContainText('Archivé');
  await expect(page.getByRole('button', { name: 'Renommer la page' })).toHaveCount(0);
});

test('a member of the section who did not create the page reads its header without steering it', async ({ page, apiAs, signInAs }) => {
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, { spaceId: section.id, title: unique('Ordre du jour'), visibility: 'space', status: 'published', markdown: 'Point 1.' });
  await signInAs(page, PERSONAS.member, new URL(created.url).pathname);
  await expect(page.getByRole('heading', { level: 1, name: created.title })).toBeVisible();
  // She may edit the text and the title, but publishing and visibility belong to its stewards.
  await expect(page.getByRole('button', { name: 'Renommer la page' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Statut et visibilité/ })).toHaveCount(0);
  await expect(page.getByText('Publié', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Plus d’actions' }).click();
  await expect(page.getByRole('link', { name: 'Historique' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Supprimer…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archiver…' })).toHaveCount(0);
});
