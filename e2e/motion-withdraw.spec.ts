/**
 * The first signatory withdraws her filed motion: « Retirer la motion » asks first (cancelling
 * changes nothing), then the motion ends « Retirée », the timeline says who withdrew it, and a
 * member of another section who could sign it a moment before is no longer offered to.
 */
import { PERSONAS, expect, findSpace, nameOf, test, unique } from './fixtures';

test('an author withdraws a filed motion after confirming; the timeline shows it and signing is no longer offered', async ({ page, browser, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const group = await findSpace(api, 'group', 'Transition écologique');
  const title = unique('Motion à retirer');
  const created = await api.post('/api/v1/pages', { spaceId: group.id, kind: 'motion', title, visibility: 'members', status: 'draft', markdown: '## Dispositif\n\nNous demandons des jardins partagés.' });
  expect(created.status, created.body).toBe(201);
  const { id } = created.json() as { id: string };
  const filed = await api.post(`/api/v1/pages/${id}/stage`, { stage: 'filed' });
  expect(filed.status, filed.body).toBe(200);

  // Julien, of Colmar, may sign it while it is filed.
  const julien = await browser.newContext();
  const other = await julien.newPage();
  try {
    await signInAs(other, PERSONAS.colmar, `/pages/${id}`);
    await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(other.getByRole('button', { name: 'Signer la motion' })).toBeVisible();

    await signInAs(page, PERSONAS.member, `/pages/${id}`);
    const current = page.locator('.motion-step[aria-current="step"]');
    await expect(current).toContainText('Déposée');

    // Asked first: cancelling leaves it filed.
    await page.getByRole('button', { name: 'Retirer la motion' }).click();
    let dialog = page.getByRole('dialog', { name: `Retirer « ${title} » ?` });
    await expect(dialog).toContainText('Ce retrait est définitif');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(dialog).toBeHidden();
    await expect(current).toContainText('Déposée');

    await page.getByRole('button', { name: 'Retirer la motion' }).click();
    dialog = page.getByRole('dialog', { name: `Retirer « ${title} » ?` });
    await dialog.getByRole('button', { name: 'Retirer la motion' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'La motion est retirée.' })).toBeVisible();
    await expect(current).toContainText('Retirée');
    await expect(page.getByText('Cette motion a été retirée par ses auteurs.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Retirer la motion' })).toHaveCount(0);

    // The timeline says who withdrew it, after its filing.
    await page.getByText('Historique du parcours').click();
    const steps = page.locator('.motion-timeline-list > li');
    await expect(steps.last()).toContainText(`Retirée · par ${await nameOf(api)}`);
    await expect(steps.nth((await steps.count()) - 2)).toContainText('Déposée');

    // Julien is no longer offered to sign; the API refuses it too.
    await other.reload();
    await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(other.locator('.motion-step[aria-current="step"]')).toContainText('Retirée');
    await expect(other.getByRole('button', { name: 'Signer la motion' })).toHaveCount(0);
    const sign = await (await apiAs(PERSONAS.colmar)).post(`/api/v1/pages/${id}/signatures`, {});
    expect(sign.status, sign.body).toBe(409);
  } finally {
    await julien.close();
  }
});
