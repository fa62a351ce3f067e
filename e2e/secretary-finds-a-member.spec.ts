import { PERSONAS, expect, signInAs, test } from './fixtures';

test('a secretary finds a member by part of the name, accents aside, or by e-mail address; a member cannot search addresses', async ({ page, browser }) => {
  await signInAs(page, PERSONAS.secretary);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  await expect(page).toHaveURL(/\/espaces\//);
  const sectionPath = `${new URL(page.url()).pathname}/membres`;
  await page.goto(`${sectionPath}?mq=ines`);
  const members = page.getByRole('region', { name: 'Membres' });
  const search = members.getByRole('search');
  await expect(search.getByLabel('Chercher un membre')).toHaveValue('ines');
  await expect(members.getByRole('status').filter({ hasText: '« ines »' })).toBeVisible();
  await expect(members.getByRole('row').filter({ hasText: 'Inès' }).first()).toBeVisible();

  // By address, with the keyboard: Enter sends the search.
  await search.getByLabel('Chercher un membre').fill('militante@coopol');
  await search.getByLabel('Chercher un membre').press('Enter');
  await expect(page).toHaveURL(/mq=militante%40coopol/);
  await expect(members.getByRole('status').filter({ hasText: 'correspond' })).toHaveText('1 membre correspond à « militante@coopol »');
  await expect(members.getByRole('row').filter({ hasText: PERSONAS.member })).toBeVisible();

  await members.getByRole('link', { name: 'Tout afficher' }).click();
  await expect(page).not.toHaveURL(/mq=/);
  await expect(members.getByRole('status').filter({ hasText: 'correspond' })).toHaveCount(0);

  // A member sees names, not addresses: searching by address finds no one.
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signInAs(theirs, PERSONAS.member, `${sectionPath}?mq=${encodeURIComponent('militante@coopol')}`);
  await expect(theirs.getByRole('region', { name: 'Membres' }).getByRole('status').filter({ hasText: 'correspond' })).toHaveText('Aucun membre ne correspond à « militante@coopol »');
  await context.close();
});
