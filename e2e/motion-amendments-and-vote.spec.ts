/**
 * The animator of a space opens a filed motion's amendments with a deadline, then its vote; she
 * and a member of the group from another section vote (the receipt code shows once), someone who
 * was not a member when it opened is told so, the vote closes by itself and the page shows the
 * result (adopted at one width, a tie that rejects at the other), which the receipt confirms — at
 * a desktop width and at 375 px; the motion page passes axe at each stage.
 *
 * The space is the group « Transition écologique », animated by Inès: the demo's Strasbourg-Centre
 * asks 10 signatures from 3 sections before amendments or a vote (its secretary's journey would
 * first need ten signatories).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { PERSONAS, expect, findSpace, signInAs, test, unique, type Api } from './fixtures';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`).join('\n');
  expect.soft(serious.map((v) => v.id), `${screen}:\n${report}`).toEqual([]);
}

/** A motion of the group, read by the party, filed by its first signatory (through the API). */
async function filedMotion(api: Api, title: string): Promise<string> {
  const section = await findSpace(api, 'group', 'Transition écologique');
  const res = await api.post('/api/v1/pages', { spaceId: section.id, kind: 'motion', title, visibility: 'members', status: 'draft', markdown: '## Dispositif\n\nLa section demande des cantines bio.' });
  expect(res.status, res.body).toBe(201);
  const { id } = res.json() as { id: string };
  const filed = await api.post(`/api/v1/pages/${id}/stage`, { stage: 'filed' });
  expect(filed.status, filed.body).toBe(200);
  return id;
}

/** A datetime-local value `ms` from now, in the page's time zone (what a person types). */
function localInput(page: Page, ms: number): Promise<string> {
  return page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);
}

async function vote(page: Page, choice: 'Pour' | 'Contre' | 'Abstention'): Promise<string> {
  await page.getByRole('group', { name: 'Votre vote' }).getByRole('radio', { name: choice }).check();
  await page.getByRole('button', { name: 'Voter', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Votre vote est définitif' });
  await expect(dialog).toContainText(`Vous votez « ${choice} »`);
  await dialog.getByRole('button', { name: 'Confirmer mon vote' }).click();
  await expect(page.getByRole('heading', { name: 'Votre vote est enregistré' })).toBeVisible();
  const code = (await page.getByTestId('receipt-code').textContent())!.trim();
  expect(code.length).toBeGreaterThanOrEqual(8);
  return code;
}

async function personAtWidth(browser: Browser, email: string, path: string, width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 812 : 900 } });
  const page = await context.newPage();
  await signInAs(page, email, path);
  return { page, close: () => context.close() };
}

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 812 : 900 } });

    test('the animator opens amendments, then a vote that closes by itself and shows its result', async ({ page, browser, signInAs, apiAs }) => {
      test.setTimeout(300_000);
      const tie = width < 500;
      const title = unique('Motion soumise au vote');
      const id = await filedMotion(await apiAs(PERSONAS.member), title);

      await signInAs(page, PERSONAS.member, `/pages/${id}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      const current = page.locator('.motion-step[aria-current="step"]');
      await expect(current).toContainText('Déposée');
      await expectNoSeriousViolations(page, 'filed motion');

      // Amendments: a deadline is required and must be in the future.
      await page.getByRole('button', { name: 'Ouvrir les amendements' }).click();
      let dialog = page.getByRole('dialog', { name: 'Ouvrir la période d’amendements' });
      await dialog.getByLabel('Date limite des amendements').fill((await localInput(page, -3_600_000)).slice(0, 16));
      await dialog.getByRole('button', { name: 'Ouvrir les amendements' }).click();
      await expect(dialog.getByRole('alert')).toContainText('Choisissez une date dans le futur.');
      const deadline = await localInput(page, 3 * 24 * 3_600_000);
      await dialog.getByLabel('Date limite des amendements').fill(deadline.slice(0, 16));
      await dialog.getByRole('button', { name: 'Ouvrir les amendements' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: 'Les amendements sont ouverts.' })).toBeVisible();
      await expect(current).toContainText('Amendements');
      await expect(page.locator('.motion-deadline')).toHaveText(/^Amendements jusqu’au \d{1,2} \S+ à \d{1,2} h( \d{2})?$/);

      // The vote, closing in a minute and a half, simple majority, no quorum.
      await page.getByRole('button', { name: 'Ouvrir le vote' }).click();
      dialog = page.getByRole('dialog', { name: 'Ouvrir le vote sur la motion' });
      await expect(dialog).toContainText('les membres de Transition écologique à cet instant');
      await dialog.getByLabel('Clôture du vote').fill(await localInput(page, 90_000));
      await dialog.getByRole('button', { name: 'Ouvrir le vote' }).click();
      await expect(dialog).toBeHidden();
      await expect(current).toContainText('Vote');
      await expect(page.getByTestId('vote-turnout')).toContainText('Personne n’a encore voté');
      await expect(page.getByText('Ce qu’il ne garantit pas')).toBeHidden(); // in its disclosure
      await page.getByText('Ce que le secret du vote garantit').click();
      await expect(page.getByText('pourrait, en principe, observer les requêtes')).toBeVisible();
      await expectNoSeriousViolations(page, 'motion in its vote');

      // She votes for; the receipt is shown once (gone after a reload: « Vous avez voté »).
      const receipt = await vote(page, 'Pour');
      await page.reload();
      await expect(page.getByText('Vous avez voté.')).toBeVisible();
      await expect(page.getByTestId('receipt-code')).toHaveCount(0);
      await expect(page.getByTestId('vote-turnout')).toContainText('1 membre a voté');

      // Julien, of Colmar and of the group, votes for at one width, against at the other.
      const julien = await personAtWidth(browser, PERSONAS.colmar, `/pages/${id}`, width);
      try {
        await expect(julien.page.getByTestId('vote-turnout')).toContainText('1 membre a voté');
        await vote(julien.page, tie ? 'Contre' : 'Pour');
      } finally {
        await julien.close();
      }
      // Nadia, of the federation, reads the motion but was not a member of the group when the vote opened.
      const nadia = await personAtWidth(browser, PERSONAS.federation, `/pages/${id}`, width);
      try {
        await expect(nadia.page.getByText('Vous ne faites pas partie des votants')).toBeVisible();
        await expect(nadia.page.getByRole('button', { name: 'Voter', exact: true })).toHaveCount(0);
        await expect(nadia.page.getByTestId('vote-turnout')).toContainText('2 membres ont voté');
      } finally {
        await nadia.close();
      }

      // No count before the closing; the job closes it (polling every second) and the page shows the result.
      await expect(page.getByText('Motion adoptée')).toHaveCount(0);
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId('vote-outcome')).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 150_000, intervals: [3_000] });
      if (tie) {
        await expect(page.getByTestId('vote-outcome')).toContainText('Motion rejetée — Égalité entre les pour et les contre : une égalité rejette.');
        await expect(page.getByRole('row', { name: /Pour/ })).toContainText('1 voix');
        await expect(page.getByRole('row', { name: /Contre/ })).toContainText('1 voix');
        await expect(current).toContainText('Rejetée');
      } else {
        await expect(page.getByTestId('vote-outcome')).toContainText('Motion adoptée — La majorité requise est atteinte.');
        await expect(page.getByRole('row', { name: /Pour/ })).toContainText('2 voix');
        await expect(page.getByRole('row', { name: /Contre/ })).toContainText('aucune voix');
        await expect(current).toContainText('Adoptée');
      }
      await expect(page.getByText(/Participation : 2 sur \d+/)).toBeVisible();

      // The timeline says the clock decided, after the vote.
      await page.getByText('Historique du parcours').click();
      const lastStep = page.locator('.motion-timeline-list > li').last();
      await expect(lastStep).toContainText(tie ? 'Rejetée' : 'Adoptée');
      await expect(lastStep).toContainText('automatiquement, à l’échéance');

      // The receipt proves the ballot is counted.
      await page.getByText('Vérifier mon bulletin').click();
      await page.getByLabel('Code de reçu').fill(receipt);
      await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
      await expect(page.getByText('Ce bulletin est bien compté : « Pour ».')).toBeVisible();
      await expectNoSeriousViolations(page, 'motion with its result');
    });
  });
}
