/**
 * A member signs a filed motion; an amendment is accepted into its text afterwards; on the page
 * she is shown what changed since her signature and confirms it (or could withdraw it).
 */
import { PERSONAS, expect, findSpace, test, unique } from './fixtures';

test('a signatory sees what changed since she signed and confirms her signature', async ({ page, signInAs, apiAs }) => {
  const author = await apiAs(PERSONAS.member);
  const group = await findSpace(author, 'group', 'Transition écologique');
  const created = await author.post('/api/v1/pages', {
    spaceId: group.id,
    kind: 'motion',
    title: unique('Motion : des fontaines publiques'),
    visibility: 'members',
    status: 'draft',
    markdown: '## Dispositif\n\nLa ville installe des fontaines dans chaque quartier.',
  });
  expect(created.status, created.body).toBe(201);
  const { id, title } = created.json() as { id: string; title: string };
  expect((await author.post(`/api/v1/pages/${id}/stage`, { stage: 'filed' })).status).toBe(200);

  // Julien signs from the page.
  await signInAs(page, PERSONAS.colmar, `/pages/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Signer la motion' }).click();
  await expect(page.getByTestId('signature-count')).toHaveText('1 signature · 1 section');

  // Amendments open; one is proposed and accepted by the author: the text changes.
  const deadline = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
  const opened = await author.post(`/api/v1/pages/${id}/stage`, { stage: 'amendments', deadline });
  expect(opened.status, opened.body).toBe(200);
  const proposed = await author.post(`/api/v1/pages/${id}/amendments`, { quote: 'dans chaque quartier', occurrence: 1, op: 'replace', replacement: 'dans chaque quartier et chaque école', justification: 'Les enfants aussi ont soif.' });
  expect(proposed.status, proposed.body).toBe(201);
  const accepted = await author.post(`/api/v1/amendments/${(proposed.json() as { id: string }).id}/accept`, {});
  expect(accepted.status, accepted.body).toBe(200);

  // Julien is asked again, with what changed.
  await page.reload();
  const notice = page.getByRole('region', { name: 'Le texte a changé depuis votre signature' });
  await expect(notice).toBeVisible();
  await expect(notice.locator('ins')).toContainText('et chaque école');
  await notice.getByRole('button', { name: 'Confirmer ma signature' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre signature vaut pour le texte actuel.' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Le texte a changé depuis votre signature' })).toHaveCount(0);
  await expect(page.getByText('Vous avez signé cette motion.')).toBeVisible();
});
