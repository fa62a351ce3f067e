/**
 * A citizen asks to join the party in Strasbourg-Centre with a message (at 375 px, on a phone);
 * the section's secretary sees the request with the name and message and accepts it; the citizen
 * is told by mail and on the home page, and now reads a members-only page of the section. Axe on
 * the request dialog and on the secretary's requests screen. Then a member asks to transfer; the
 * federation's secretary above the section declines with a message, which reaches the member by
 * mail and on the home page, without the decider's name.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiClient, createPageViaApi, createUser, expect, findSpace, inbox, PERSONAS, personAt, signInAs, test, unique, uniqueEmail } from './fixtures';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`).join('\n');
  expect.soft(serious.map((v) => v.id), `${screen}:\n${report}`).toEqual([]);
}

/** Nothing on the screen is wider than the screen. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

test('a citizen asks to join a section with a message; the secretary accepts; the citizen is a member', async ({ browser, apiAs }) => {
  const secretaryApi = await apiAs(PERSONAS.secretary);
  const section = await findSpace(secretaryApi, 'section', 'Strasbourg-Centre');
  const internal = await createPageViaApi(secretaryApi, { spaceId: section.id, title: unique('Ordre du jour interne'), visibility: 'space', status: 'published', markdown: 'Réservé à la section.' });

  const name = unique('Léa Nouvelle');
  const email = uniqueEmail('adhesion');
  await createUser(email, name, 'citizen');

  // The citizen, on a phone.
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const citizen = await phone.newPage();
  await signInAs(citizen, email, `/espaces/${section.id}`);
  // Before: the members-only page is a 404 to her.
  const before = await citizen.request.get(`/pages/${internal.id}`);
  expect(before.status()).toBe(404);

  await citizen.getByRole('button', { name: 'Adhérer dans cette section' }).click();
  const dialog = citizen.getByRole('dialog', { name: 'Adhérer dans la section « Strasbourg-Centre »' });
  await expect(dialog).toBeVisible();
  const message = dialog.getByRole('textbox', { name: 'Votre message (facultatif)' });
  await expect(message).toBeFocused();
  await message.fill('Bonjour, je milite au collectif vélo du quartier depuis deux ans.');
  await expectNoSidewaysScroll(citizen);
  await expectNoSeriousViolations(citizen, 'request dialog at 375 px');
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(dialog).toBeHidden();
  await expect(citizen.getByText('Demande envoyée', { exact: true })).toBeFocused();
  await expect(citizen.getByRole('button', { name: 'Annuler la demande' })).toBeVisible();
  await expectNoSidewaysScroll(citizen);

  // « Mes demandes » on her home page.
  await citizen.goto('/');
  const mine = citizen.getByRole('region', { name: 'Mes demandes' });
  await expect(mine.getByRole('listitem').filter({ hasText: 'Adhésion dans la section « Strasbourg-Centre »' })).toContainText('En attente');

  // The secretary: the count on the section's page, then the requests screen.
  const { context: deskContext, page: desk } = await personAt(browser, PERSONAS.secretary, `/espaces/${section.id}`);
  await desk.getByRole('link', { name: /demandes? en attente/ }).click();
  await expect(desk).toHaveURL(new RegExp(`/espaces/${section.id}/demandes$`));
  const row = desk.getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText('Bonjour, je milite au collectif vélo du quartier depuis deux ans.');
  await expect(row).toContainText('Adhésion');
  await expect(row).toContainText(email);
  await expectNoSeriousViolations(desk, 'requests screen');
  await row.getByRole('button', { name: `Accepter la demande de ${name}` }).click();
  const confirm = desk.getByRole('dialog', { name: `Accepter la demande de ${name} ?` });
  await expect(confirm).toContainText('devient membre du parti dans la section « Strasbourg-Centre »');
  await confirm.getByRole('button', { name: 'Accepter', exact: true }).click();
  await expect(desk.getByRole('status').filter({ hasText: `Demande de ${name} acceptée.` })).toBeVisible();
  await expect(desk.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
  await deskContext.close();

  // Told by mail, and in the app.
  const mail = await inbox.waitFor(email, { subject: 'Votre adhésion dans la section « Strasbourg-Centre » est acceptée' });
  expect(mail.text).toContain('vous êtes désormais membre du parti');
  await citizen.reload();
  await expect(citizen.getByRole('region', { name: 'Mes demandes' }).getByRole('listitem').filter({ hasText: 'Strasbourg-Centre' })).toContainText('Acceptée');

  // A member now: the section's members-only page opens.
  await citizen.goto(`/pages/${internal.id}`);
  await expect(citizen.getByRole('heading', { level: 1, name: internal.title })).toBeVisible();
  await expectNoSidewaysScroll(citizen);
  await phone.close();
});

test('a member asks to transfer to Haguenau; the federation’s secretary declines with a message, which the member reads', async ({ browser, apiAs, apiToken }) => {
  // A fresh member of Strasbourg-Centre (a citizen whose request the secretary accepted).
  const name = unique('Marc Mobile');
  const email = uniqueEmail('transfert');
  await createUser(email, name, 'citizen');
  const mine = await apiClient(await apiToken(email));
  const secretaryApi = await apiAs(PERSONAS.secretary);
  const strasbourg = await findSpace(secretaryApi, 'section', 'Strasbourg-Centre');
  const haguenau = await findSpace(secretaryApi, 'section', 'Haguenau');
  const joined = await mine.post(`/api/v1/spaces/${strasbourg.id}/join-requests`, { message: 'Bonjour' });
  expect(joined.status, joined.body).toBe(201);
  const accepted = await secretaryApi.post(`/api/v1/join-requests/${(joined.json() as { id: string }).id}/accept`, {});
  expect(accepted.status, accepted.body).toBe(200);
  await mine.dispose();

  const { context, page: member } = await personAt(browser, email, `/espaces/${haguenau.id}`);
  await member.getByRole('button', { name: 'Demander un transfert ici' }).click();
  const dialog = member.getByRole('dialog', { name: 'Demander un transfert vers « Haguenau »' });
  await expect(dialog).toContainText('vos pages restent où elles sont');
  await dialog.getByRole('textbox', { name: 'Votre message (facultatif)' }).fill('Je déménage à Haguenau en janvier.');
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(member.getByText('Demande envoyée', { exact: true })).toBeVisible();

  // The secretary of the Bas-Rhin federation, above Haguenau, decides too: from her home's « À traiter ».
  const { context: fedContext, page: fed } = await personAt(browser, PERSONAS.federation, '/');
  await fed.getByRole('region', { name: 'À traiter' }).getByRole('link', { name: 'Haguenau', exact: true }).click();
  await expect(fed).toHaveURL(new RegExp(`/espaces/${haguenau.id}/demandes$`));
  const row = fed.getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText('Transfert depuis « Strasbourg-Centre »');
  await row.getByRole('button', { name: `Refuser la demande de ${name}` }).click();
  const confirm = fed.getByRole('dialog', { name: `Refuser la demande de ${name} ?` });
  await confirm.getByRole('textbox', { name: `Message à ${name} (facultatif)` }).fill('Attendez votre déménagement, puis redemandez : à bientôt !');
  await confirm.getByRole('button', { name: 'Refuser la demande' }).click();
  await expect(fed.getByRole('status').filter({ hasText: `Demande de ${name} refusée.` })).toBeVisible();
  await fedContext.close();

  const mail = await inbox.waitFor(email, { subject: 'Votre demande de transfert vers la section « Haguenau »' });
  expect(mail.text).toContain('> Attendez votre déménagement, puis redemandez : à bientôt !');
  expect(mail.text).not.toContain('Nadia');
  await member.goto('/');
  const item = member.getByRole('region', { name: 'Mes demandes' }).getByRole('listitem').filter({ hasText: 'Transfert vers la section « Haguenau »' });
  await expect(item).toContainText('Refusée');
  await expect(item).toContainText('Attendez votre déménagement, puis redemandez : à bientôt !');
  await context.close();
});
