/**
 * A form the server refuses keeps what was typed (React used to empty it), says what is wrong,
 * and the message goes once the person corrects the field.
 */
import { PERSONAS, expect, test, unique } from './fixtures';

test('a refused group name keeps every field as typed; the error goes when the person types, and the corrected form goes through', async ({ page, signInAs }) => {
  await signInAs(page, PERSONAS.member, '/groupes/nouveau');
  const name = page.getByLabel('Nom du groupe');
  const description = page.getByLabel('Description');
  const closed = page.getByRole('radio', { name: 'Seuls les animateur·rices ajoutent des membres' });

  // Two zero-width spaces: the browser's minlength is satisfied, the server refuses an invisible name.
  await name.fill('\u200b\u200b');
  await description.fill('Nos idées pour le quartier de la gare.');
  await closed.check();
  await page.getByRole('button', { name: 'Créer le groupe' }).click();

  const error = page.getByRole('alert').filter({ hasText: 'Écrivez au moins un caractère visible' });
  await expect(error).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveValue('\u200b\u200b');
  await expect(description).toHaveValue('Nos idées pour le quartier de la gare.');
  await expect(closed).toBeChecked();

  // Typing again: the message no longer describes the form, so it goes.
  const groupName = unique('Quartier de la gare');
  await name.fill(groupName);
  await expect(error).toHaveCount(0);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(description).toHaveValue('Nos idées pour le quartier de la gare.');

  await page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
});
