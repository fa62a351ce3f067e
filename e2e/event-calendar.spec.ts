/**
 * Events as live pages on the agenda: a secretary creates an event with two slots from « Nouvelle
 * page », lands on its page (when, where, slots), changes its place and a slot's seats from the
 * panel's dialog, finds it on the section's page and in its
 * agenda (month grid, arrow keys, list); a member of the section finds it in « Mes événements »;
 * at 375 px the agenda opens as a list that fits the screen, axe-clean.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PERSONAS, expect, personAt, test, unique } from './fixtures';

/** `YYYY-MM-DD` in Paris, `days` from today. */
function parisDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a secretary creates an event with slots; it is on the section’s page and agenda, and in a member’s « Mes événements »', async ({ page, signInAs, browser }) => {
  const title = unique('Porte-à-porte du quartier Gare');
  const day = parisDay(3);
  await signInAs(page, PERSONAS.secretary);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();
  await page.getByRole('link', { name: 'Nouvelle page' }).click();

  await page.getByRole('group', { name: 'Type de page' }).getByRole('radio', { name: /^Événement/ }).check();
  await page.getByLabel('Titre').fill(title);
  const when = page.getByRole('group', { name: 'Quand et où' });
  await when.getByLabel('Date', { exact: true }).fill(day);
  await when.getByLabel('Début', { exact: true }).fill('18:30');
  await when.getByLabel('Fin', { exact: true }).fill('21:00');
  await when.getByLabel('Lieu').fill('Parvis de la gare, 67000 Strasbourg');
  await when.getByLabel('Nombre de places').fill('20');
  await when.getByLabel('Qui voit l’événement').selectOption('space');
  // Two slots, added with the keyboard-reachable button; a third added then removed.
  for (const [i, [label, start, end, seats]] of [
    ['Première équipe', '18:30', '19:45', '6'],
    ['Deuxième équipe', '19:45', '21:00', '6'],
  ].entries()) {
    await when.getByRole('button', { name: 'Ajouter un créneau' }).click();
    await expect(when.getByLabel('Nom du créneau').nth(i)).toBeFocused();
    await when.getByLabel('Nom du créneau').nth(i).fill(label!);
    await when.getByLabel('Début du créneau').nth(i).fill(start!);
    await when.getByLabel('Fin du créneau').nth(i).fill(end!);
    await when.getByLabel('Places du créneau').nth(i).fill(seats!);
  }
  await when.getByRole('button', { name: 'Ajouter un créneau' }).click();
  await when.getByRole('button', { name: 'Retirer le créneau 3' }).click();
  await expect(when.getByLabel('Nom du créneau')).toHaveCount(2);
  await page.getByRole('button', { name: 'Créer l’événement' }).click();

  // The event's page: its panel above the live text, in Paris time, with its slots.
  await expect(page).toHaveURL(/\/pages\/[^/?]+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const panel = page.getByRole('region', { name: 'L’événement' });
  await expect(panel).toContainText('18 h 30 – 21 h');
  await expect(panel).toContainText('Parvis de la gare, 67000 Strasbourg');
  await expect(panel).toContainText('20 places restantes sur 20');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Première équipe' })).toContainText('18 h 30 – 19 h 45');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Deuxième équipe' })).toContainText('0 / 6 inscrit·es');
  await expect(panel.getByRole('link', { name: 'Ouvrir dans une carte' })).toHaveAttribute('href', /openstreetmap\.org\/search\?query=Parvis/);
  await expect(panel.getByRole('link', { name: 'Ajouter à mon agenda' })).toHaveAttribute('href', /\/api\/v1\/events\/[^/?]+\?format=ics$/);
  // The organiser moves it to another place and gives the second slot more seats, from the panel's dialog.
  await panel.getByRole('button', { name: 'Modifier la date, le lieu, les places' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifier l’événement' });
  await expect(dialog.getByLabel('Début', { exact: true })).toHaveValue('18:30');
  await dialog.getByLabel('Lieu').fill('Place de la Gare, 67000 Strasbourg');
  await dialog.getByLabel('Places du créneau').nth(1).fill('8');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel).toContainText('Place de la Gare, 67000 Strasbourg');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Deuxième équipe' })).toContainText('0 / 8 inscrit·es');
  await expect(panel.getByRole('button', { name: 'Modifier la date, le lieu, les places' })).toBeFocused();
  const eventUrl = new URL(page.url()).pathname;

  // The section's page lists it among the coming events, with the way to the agenda.
  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  const upcoming = page.getByRole('region', { name: 'Événements à venir' });
  await expect(upcoming.getByRole('link', { name: title })).toHaveAttribute('href', eventUrl);
  await upcoming.getByRole('link', { name: 'Voir l’agenda' }).click();

  // The agenda: the month grid on a wide screen; the event on its day; arrow keys move between days.
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda de Strasbourg-Centre' })).toBeVisible();
  if (day.slice(0, 7) !== parisDay(0).slice(0, 7)) await page.getByRole('link', { name: 'Mois suivant' }).click();
  const grid = page.getByRole('grid');
  const cell = grid.locator(`td[data-date="${day}"]`);
  await expect(cell.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  await cell.focus();
  await page.keyboard.press('ArrowLeft');
  const before = parisDay(2);
  if (before.slice(0, 7) === day.slice(0, 7)) await expect(grid.locator(`td[data-date="${before}"]`)).toBeFocused();
  else await expect(page).toHaveURL(/mois=/);
  if (before.slice(0, 7) === day.slice(0, 7)) {
    await page.keyboard.press('ArrowRight');
    await expect(cell).toBeFocused();
    // Enter opens the day's first event (the demo may have one that day, earlier than ours).
    const first = await cell.getByRole('link').first().getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${first}$`));
    await page.goBack();
  }
  await page.getByRole('link', { name: 'Liste', exact: true }).click();
  await expect(page).toHaveURL(/vue=liste/);
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Liste' }).getByRole('link', { name: title })).toBeVisible();
  await expectAxeClean(page);

  // A member of the section finds it in « Mes événements » (from the navigation).
  const member = await personAt(browser, PERSONAS.member, '/');
  await member.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes événements' }).click();
  await expect(member.page.getByRole('heading', { level: 1, name: 'Mes événements' })).toBeVisible();
  const coming = member.page.getByRole('region', { name: 'À venir' });
  await expect(coming.getByRole('link', { name: title })).toHaveAttribute('href', eventUrl);
  await expect(coming.getByRole('listitem').filter({ hasText: title })).toContainText('Strasbourg-Centre');
  await expect(member.page.getByRole('region', { name: 'Passés' }).getByRole('link', { name: 'Assemblée générale de rentrée' })).toBeVisible();
  await expectAxeClean(member.page);

  // At 375 px: the agenda opens as a list that fits the screen; the calendar link is personal.
  await member.page.setViewportSize({ width: 375, height: 800 });
  await member.page.goto(`/espaces/${(await upcomingSpaceId(page))}/agenda?mois=${day.slice(0, 7)}`);
  await expect(member.page.getByRole('grid')).toBeHidden();
  await expect(member.page.getByRole('region', { name: 'Liste' }).getByRole('link', { name: title })).toBeVisible();
  expect(await member.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await member.page.getByRole('button', { name: 'Obtenir mon lien d’abonnement' }).click();
  await expect(member.page.getByLabel('Lien d’abonnement (webcal)')).toHaveValue(/^webcal:\/\/.+\/calendar\.ics\?token=cal_/);
  await expectAxeClean(member.page);
  await member.context.close();
});

/** The section's id, from the agenda page the secretary is on. */
async function upcomingSpaceId(page: Page): Promise<string> {
  const m = /\/espaces\/([^/]+)\/agenda/.exec(page.url());
  if (!m) throw new Error(`not on an agenda: ${page.url()}`);
  return m[1]!;
}
