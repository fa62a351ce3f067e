import crypto from 'node:crypto';
import { PERSONAS, baseUrl, createPageViaApi, expect, findSpace, signInAs, signInLinkIn, test, unique } from './fixtures';

test('with an expired session, a protected page asks to sign in again and comes back after', async ({ page, context, inbox }) => {
  // A session cookie whose session no longer exists on the server (expired and purged).
  await context.addCookies([{ name: 'authjs.session-token', value: crypto.randomUUID(), url: baseUrl(), httpOnly: true, sameSite: 'Lax' }]);
  await page.goto('/groupes');
  await expect(page).toHaveURL(/\/connexion\?.*reason=expired/);
  await expect(page.getByText('Votre session a expiré', { exact: false })).toBeVisible();

  const since = Date.now();
  await page.getByLabel('Adresse e-mail').fill(PERSONAS.federation);
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte mail' })).toBeVisible();
  const mail = await inbox.waitFor(PERSONAS.federation, { subject: 'Votre lien de connexion à Coopol', since });

  await page.goto(signInLinkIn(mail));
  await expect(page).toHaveURL(/\/groupes$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Groupes d’affinité' })).toBeVisible();
});

test('a member whose session ended opens a members’ page by its link: asked to sign in again, not a “page not found”, and back on the page after', async ({ page, context, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const title = unique('Ordre du jour du bureau');
  const secret = await createPageViaApi(api, { spaceId: section.id, title, visibility: 'space', status: 'published', markdown: 'Point unique : le budget.' });

  // The session ended on the server (expired, or revoked elsewhere); the browser still has its cookie.
  await context.addCookies([{ name: 'authjs.session-token', value: crypto.randomUUID(), url: baseUrl(), httpOnly: true, sameSite: 'Lax' }]);
  await page.goto(`/pages/${secret.id}`);
  await expect(page).toHaveURL(/\/connexion\?.*reason=expired/);
  await expect(page.getByText('Votre session a expiré', { exact: false })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  // The stale cookie is gone: the public side of the site opens as for any visitor, no loop.
  expect((await context.cookies()).some((c) => c.name === 'authjs.session-token')).toBe(false);
  await page.goto('/public');
  await expect(page).toHaveURL(/\/public$/);

  await page.goto(`/pages/${secret.id}`);
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  await page.getByRole('link', { name: 'Se connecter et revenir ici' }).click();
  await expect(page).toHaveURL(new RegExp(`/connexion\\?callbackUrl=%2Fpages%2F${secret.id}$`));
  await signInAs(page, PERSONAS.member, `/pages/${secret.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});
