import { PERSONAS, createUser, expect, signInAs, test, unique, uniqueEmail } from './fixtures';

const SAME_ANSWER = 'Si cette adresse correspond à une personne qui peut rejoindre cet espace, elle en est maintenant membre.';

test('a section secretary adds a person who has an account, who then finds the section; the answer tells nothing of anyone else', async ({ page, browser }) => {
  const email = uniqueEmail('nouvelle');
  const name = unique('Léa Nouvelle');
  await createUser(email, name);

  await signInAs(page, PERSONAS.secretary);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' }).click();
  // The section page counts the members and names its secretaries; the members have their own screen.
  await expect(page.getByRole('region', { name: 'Membres' })).toContainText(/\d+ membres · secrétariat : /);
  await page.getByRole('region', { name: 'Membres' }).getByRole('link', { name: 'Gérer les membres' }).click();
  await expect(page).toHaveURL(/\/espaces\/[^/]+\/membres$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Membres de Strasbourg-Centre' })).toBeVisible();
  const members = page.getByRole('region', { name: 'Membres' });
  const form = members.getByRole('form', { name: 'Ajouter un membre' });
  await form.getByLabel('Adresse e-mail du membre').fill(email);
  await form.getByLabel('Rôle').selectOption({ label: 'Membre' });
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await expect(form.getByText(SAME_ANSWER)).toBeVisible();
  await expect(members.getByRole('row').filter({ hasText: name })).toBeVisible();

  // A member of another section, and an address nobody uses: the same answer, no error, nobody added.
  const rows = await members.getByRole('row').count();
  for (const other of [PERSONAS.colmar, uniqueEmail('personne')]) {
    await form.getByLabel('Adresse e-mail du membre').fill(other);
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await expect(form.getByLabel('Adresse e-mail du membre')).toHaveValue('');
    await expect(form.getByText(SAME_ANSWER)).toBeVisible();
    await expect(form.getByRole('alert')).toHaveCount(0);
  }
  await page.reload();
  await expect(members.getByRole('row')).toHaveCount(rows);
  await expect(members.getByText(PERSONAS.colmar)).toHaveCount(0);

  // The new member now belongs to the section.
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signInAs(theirs, email);
  await expect(theirs.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Strasbourg-Centre' })).toBeVisible();
  await context.close();
});
