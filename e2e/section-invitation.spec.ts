/**
 * A section's secretary invites people by e-mail: the invitee opens the link from the real SMTP
 * inbox, accepts, and lands in the section as a member (an account is created for the address);
 * the secretary sees them in the list « membre depuis », the invitation gone from the pending
 * ones; another invitation is revoked and its link then says so. At 375 px too.
 */
import AxeBuilder from '@axe-core/playwright';
import { PERSONAS, createUser, expect, findSpace, linksIn, signInAs, test, unique, uniqueEmail } from './fixtures';

const SUBJECT = 'Invitation à adhérer à la section « Strasbourg-Centre »';

async function axeClean(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

test('a secretary invites a new address with a word; the invitee accepts from the mail and is a member; another invitation is revoked', async ({ page, browser, apiAs, inbox }) => {
  const section = await findSpace(await apiAs(PERSONAS.secretary), 'section', 'Strasbourg-Centre');
  const email = uniqueEmail('adhesion');
  const other = uniqueEmail('revoquee');
  const word = 'Bienvenue ! On se retrouve jeudi à 19 h au local.';

  await signInAs(page, PERSONAS.secretary, `/espaces/${section.id}/membres`);
  const form = page.getByRole('form', { name: 'Inviter par e-mail' });
  await form.getByLabel('Adresses e-mail').fill(`Léa <${email}>,\n${other}`);
  await form.getByLabel('Message (facultatif)').fill(word);
  const since = Date.now();
  await form.getByRole('button', { name: 'Envoyer les invitations' }).click();
  await expect(form.getByText(/^C’est fait\./)).toBeVisible();
  await expect(form.getByLabel('Adresses e-mail')).toHaveValue('');
  const pending = page.getByRole('region', { name: /Invitations en attente/ });
  await expect(pending.getByRole('row').filter({ hasText: email })).toContainText('En attente');
  await expect(pending.getByRole('row').filter({ hasText: email })).toContainText(word);
  await expect(pending.getByRole('button', { name: `Renvoyer l’invitation à ${email}` })).toBeDisabled(); // just sent
  await axeClean(page);

  // The invitee opens the mail's link in a browser of their own: no account yet.
  const mail = await inbox.waitFor(email, { subject: SUBJECT, since });
  expect(mail.text).toContain('Camille Roux vous invite à rejoindre la section « Strasbourg-Centre »');
  expect(mail.text).toContain(word);
  expect(mail.html).toContain(word);
  const link = linksIn(mail).find((u) => u.includes('/adhesion/'))!;
  expect(mail.html).toContain(link);
  const context = await browser.newContext();
  const guest = await context.newPage();
  await guest.goto(link);
  await expect(guest.getByRole('heading', { level: 1, name: 'Rejoindre la section « Strasbourg-Centre »' })).toBeVisible();
  await expect(guest.getByText(word)).toBeVisible();
  await expect(guest.getByText('Aucun compte Coopol n’utilise encore cette adresse')).toBeVisible();
  await axeClean(guest);
  await guest.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(guest).toHaveURL(new RegExp(`/espaces/${section.id}$`));
  await expect(guest.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' })).toBeVisible();
  const me = await guest.request.get('/api/v1/me');
  expect((await me.json()) as { email: string; siteRole: string }).toMatchObject({ email, siteRole: 'member' });
  // The link is spent.
  await guest.goto(link);
  await expect(guest.getByRole('heading', { level: 1, name: 'Invitation déjà acceptée' })).toBeVisible();
  await guest.getByRole('link', { name: 'Ouvrir la section' }).click();
  await expect(guest).toHaveURL(new RegExp(`/espaces/${section.id}$`));

  // The secretary finds them among the members, and no longer among the pending invitations.
  await page.goto(`/espaces/${section.id}/membres?mq=${encodeURIComponent(email)}`);
  const row = page.getByRole('region', { name: 'Membres' }).getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Membre de Strasbourg-Centre');
  await expect(row).toContainText(/Membre depuis le \d/);
  await expect(pending.getByRole('row').filter({ hasText: email })).toHaveCount(0);

  // The other invitation is revoked, after confirmation; its link then says so.
  await pending.getByRole('button', { name: `Révoquer l’invitation de ${other}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Révoquer cette invitation ?' });
  await expect(dialog).toContainText(other);
  await dialog.getByRole('button', { name: 'Révoquer l’invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation révoquée.' })).toBeVisible();
  await expect(pending.getByRole('row').filter({ hasText: other })).toHaveCount(0);
  const otherMail = await inbox.waitFor(other, { subject: SUBJECT, since });
  await guest.goto(linksIn(otherMail).find((u) => u.includes('/adhesion/'))!);
  await expect(guest.getByRole('heading', { level: 1, name: 'Invitation révoquée' })).toBeVisible();
  await expect(guest.getByRole('button', { name: 'Accepter l’invitation' })).toHaveCount(0);
  await context.close();

  // At 375 px: the form, the pending list and the members fit the width.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/espaces/${section.id}/membres`);
  await expect(page.getByRole('form', { name: 'Inviter par e-mail' })).toBeVisible();
  await expect(pending.getByRole('button', { name: /^Renvoyer l’invitation à / }).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('a plain member of the section sees the members and what they wrote, but no address and no invitation, in the HTML nor in the RSC payload', async ({ page, apiAs }) => {
  const section = await findSpace(await apiAs(PERSONAS.member), 'section', 'Strasbourg-Centre');
  const url = `/espaces/${section.id}/membres`;
  await signInAs(page, PERSONAS.member, url);
  await expect(page.getByRole('region', { name: 'Membres' }).getByRole('row').filter({ hasText: 'Camille Roux' })).toContainText(/Membre depuis le \d/);
  await expect(page.getByRole('columnheader', { name: 'A écrit récemment' })).toBeAttached();
  await expect(page.getByRole('list', { name: /^A écrit récemment : / }).first().getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('form', { name: 'Inviter par e-mail' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /Invitations en attente/ })).toHaveCount(0);
  const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi;
  const others = (body: string) => [...new Set(body.match(ADDRESS) ?? [])].filter((a) => a.toLowerCase() !== PERSONAS.member);
  for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
    const res = await page.request.get(url, { headers });
    expect(res.status()).toBe(200);
    const body = await res.text();
    expect(others(body)).toEqual([]);
    expect(body).not.toContain('hugo.bernard'); // a demo invitation's address
  }
});

test('an invitation opened with another account offers to sign out, then to sign in; the invited account accepts it', async ({ browser, apiAs, inbox }) => {
  const secretary = await apiAs(PERSONAS.secretary);
  const section = await findSpace(secretary, 'section', 'Strasbourg-Centre');
  const email = uniqueEmail('compte');
  const name = unique('Rosa Citoyenne');
  await createUser(email, name);
  const invited = await browser.newContext();
  const theirs = await invited.newPage();
  await signInAs(theirs, email); // an account in use: the link alone does not sign it in

  const since = Date.now();
  const sent = await secretary.post(`/api/v1/spaces/${section.id}/members`, { email, message: 'À bientôt' });
  expect([sent.status, sent.json()]).toEqual([202, { invited: 1 }]);
  const link = linksIn(await inbox.waitFor(email, { subject: SUBJECT, since })).find((u) => u.includes('/adhesion/'))!;

  // Someone else's browser, signed in as another person: told so, offered to sign out.
  const other = await browser.newContext();
  const paul = await other.newPage();
  await signInAs(paul, PERSONAS.citizen);
  await paul.goto(link);
  await expect(paul.getByText(`Vous êtes connecté·e avec l’adresse ${PERSONAS.citizen}, mais cette invitation a été envoyée à ${email}.`)).toBeVisible();
  await expect(paul.getByRole('button', { name: 'Accepter l’invitation' })).toHaveCount(0);
  await paul.getByRole('button', { name: 'Se déconnecter' }).click();
  // Back on the invitation, signed out: the address has an account, so one signs in with it first.
  await expect(paul.getByText('Un compte Coopol utilise déjà cette adresse')).toBeVisible();
  await expect(paul.getByRole('button', { name: 'Recevoir un lien de connexion' })).toBeVisible();
  await other.close();

  // The invited account accepts.
  await theirs.goto(link);
  await expect(theirs.getByText('À bientôt', { exact: true })).toBeVisible();
  await theirs.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(theirs).toHaveURL(new RegExp(`/espaces/${section.id}$`));
  const me = await theirs.request.get('/api/v1/me');
  expect((await me.json()) as { siteRole: string }).toMatchObject({ siteRole: 'member' });
  await invited.close();
});
