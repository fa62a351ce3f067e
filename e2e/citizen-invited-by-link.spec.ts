import { PERSONAS, createPageViaApi, expect, findSpace, signInAs, signInLinkIn, test, unique, uniqueEmail } from './fixtures';

test('a member invites a citizen by link; the citizen creates an account, reads public pages only', async ({ page, browser, apiAs, inbox }) => {
  // Two published pages of Strasbourg-Centre: one public, one for party members only.
  const member = await apiAs(PERSONAS.member);
  const section = await findSpace(member, 'section', 'Strasbourg-Centre');
  const publicTitle = unique('Tribune publique');
  const membersTitle = unique('Note interne aux adhérents');
  const publicPage = await createPageViaApi(member, { spaceId: section.id, title: publicTitle, visibility: 'public', status: 'published', markdown: 'Ouvert à toutes et tous.' });
  const membersPage = await createPageViaApi(member, { spaceId: section.id, title: membersTitle, visibility: 'members', status: 'published', markdown: 'Réservé.' });

  // The member creates an invitation link.
  await signInAs(page, PERSONAS.member);
  await page.goto('/invitations');
  await page.getByLabel('Nombre d’utilisations').fill('1');
  await page.getByLabel('Validité (jours)').fill('7');
  await page.getByRole('button', { name: 'Créer le lien' }).click();
  const linkField = page.getByLabel('Lien d’invitation', { exact: true });
  await expect(linkField).toHaveValue(/\/invitation\/\S+/);
  const invitationUrl = await linkField.inputValue();

  // A new person opens it in their own browser and creates an account.
  const context = await browser.newContext();
  const guest = await context.newPage();
  const email = uniqueEmail('citoyenne');
  const since = Date.now();
  await guest.goto(invitationUrl);
  await guest.getByLabel('Adresse e-mail').fill(email);
  await guest.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(guest.getByRole('heading', { name: 'Vérifiez votre boîte mail' })).toBeVisible();
  const mail = await inbox.waitFor(email, { subject: 'Votre lien de connexion à Coopol', since });
  await guest.goto(signInLinkIn(mail));
  await expect(guest).not.toHaveURL(/\/connexion|\/api\/auth\//);
  await expect(guest.getByRole('link', { name: 'Se connecter' })).toHaveCount(0);
  const me = await guest.request.get('/api/v1/me');
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { email: string; siteRole: string })).toMatchObject({ email, siteRole: 'citizen' });

  // A public page is readable; a members-only page is a 404 that does not name it.
  const ok = await guest.goto(new URL(publicPage.url).pathname);
  expect(ok?.status()).toBe(200);
  await expect(guest.getByRole('heading', { level: 1, name: publicTitle })).toBeVisible();

  const hidden = await guest.goto(new URL(membersPage.url).pathname);
  expect(hidden?.status()).toBe(404);
  await expect(guest.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  expect(await hidden!.text()).not.toContain(membersTitle);
  await expect(guest.locator('body')).not.toContainText(membersTitle);
  await context.close();
});
