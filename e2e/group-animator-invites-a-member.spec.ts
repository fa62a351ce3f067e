import AxeBuilder from '@axe-core/playwright';
import { PERSONAS, expect, inbox, linksIn, personAt, signInAs, test, unique, uniqueEmail } from './fixtures';

const SAME_ANSWER = 'Si cette adresse correspond à une personne qui peut rejoindre le groupe, elle a reçu une invitation.';

test('a group animator invites a member of another section, who accepts from /groupes; the animator learns nothing of other addresses', async ({ page, browser }) => {
  const name = unique('Groupe fermé');
  await signInAs(page, PERSONAS.member, '/groupes/nouveau');
  await page.getByLabel('Nom du groupe').fill(name);
  await page.getByLabel('Seuls les animateur·rices ajoutent des membres').check();
  await page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('region', { name: 'Membres' }).getByRole('link', { name: 'Gérer les membres' }).click();
  await expect(page).toHaveURL(/\/membres$/);
  const groupPath = new URL(page.url()).pathname;

  const members = page.getByRole('region', { name: 'Membres' });
  const form = members.getByRole('form', { name: 'Inviter une personne' });
  const since = Date.now();
  // A party member, a citizen, an address nobody uses: one and the same answer, and nobody in the list.
  for (const email of [PERSONAS.colmar, PERSONAS.citizen, uniqueEmail('personne')]) {
    await form.getByLabel('Adresse e-mail du membre').fill(email);
    await form.getByRole('button', { name: 'Inviter' }).click();
    await expect(form.getByLabel('Adresse e-mail du membre')).toHaveValue('');
    await expect(form.getByText(SAME_ANSWER)).toBeVisible();
    await expect(form.getByRole('alert')).toHaveCount(0);
  }
  await page.reload();
  await expect(members.getByRole('row')).toHaveCount(2); // header + the animator
  await expect(members.getByText(PERSONAS.colmar)).toHaveCount(0);

  // The invitee is told by mail, with a link to the groups page; the citizen receives nothing.
  const mail = await inbox.waitFor(PERSONAS.colmar, { subject: `Invitation à rejoindre le groupe « ${name} »`, since });
  const link = linksIn(mail).find((u) => new URL(u).pathname === '/groupes');
  expect(link).toBeTruthy();
  expect((await inbox.list(PERSONAS.citizen)).filter((m) => m.receivedAt >= since && m.subject.includes(name))).toEqual([]);

  const { context, page: theirs } = await personAt(browser, PERSONAS.colmar, '/groupes');
  const invitations = theirs.getByRole('region', { name: 'Invitations à rejoindre un groupe' });
  await expect(invitations.getByText(name)).toBeVisible();
  // At 375 px and 1280 px: nothing overflows, and axe finds nothing serious.
  for (const width of [375, 1280]) {
    await theirs.setViewportSize({ width, height: 800 });
    expect(await theirs.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const axe = await new AxeBuilder({ page: theirs }).include('section:has(#invitations-title)').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }
  await invitations.getByRole('button', { name: `Accepter l’invitation au groupe « ${name} »` }).click();
  await expect(theirs.getByRole('status').getByText(`Vous avez rejoint « ${name} ».`)).toBeVisible();
  await expect(theirs.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name })).toBeVisible();
  await context.close();

  await page.goto(groupPath);
  await expect(members.getByText(PERSONAS.colmar)).toBeVisible();
});
