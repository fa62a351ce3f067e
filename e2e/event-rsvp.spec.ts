/**
 * A secretary invites her section and an outside guest (an address nobody's account uses) to an
 * event; the guest answers through the link of the mail caught by the real SMTP server, with no
 * account, on a phone; a member answers on the event page; the organiser sees both answers on the
 * participants screen and checks the guest in at the door at 375 px. Axe on each screen.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, findSpace, inbox, linksIn, PERSONAS, personAt, signInAs, test, unique, uniqueEmail } from './fixtures';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`).join('\n');
  expect.soft(serious.map((v) => v.id), `${screen}:\n${report}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

test('a secretary invites the section and an outside guest; the guest answers from the mail; the organiser sees it and checks in at 375 px', async ({ browser, apiAs }) => {
  test.setTimeout(180_000);
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const title = unique('Réunion de quartier');
  const starts = new Date(Date.now() + 3 * 86_400_000);
  const created = await api.post(`/api/v1/spaces/${section.id}/events`, {
    title,
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
    place: 'Local de la section, 12 rue des Orphelins',
    visibility: 'space',
  });
  expect(created.status, created.body).toBe(201);
  const eventId = (created.json() as { id: string }).id;
  const guest = uniqueEmail('invitee');

  // The secretary invites from the participants screen.
  const desk = await personAt(browser, PERSONAS.secretary, `/pages/${eventId}/participants?mode=inviter`);
  const s = desk.page;
  await expect(s.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
  await s.getByRole('radio', { name: 'Les membres de Strasbourg-Centre' }).check();
  await s.getByRole('button', { name: 'Inviter…' }).click();
  await expect(s.getByRole('dialog', { name: 'Envoyer les invitations ?' })).toContainText('Les membres de Strasbourg-Centre recevront une invitation');
  await s.getByRole('button', { name: 'Envoyer' }).click();
  await expect(s.getByRole('status').filter({ hasText: /invitations? envoyées?/ })).toBeVisible();

  await s.getByRole('radio', { name: 'Des adresses e-mail' }).check();
  await s.getByRole('textbox', { name: 'Adresses' }).fill(`${guest.toUpperCase()},\n${guest}`);
  await expect(s.getByText('1 adresse', { exact: true })).toBeVisible();
  await expectNoSeriousViolations(s, 'invite');
  await s.getByRole('button', { name: 'Inviter…' }).click();
  await expect(s.getByRole('dialog')).toContainText('1 personne recevra une invitation par e-mail.');
  await s.getByRole('button', { name: 'Envoyer' }).click();
  await expect(s.getByRole('status').filter({ hasText: '1 invitation envoyée.' })).toBeVisible();

  // The guest, on a phone, with no account: the mail's « oui » link.
  const mail = await inbox.waitFor(guest, { subject: `Invitation : ${title}`, timeoutMs: 45_000 });
  expect(mail.text).toContain('vous invite à');
  const yes = linksIn(mail).find((l) => l.includes('/rsvp/') && l.endsWith('r=yes'))!;
  expect(yes).toBeTruthy();
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const g = await phone.newPage();
  await g.goto(yes);
  await expect(g.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(g.getByText('Réponse choisie : Je participe')).toBeVisible();
  await expectNoSeriousViolations(g, 'rsvp link');
  await expectNoSidewaysScroll(g);
  // Opening the link recorded nothing (a mail scanner would have opened it too).
  let list = await api.get(`/api/v1/events/${eventId}/rsvps?response=yes`);
  expect((list.json() as { data: unknown[] }).data).toHaveLength(0);
  await g.getByRole('button', { name: 'Confirmer : Je participe' }).click();
  await expect(g.getByRole('status')).toContainText('Votre réponse est enregistrée : Je participe.');
  await expect(g.getByText('Local de la section, 12 rue des Orphelins')).toBeVisible();
  // Changing one's mind is offered at once.
  await expect(g.getByRole('radio', { name: 'Peut-être' })).toBeVisible();

  // A member answers on the event page.
  const member = await personAt(browser, PERSONAS.member, `/pages/${eventId}`);
  const box = member.page.getByRole('region', { name: 'Participation' });
  await box.getByRole('button', { name: 'Peut-être' }).click();
  await expect(box.getByText('Votre réponse : Peut-être')).toBeVisible();
  await expect(box.getByRole('button', { name: 'Peut-être' })).toHaveAttribute('aria-pressed', 'true');

  // The organiser sees the answers arrive (the list reads itself again).
  await s.getByRole('link', { name: 'Réponses' }).click();
  await expect(s.getByRole('radio', { name: 'Inscrits (1)' })).toBeVisible({ timeout: 20_000 });
  await s.getByRole('radio', { name: 'Inscrits (1)' }).check();
  const rows = s.getByRole('list', { name: 'Réponses' }).getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(guest);
  await expect(rows.first()).toContainText('Oui');
  await s.getByRole('radio', { name: /^Peut-être \(1\)$/ }).check();
  await expect(rows.first()).toContainText('Inès');
  await expectNoSeriousViolations(s, 'answers');
  list = await api.get(`/api/v1/events/${eventId}/rsvps?response=yes`);
  expect((list.json() as { data: { email: string }[] }).data.map((r) => r.email)).toEqual([guest]);

  // At the door, on a phone.
  const door = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const d = await door.newPage();
  await signInAs(d, PERSONAS.secretary, `/pages/${eventId}/participants?mode=pointage`);
  await expect(d.getByText('0 présent sur 1 inscrit')).toBeVisible();
  await d.getByRole('searchbox', { name: 'Chercher un nom' }).fill(guest.slice(0, 10));
  const escaped = guest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const person = d.getByRole('button', { name: new RegExp(escaped) });
  await expect(person).toHaveAttribute('aria-pressed', 'false');
  const height = (await person.boundingBox())!.height;
  expect(height).toBeGreaterThanOrEqual(44);
  await person.click();
  await expect(person).toHaveAttribute('aria-pressed', 'true');
  await expect(d.getByText('1 présent sur 1 inscrit')).toBeVisible();
  await expectNoSeriousViolations(d, 'check-in');
  await expectNoSidewaysScroll(d);
  await d.reload();
  await expect(d.getByText('1 présent sur 1 inscrit')).toBeVisible();
  // Undo.
  await d.getByRole('button', { name: new RegExp(escaped) }).click();
  await expect(d.getByText('0 présent sur 1 inscrit')).toBeVisible();

  await Promise.all([desk.context.close(), member.context.close(), phone.close(), door.close()]);
});

test('a visitor without an account signs up for a full public event by e-mail; a citizen waits, and gets the seat when the visitor cancels', async ({ browser, apiAs }) => {
  test.setTimeout(180_000);
  const api = await apiAs(PERSONAS.secretary);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const title = unique('Projection-débat');
  const starts = new Date(Date.now() + 4 * 86_400_000);
  const created = await api.post(`/api/v1/spaces/${section.id}/events`, {
    title,
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
    place: 'Cinéma Star, rue du Jeu-des-Enfants',
    capacity: 1,
    visibility: 'public',
  });
  expect(created.status, created.body).toBe(201);
  const eventId = (created.json() as { id: string }).id;
  const visitorEmail = uniqueEmail('visiteur');

  // The visitor, on a phone, signs up on the public page.
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const v = await phone.newPage();
  await v.goto(`/pages/${eventId}`);
  const box = v.getByRole('region', { name: 'Participation' });
  await expect(box.getByText('1 place restante')).toBeVisible();
  await box.getByRole('textbox', { name: 'Votre nom' }).fill('Valentin Visiteur');
  await box.getByRole('textbox', { name: 'Votre adresse e-mail' }).fill(visitorEmail);
  await expectNoSeriousViolations(v, 'public sign-up');
  await expectNoSidewaysScroll(v);
  await box.getByRole('button', { name: 'Envoyer' }).click();
  await expect(box.getByRole('status')).toContainText(`Ouvrez le lien que nous venons d’envoyer à ${visitorEmail}`);
  // Nothing counts before the link is opened.
  await v.reload();
  await expect(v.getByRole('region', { name: 'Participation' }).getByText('1 place restante')).toBeVisible();

  const mail = await inbox.waitFor(visitorEmail, { subject: `Confirmez votre réponse : ${title}`, timeoutMs: 30_000 });
  const confirm = linksIn(mail).find((l) => l.includes('/rsvp/'))!;
  await v.goto(confirm);
  await expect(v.getByText('Confirmez votre réponse')).toBeVisible();
  await v.getByRole('button', { name: 'Confirmer : Je participe' }).click();
  await expect(v.getByRole('status')).toContainText('Votre réponse est enregistrée : Je participe.');

  // A citizen answers on the page: the event is full, she waits.
  const citizen = await personAt(browser, PERSONAS.citizen, `/pages/${eventId}`);
  const cbox = citizen.page.getByRole('region', { name: 'Participation' });
  await expect(cbox.getByText(/^Complet/)).toBeVisible();
  await cbox.getByRole('button', { name: 'Je participe' }).click();
  await expect(cbox.getByText('Vous êtes sur liste d’attente (1er).', { exact: false })).toBeVisible();
  await expectNoSeriousViolations(citizen.page, 'waiting list');

  // The visitor cannot come after all: the citizen gets the seat, and a mail says so.
  const since = Date.now();
  await v.getByRole('radio', { name: 'Je ne viens pas' }).check();
  await v.getByRole('button', { name: 'Enregistrer ma réponse' }).click();
  await expect(v.getByRole('status')).toContainText('Votre réponse est enregistrée : Je ne viens pas.');
  await inbox.waitFor(PERSONAS.citizen, { subject: `Une place s’est libérée : ${title}`, since, timeoutMs: 30_000 });
  await citizen.page.reload();
  await expect(citizen.page.getByRole('region', { name: 'Participation' }).getByText('Votre réponse : Je participe')).toBeVisible();
  await expect(citizen.page.getByText(/liste d’attente \(/)).toHaveCount(0);

  await Promise.all([phone.close(), citizen.context.close()]);
});
