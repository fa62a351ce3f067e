/**
 * « Mon compte » names each session's device and browser, marks the one in use, and signs out
 * every other device at once, after confirmation.
 */
import { createUser, expect, signInAs, test, unique, uniqueEmail } from './fixtures';

const IPHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

test('sessions show device and browser, « Cet appareil », and « Déconnecter les autres appareils » signs the others out', async ({ browser }) => {
  const email = uniqueEmail('appareils');
  await createUser(email, unique('Lou Appareils'));

  // The same person on a phone, then at a Firefox on Linux (where she reads her sessions).
  const phone = await browser.newContext({ userAgent: IPHONE_UA });
  const phonePage = await phone.newPage();
  await signInAs(phonePage, email, '/compte');
  const laptop = await browser.newContext({ userAgent: FIREFOX_UA });
  const page = await laptop.newPage();
  await signInAs(page, email, '/compte');

  const sessions = page.getByRole('region', { name: 'Sessions' });
  const here = sessions.getByRole('listitem').filter({ hasText: 'Firefox sur Linux' });
  const there = sessions.getByRole('listitem').filter({ hasText: 'Safari sur iPhone' });
  await expect(here).toHaveCount(1);
  await expect(here).toContainText('Cet appareil');
  await expect(there).toHaveCount(1);
  await expect(there).not.toContainText('Cet appareil');

  // Cancelling changes nothing.
  await sessions.getByRole('button', { name: 'Déconnecter les autres appareils' }).click();
  let dialog = page.getByRole('dialog', { name: 'Déconnecter les autres appareils ?' });
  await expect(dialog).toContainText('L’autre appareil connecté à votre compte sera déconnecté');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(there).toHaveCount(1);

  await sessions.getByRole('button', { name: 'Déconnecter les autres appareils' }).click();
  dialog = page.getByRole('dialog', { name: 'Déconnecter les autres appareils ?' });
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(sessions.getByRole('status')).toHaveText('L’autre appareil a été déconnecté.');
  await expect(there).toHaveCount(0);
  await expect(here).toHaveCount(1);
  await expect(sessions.getByRole('button', { name: 'Déconnecter les autres appareils' })).toHaveCount(0);

  // The phone is signed out; this computer is not.
  await phonePage.goto('/compte');
  await expect(phonePage).toHaveURL(/\/connexion/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
  await phone.close();
  await laptop.close();
});
