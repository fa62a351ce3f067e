/**
 * A decision reaches the readers of the text at once, not at their next poll (every 15 s): the
 * server tells the text's open sockets that its amendments changed, and each margin asks again.
 * Julien has the motion open when Inès's amendment is proposed through the API and when she, its
 * author, rejects another: his margin shows both within a few seconds.
 */
import { motionOpenForAmendments, PASSAGE } from './amendment-world';
import { PERSONAS, expect, expectConnected, signInAs, test, unique } from './fixtures';

test('a proposal and a rejection made elsewhere show in an open margin within seconds', async ({ page, apiAs }) => {
  test.setTimeout(90_000);
  const author = await apiAs(PERSONAS.member);
  const id = await motionOpenForAmendments(author, unique('Motion suivie en direct'));
  const colmar = await apiAs(PERSONAS.colmar);
  const first = await colmar.post(`/api/v1/pages/${id}/amendments`, { quote: 'toutes les écoles', op: 'replace', replacement: 'les écoles publiques', justification: '' });
  expect(first.status, first.body).toBe(201);

  await signInAs(page, PERSONAS.colmar, `/pages/${id}`);
  await expectConnected(page);
  const margin = page.getByRole('complementary', { name: 'Amendements' });
  const card1 = margin.getByRole('article', { name: /Amendement n° 1/ });
  await expect(card1).toContainText('Ouvert');

  // Proposed by someone else while the page is open: the card comes without a reload, well before a poll.
  const started = Date.now();
  const second = await author.post(`/api/v1/pages/${id}/amendments`, { quote: PASSAGE, op: 'replace', replacement: 'des repas bio', justification: '' });
  expect(second.status, second.body).toBe(201);
  await expect(margin.getByRole('article', { name: /Amendement n° 2/ })).toBeVisible({ timeout: 6_000 });

  // The author rejects n° 1: its status changes on the open page.
  const { id: firstId } = first.json() as { id: string };
  const rejected = await author.post(`/api/v1/amendments/${firstId}/reject`, { reason: 'Le texte vise toutes les écoles.' });
  expect(rejected.status, rejected.body).toBe(200);
  await expect(card1).toContainText('Rejeté', { timeout: 6_000 });
  expect(Date.now() - started).toBeLessThan(9_000); // both well before the margin’s first poll (15 s after it was shown)
});
