import type { Page } from '@playwright/test';
import { PERSONAS, apiClient, cli, createPageViaApi, createUser, expect, findSpace, personAt, signInAs, test, unique, uniqueEmail } from './fixtures';

/** The secretary of Strasbourg-Centre adds `email` to her section (as in secretary-adds-a-member). */
async function addToSection(secretary: Page, sectionId: string, email: string, name: string): Promise<void> {
  await secretary.goto(`/espaces/${sectionId}/membres`);
  const members = secretary.getByRole('region', { name: 'Membres' });
  const form = members.getByRole('form', { name: 'Ajouter un membre' });
  await form.getByLabel('Adresse e-mail du membre').fill(email);
  await form.getByLabel('Rôle').selectOption({ label: 'Membre' });
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await expect(members.getByRole('row').filter({ hasText: name })).toBeVisible();
}

test('revoking the current session on the account page signs the person out', async ({ page }) => {
  const email = uniqueEmail('sessions');
  await createUser(email, unique('Noé Sessions'));
  await signInAs(page, email, '/compte');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();

  const sessions = page.getByRole('region', { name: 'Sessions' });
  const current = sessions.getByRole('listitem').filter({ hasText: 'Cet appareil' });
  await expect(current).toHaveCount(1);
  await current.getByRole('button', { name: /^Révoquer la session ouverte le / }).click();
  const dialog = page.getByRole('dialog', { name: 'Révoquer cette session ?' });
  await expect(dialog).toContainText('vous serez déconnecté·e');
  await dialog.getByRole('button', { name: 'Révoquer' }).click();

  await expect(page).toHaveURL(/\/connexion\?reason=signed-out/);
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  await expect(page.getByText('Vous êtes déconnecté·e. À bientôt !')).toBeVisible();
  // The session is gone on the server too: the account page asks to sign in again.
  await page.goto('/compte');
  await expect(page).toHaveURL(/\/connexion/);
});

test('a member deletes her account: she is signed out, her pages stay, attributed to "ancien membre"', async ({ page, browser, apiAs }) => {
  const email = uniqueEmail('depart');
  const name = unique('Maëlle Départ');
  await createUser(email, name, 'member');

  // The secretary adds her to Strasbourg-Centre; she writes a page there.
  const secretaryApi = await apiAs(PERSONAS.secretary);
  const section = await findSpace(secretaryApi, 'section', 'Strasbourg-Centre');
  const secretary = await personAt(browser, PERSONAS.secretary, `/espaces/${section.id}`);
  await addToSection(secretary.page, section.id, email, name);
  const mine = await apiClient(await cli('token:create', '--email', email));
  const title = unique('Note de Maëlle');
  const created = await createPageViaApi(mine, { spaceId: section.id, title, visibility: 'members', status: 'published', markdown: 'Ce que je laisse à la section.' });
  const pagePath = new URL(created.url).pathname;
  await secretary.page.goto(pagePath);
  await expect(secretary.page.getByText(name, { exact: false }).first()).toBeVisible();

  // She deletes her account, typing the confirmation word.
  await signInAs(page, email, '/compte');
  await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer définitivement votre compte ?' });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Supprimer définitivement' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Pour confirmer, tapez SUPPRIMER').fill('SUPPRIMER');
  await expect(confirm).toBeEnabled();
  await confirm.click();

  await expect(page).toHaveURL(/\/compte\/au-revoir$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Votre compte a été supprimé' })).toBeVisible();
  await page.goto('/compte');
  await expect(page).toHaveURL(/\/connexion/);
  // Her API tokens went with the account.
  expect((await mine.get('/api/v1/me')).status).toBe(401);
  await mine.dispose();

  // The page is still there, written by "ancien membre"; her name appears nowhere.
  await secretary.page.reload();
  await expect(secretary.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // .first(): while the live editor takes over from the page's first HTML, both hold the text for a moment.
  await expect(secretary.page.getByText('Ce que je laisse à la section.').first()).toBeVisible();
  await expect(secretary.page.getByText(/^Par ancien membre · mis à jour le /)).toBeVisible();
  await expect(secretary.page.locator('body')).not.toContainText(name);
  // Nor in the section's members.
  await secretary.page.goto(`/espaces/${section.id}/membres`);
  await expect(secretary.page.getByRole('region', { name: 'Membres' })).not.toContainText(name);
  await secretary.context.close();
});
