import { PERSONAS, createUser, expect, signInAs, test, unique, uniqueEmail } from './fixtures';

test('a section secretary adds a person who has an account, who then finds the section', async ({ page, browser }) => {
  const email = uniqueEmail('nouvelle');
  const name = unique('Léa Nouvelle');
  await createUser(email, name);

  await signInAs(page, PERSONAS.secretary);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  const members = page.getByRole('region', { name: 'Membres' });
  const form = members.getByRole('form', { name: 'Ajouter un membre' });
  await form.getByLabel('Adresse e-mail du membre').fill(email);
  await form.getByLabel('Rôle').selectOption({ label: 'Membre' });
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await expect(members.getByText('Membre ajouté·e.')).toBeVisible();
  await expect(members.getByRole('row').filter({ hasText: name })).toBeVisible();

  // A member of another section: refused, and told why.
  await form.getByLabel('Adresse e-mail du membre').fill(PERSONAS.colmar);
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await expect(members.getByText('Cette personne appartient déjà à la section Colmar.')).toBeVisible();

  // The new member now belongs to the section.
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signInAs(theirs, email);
  await expect(theirs.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' })).toBeVisible();
  await context.close();
});
