/**
 * The merge session: the motion's author goes through the pending amendments passage by passage,
 * proposes another wording for one (which its amender, watching the same screen, accepts: the
 * text changes for both) and rejects the other with a reason; the amender sees the decisions
 * arrive; the author closes the session by naming the version.
 */
import { motionOpenForAmendments } from './amendment-world';
import { PERSONAS, expect, expectConnected, liveEditor, personAt, test, unique } from './fixtures';

test('the author decides the amendments passage by passage while the amender watches, then names the version', async ({ page, browser, apiAs, signInAs }) => {
  test.setTimeout(150_000);
  const id = await motionOpenForAmendments(await apiAs(PERSONAS.member), unique('Motion en séance'), 'La section demande des cantines bio dans toutes les écoles de la ville.');
  const colmar = await apiAs(PERSONAS.colmar);
  for (const body of [
    { quote: 'des cantines bio', op: 'replace', replacement: 'des cantines bio et locales' },
    { quote: ' de la ville', op: 'delete' },
  ]) {
    const r = await colmar.post(`/api/v1/pages/${id}/amendments`, body);
    expect(r.status, r.body).toBe(201);
  }

  const sessionPath = `/pages/${id}/amendements?session=1`;
  const watcher = await personAt(browser, PERSONAS.colmar, sessionPath);
  try {
    await expect(watcher.page.getByText('La séance se déroule')).toBeVisible();
    await expect(watcher.page.getByRole('heading', { name: 'Passage 1 sur 2' })).toBeVisible();

    await signInAs(page, PERSONAS.member, sessionPath);
    await expectConnected(page);
    await expect(page.getByRole('heading', { name: 'Passage 1 sur 2' })).toBeVisible();
    // The passage at hand is drawn in the text beside.
    await expect(liveEditor(page).locator('del.amend-del')).toHaveText('des cantines bio');

    // A modified adoption: the author proposes another wording, the amender (watching) accepts it.
    await page.getByRole('button', { name: 'Nouvelle rédaction de l’amendement n° 1' }).click();
    const modify = page.getByRole('dialog', { name: 'Nouvelle rédaction de l’amendement n° 1' });
    await modify.getByLabel('Nouvelle rédaction').fill('des cantines bio, locales et de saison');
    await modify.getByRole('button', { name: 'Proposer cette rédaction' }).click();
    await expect(modify).toBeHidden();
    await expect(page.getByRole('article', { name: /Amendement n° 1/ })).toContainText('Nouvelle rédaction proposée');
    const mine = watcher.page.getByRole('article', { name: /Amendement n° 1/ });
    await expect(mine).toContainText('Les auteurs proposent d’adopter votre amendement dans cette rédaction', { timeout: 20_000 });
    await expect(mine.locator('.amend-modified ins')).toHaveText('des cantines bio, locales et de saison');
    await mine.getByRole('button', { name: 'J’accepte cette rédaction' }).click();

    // The text changes for both; the author's screen moves on to the next passage.
    await expect(liveEditor(page)).toContainText('des cantines bio, locales et de saison dans toutes les écoles', { timeout: 20_000 });
    await expect(page.getByRole('heading', { name: 'Passage 1 sur 1' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('article', { name: /Amendement n° 2/ })).toBeVisible();

    await page.getByRole('button', { name: 'Rejeter l’amendement n° 2' }).click();
    const reject = page.getByRole('dialog', { name: 'Rejeter l’amendement n° 2' });
    await reject.getByLabel('Motif du rejet').fill('La ville entière est concernée.');
    await reject.getByRole('button', { name: 'Rejeter l’amendement' }).click();
    await expect(reject).toBeHidden();
    await expect(page.getByText('Tous les amendements ont été traités.')).toBeVisible();

    // The amender saw it happen: the new words in the text, then the end of the session.
    await expect(liveEditor(watcher.page)).toContainText('des cantines bio, locales et de saison', { timeout: 20_000 });
    await expect(watcher.page.getByText('Tous les amendements ont été traités.')).toBeVisible({ timeout: 20_000 });
    await expect(watcher.page.getByRole('button', { name: 'Clore la séance' })).toHaveCount(0);

    // The author closes the session by naming the version.
    await page.getByRole('button', { name: 'Clore la séance' }).click();
    const close = page.getByRole('dialog', { name: 'Clore la séance de fusion' });
    await close.getByLabel('Nom de la version').fill('Texte amendé en séance');
    await close.getByRole('button', { name: 'Enregistrer la version' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Séance close : version « Texte amendé en séance » enregistrée.' })).toBeVisible();
    await page.goto(`/pages/${id}/historique`);
    await expect(page.locator('.history-list').getByText('Texte amendé en séance')).toBeVisible();

    // On the amendments list: one accepted, one rejected with its reason.
    await page.goto(`/pages/${id}/amendements`);
    await expect(page.getByRole('article', { name: /Amendement n° 1/ })).toContainText('Accepté');
    await expect(page.getByRole('article', { name: /Amendement n° 2/ })).toContainText('La ville entière est concernée.');
  } finally {
    await watcher.context.close();
  }
});
