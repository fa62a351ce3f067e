/**
 * A member writes a motion from « Nouvelle motion », opens it to the party and files it; a member
 * of another section co-signs it in one click (and can undo), and the count, the section and her
 * name show — at a desktop width and at 375 px.
 */
import type { Browser, Page } from '@playwright/test';
import { PERSONAS, expect, findSpace, nameOf, signInAs, test, unique } from './fixtures';

async function personAtWidth(browser: Browser, email: string, path: string, width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 812 : 900 } });
  const page = await context.newPage();
  await signInAs(page, email, path);
  return { page, close: () => context.close() };
}

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 812 : 900 } });

    test('a member files a motion and a member of another section co-signs it', async ({ page, browser, signInAs, apiAs }) => {
      const api = await apiAs(PERSONAS.member);
      const section = await findSpace(api, 'section', 'Strasbourg-Centre');
      const title = unique('Pour des cantines bio');

      // « Nouvelle motion » beside « Nouvelle page »: what a motion goes through, then its title.
      await signInAs(page, PERSONAS.member, `/espaces/${section.id}`);
      await page.getByRole('link', { name: 'Nouvelle motion' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle motion dans Strasbourg-Centre' })).toBeVisible();
      await expect(page).toHaveTitle(/^Nouvelle motion/);
      await expect(page.getByText('Dépôt : le texte est figé et publié pour le parti')).toBeVisible();
      await page.getByLabel('Titre de la motion').fill(title);
      await page.getByRole('button', { name: 'Créer le brouillon' }).click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

      // A draft: the path starts at « Brouillon », and its first signatory may file it.
      const steps = page.getByRole('list').filter({ has: page.locator('.motion-step') });
      await expect(steps.locator('[aria-current="step"]')).toContainText('Brouillon');
      await expect(page.getByText('Exposé des motifs').first()).toBeVisible();

      // Read by the space only, the filing dialog says so; she opens it to the party first.
      await page.getByRole('button', { name: 'Déposer la motion' }).click();
      let dialog = page.getByRole('dialog', { name: `Déposer « ${title} » ?` });
      await expect(dialog).toContainText('Seuls les membres de Strasbourg-Centre pourront la lire et la signer');
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await page.getByRole('button', { name: /^Statut et visibilité/ }).click();
      await page.getByRole('button', { name: 'Membres du parti', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: 'les membres du parti' }).first()).toBeVisible();
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Déposer la motion' }).click();
      dialog = page.getByRole('dialog', { name: `Déposer « ${title} » ?` });
      await expect(dialog).toContainText('publié pour les membres du parti');
      await dialog.getByRole('button', { name: 'Déposer la motion' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Motion déposée : le texte est figé et publié pour le parti.' })).toBeVisible();
      await expect(steps.locator('[aria-current="step"]')).toContainText('Déposée');
      await expect(page.getByTestId('signature-count')).toHaveText('Aucune signature · aucune section');
      await expect(page.getByRole('button', { name: 'Déposer la motion' })).toHaveCount(0);
      const motionPath = new URL(page.url()).pathname;

      // Julien, of the Colmar section, signs it in one click, undoes it, signs again.
      const julien = await nameOf(await apiAs(PERSONAS.colmar));
      const other = await personAtWidth(browser, PERSONAS.colmar, motionPath, width);
      try {
        const p = other.page;
        await expect(p.getByRole('heading', { level: 1, name: title })).toBeVisible();
        await p.getByRole('button', { name: 'Signer la motion' }).click();
        await expect(p.getByTestId('signature-count')).toHaveText('1 signature · 1 section');
        await expect(p.getByText('Vous avez signé cette motion.')).toBeVisible();
        await p.getByRole('status').getByRole('button', { name: 'Annuler' }).click();
        await expect(p.getByTestId('signature-count')).toHaveText('Aucune signature · aucune section');
        await p.getByRole('button', { name: 'Signer la motion' }).click();
        await expect(p.getByTestId('signature-count')).toHaveText('1 signature · 1 section');
        await expect(p.getByRole('button', { name: 'Retirer ma signature' })).toBeVisible();
      } finally {
        await other.close();
      }

      // The first signatory sees the count, and, as a party member, who signed from which section.
      await page.reload();
      await expect(page.getByTestId('signature-count')).toHaveText('1 signature · 1 section');
      await page.getByText('Voir les signataires par section').click();
      const signatories = page.locator('.motion-signatory-groups');
      await expect(signatories).toContainText('Colmar');
      await expect(signatories).toContainText(julien);
      // The timeline says who filed it.
      await page.getByText('Historique du parcours').click();
      await expect(page.locator('.motion-timeline-list > li').last()).toContainText(`Déposée · par ${await nameOf(api)}`);
    });
  });
}
