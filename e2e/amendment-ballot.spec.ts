/**
 * The members vote on amendments in the browser. A section's secretary opened a chapter for
 * amendments; she puts one amendment to the members' vote from its card with a closing time a
 * minute and a bit away (80 s), and two more votes close with it (one amendment, and a passage's two rival
 * wordings ranked with the current text). She votes at 1280 px, a member of the section at 375 px
 * — for / against / abstention, and a ranking ordered with the keyboard with a tie —, each sees
 * the receipt once and « Vous avez voté » after; the votes close by themselves (the worker polls
 * every second, the ballot boxes read again at the closing time) and show their counts, the
 * Schulze ranking and its winner; the amendments are accepted or rejected accordingly and the
 * text ends with the words the members chose. Axe-clean with the ballots open and closed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { PERSONAS, createPageViaApi, expect, expectConnected, findSpace, liveEditor, test, unique, type Api } from './fixtures';

const BODY = '## Logement\n\nNous proposons un encadrement des loyers dans toute la ville.\n\nLa section tient une permanence logement chaque samedi.';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`).join('\n');
  expect.soft(serious.map((v) => v.id), `${screen}:\n${report}`).toEqual([]);
}

/** The live text without the words amendments propose (drawn as suggestions) nor carets. */
function liveText(page: Page): Promise<string> {
  return liveEditor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret, .amend-ins').forEach((c) => c.remove());
    return [...copy.children].map((c) => c.textContent ?? '').join('\n');
  });
}

async function propose(api: Api, pageId: string, quote: string, replacement: string): Promise<{ id: string; groupId: string }> {
  const res = await api.post(`/api/v1/pages/${pageId}/amendments`, { quote, op: 'replace', replacement, justification: 'Pour le vote.' });
  expect(res.status, res.body).toBe(201);
  return res.json() as { id: string; groupId: string };
}

const margin = (page: Page) => page.getByRole('complementary', { name: 'Amendements' });
const card = (page: Page, n: number) => margin(page).getByRole('article', { name: new RegExp(`Amendement n° ${n}\\b`) });
/** The ranked vote of the rival wordings, in their passage's box (its heading becomes « Résultat du vote » once closed). */
const passageBallot = (page: Page) => margin(page).locator('.amend-group > [data-testid="amendment-ballot"]');
const rankingRows = (box: Locator) => box.getByRole('group', { name: 'Votre classement' }).getByRole('listitem');

/** Votes for / against / abstention in an amendment's ballot box; returns the receipt code, shown once. */
async function voteOn(page: Page, box: Locator, choice: 'Pour' | 'Contre' | 'Abstention'): Promise<string> {
  await expect(box.getByText(/^Vote en cours jusqu’au \d{1,2} \S+ \d{4}/)).toBeVisible();
  await box.getByRole('group', { name: 'Votre vote' }).getByRole('radio', { name: choice }).check();
  await box.getByRole('button', { name: 'Voter', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Votre vote est définitif' });
  await expect(dialog).toContainText(`Vous votez « ${choice} »`);
  await dialog.getByRole('button', { name: 'Confirmer mon vote' }).click();
  await expect(box.getByRole('heading', { name: 'Votre vote est enregistré' })).toBeVisible();
  return (await box.getByTestId('receipt-code').textContent())!.trim();
}

/** Moves an option up with the keyboard (focus, Enter) and checks where the live region says it went. */
async function moveUp(page: Page, box: Locator, name: string, to: number): Promise<void> {
  const button = box.getByRole('button', { name: `Monter « ${name} »` });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(box.getByRole('status').filter({ hasText: `« ${name} » est maintenant au rang ${to}.` })).toBeAttached();
}

/** `ms` from now, to the second, as a datetime-local value in the browser's time zone (the dialog takes seconds, as the motion's). */
function closingInput(page: Page, ms: number): Promise<string> {
  return page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);
}

test('a secretary puts amendments to the members’ vote; two members vote in the browser; the results show after closing and decide the amendments', async ({ page, browser, signInAs, apiAs }) => {
  test.setTimeout(300_000);
  const secretaryApi = await apiAs(PERSONAS.secretary);
  const memberApi = await apiAs(PERSONAS.member);
  const section = await findSpace(secretaryApi, 'section', 'Strasbourg-Centre');
  const chapter = await createPageViaApi(secretaryApi, { spaceId: section.id, title: unique('Chapitre : logement'), visibility: 'members', status: 'published', markdown: BODY });
  const opened = await secretaryApi.post(`/api/v1/pages/${chapter.id}/stage`, { stage: 'amendments', deadline: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString() });
  expect(opened.status, opened.body).toBe(200);
  await propose(memberApi, chapter.id, 'un encadrement des loyers', 'un encadrement strict des loyers');
  const wednesday = await propose(memberApi, chapter.id, 'chaque samedi', 'chaque mercredi');
  const quarters = await propose(memberApi, chapter.id, 'dans toute la ville', 'dans tous les quartiers');
  const metropolis = await propose(memberApi, chapter.id, 'dans toute la ville', 'dans la métropole');
  expect(metropolis.groupId).toBe(quarters.groupId);

  // The secretary puts n° 1 to the vote from its card.
  await signInAs(page, PERSONAS.secretary, `/pages/${chapter.id}`);
  await expectConnected(page);
  await card(page, 1).getByRole('button', { name: 'Mettre l’amendement n° 1 au vote' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mettre l’amendement n° 1 au vote' });
  await dialog.getByLabel('Clôture du vote').fill(await closingInput(page, 80_000));
  await dialog.getByRole('button', { name: 'Ouvrir le vote' }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, 1)).toContainText('Au vote');
  const polls = async () => (await secretaryApi.get(`/api/v1/pages/${chapter.id}/votes`)).json() as { data: { id: string; subject: string; amendmentId: string | null; closesAt: string }[] };
  const closesAt = (await polls()).data[0]!.closesAt;
  // n° 2, and the rival wordings n° 3 and n° 4, close at the same time (put to the vote through the API).
  for (const [id, body] of [
    [wednesday.id, { closesAt }],
    [quarters.id, { closesAt, passage: true }],
  ] as const) {
    const res = await secretaryApi.post(`/api/v1/amendments/${id}/vote`, body);
    expect(res.status, res.body).toBe(201);
  }
  await page.reload();
  await expectConnected(page);

  // She votes: for n° 1, for n° 2, and ranks n° 4 first, then n° 3 tied with the current text.
  const receipt = await voteOn(page, card(page, 1), 'Pour');
  await voteOn(page, card(page, 2), 'Pour');
  const ranked = passageBallot(page);
  await expect(ranked.getByRole('heading', { name: 'Vote des membres sur les rédactions de ce passage' })).toBeVisible();
  await expect(ranked.getByText(/^Vote en cours jusqu’au /)).toBeVisible();
  await expect(rankingRows(ranked)).toHaveCount(3);
  await moveUp(page, ranked, 'Amendement n° 4', 1);
  await expect(ranked.getByRole('button', { name: 'Monter « Amendement n° 4 »' })).toBeDisabled();
  await expect(ranked.getByRole('button', { name: 'Descendre « Amendement n° 4 »' })).toBeFocused();
  await rankingRows(ranked).nth(2).getByRole('checkbox', { name: 'Ex æquo avec celle du dessus' }).check();
  await expectNoSeriousViolations(page, 'ballots open');
  await ranked.getByRole('button', { name: 'Voter ce classement' }).click();
  let confirm = page.getByRole('dialog', { name: 'Votre vote est définitif' });
  await expect(confirm).toContainText('1. Amendement n° 4 ; 2. Amendement n° 3 = Texte actuel');
  await confirm.getByRole('button', { name: 'Confirmer mon vote' }).click();
  await expect(ranked.getByRole('heading', { name: 'Votre vote est enregistré' })).toBeVisible();

  // Inès, of the section, at 375 px: for n° 1, against n° 2 (a tie), and n° 4 before n° 3 before the current text.
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const phone = await context.newPage();
  try {
    await signInAs(phone, PERSONAS.member, `/pages/${chapter.id}`);
    await expect(card(phone, 1).getByText('1 membre a voté', { exact: false })).toBeVisible();
    await voteOn(phone, card(phone, 1), 'Pour');
    await voteOn(phone, card(phone, 2), 'Contre');
    const box = passageBallot(phone);
    await moveUp(phone, box, 'Amendement n° 4', 1);
    await box.getByRole('button', { name: 'Voter ce classement' }).click();
    confirm = phone.getByRole('dialog', { name: 'Votre vote est définitif' });
    await expect(confirm).toContainText('1. Amendement n° 4 ; 2. Amendement n° 3 ; 3. Texte actuel');
    await confirm.getByRole('button', { name: 'Confirmer mon vote' }).click();
    await expect(box.getByTestId('receipt-code')).toBeVisible();
    expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    // After a reload the receipt is gone: « Vous avez voté ».
    await phone.reload();
    await expect(card(phone, 1).getByText('Vous avez voté.')).toBeVisible();
    await expect(passageBallot(phone).getByText('Vous avez voté.')).toBeVisible();
    await expect(phone.getByTestId('receipt-code')).toHaveCount(0);
  } finally {
    await context.close();
  }

  // No count before the closing; then, without a reload, the ballot boxes show the results.
  await expect(page.getByTestId('vote-outcome')).toHaveCount(0);
  await expect(card(page, 1).getByTestId('vote-outcome')).toContainText('Amendement adopté', { timeout: 180_000 });
  await expect(card(page, 1).getByRole('row', { name: /Pour/ })).toContainText('2 voix');
  await expect(card(page, 2).getByTestId('vote-outcome')).toContainText('Amendement rejeté — Égalité entre les pour et les contre');
  await expect(ranked.getByTestId('vote-outcome')).toContainText('Rédaction retenue : Amendement n° 4.');
  await expect(ranked.locator('.amend-ranking-result > li').first()).toHaveText('Amendement n° 4');

  // The text ends with the words the members chose, in everyone's editor.
  await expect.poll(() => liveText(page), { timeout: 20_000 }).toContain('Nous proposons un encadrement strict des loyers dans la métropole.');
  expect(await liveText(page)).toContain('une permanence logement chaque samedi.');
  await page.reload();
  await expectConnected(page);
  await expect(card(page, 1).locator('.amend-card-head')).toContainText('Accepté');
  await expect(card(page, 2).locator('.amend-card-head')).toContainText('Rejeté');
  await expect(card(page, 3).locator('.amend-card-head')).toContainText('Rejeté');
  await expect(card(page, 4).locator('.amend-card-head')).toContainText('Accepté');
  await expect(card(page, 1).getByText('Vote clos le', { exact: false })).toBeVisible();

  // Her receipt says her ballot is counted, and what it says.
  await card(page, 1).getByText('Vérifier mon bulletin').click();
  await card(page, 1).getByLabel('Code de reçu').fill(receipt);
  await card(page, 1).getByRole('button', { name: 'Vérifier', exact: true }).click();
  await expect(card(page, 1).getByText('Ce bulletin est bien compté : « Pour ».')).toBeVisible();
  await expectNoSeriousViolations(page, 'ballots closed');
});
