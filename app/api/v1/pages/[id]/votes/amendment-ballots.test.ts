/**
 * Ballots in an amendment's vote and in a passage's ranked vote through the JSON API: a member
 * finds the poll in GET /api/v1/pages/:id/votes, votes with its `pollId`, checks the receipt at
 * POST /api/v1/pages/:id/votes/receipt, and the closing decides the amendments.
 */
import { describe, expect, it } from 'vitest';
import { getAmendment, proposeAmendment, putAmendmentToVote, putPassageToVote } from '@/server/amendments/amendment-service';
import { amendmentWorld, textOpenForAmendments } from '@/server/amendments/test-world';
import { bodyPositions, docOfState } from '@/server/documents/anchors';
import { liveDocState } from '@/server/documents/live-state';
import { closePoll } from '@/server/deliberations/close-polls';
import { params, read, req, viewerOf, type Person } from '../../../test-helpers';
import { GET, POST } from './route';
import { POST as checkReceipt } from './receipt/route';

const MOTION = 'Nous voulons des cantines bio dans chaque commune.\n\nLa section suit les achats.';
const { t, author, amender, secretary, colmar, citizen } = amendmentWorld();
const HOUR = 3_600_000;

const post = async (id: string, body: unknown, who: Person | null) => read(await POST(req(`/api/v1/pages/${id}/votes`, { body, token: who?.token }), params({ id })));
const get = async (id: string, who: Person | null) => read(await GET(req(`/api/v1/pages/${id}/votes`, { token: who?.token }), params({ id })));
const check = async (id: string, body: unknown, who: Person | null) =>
  read(await checkReceipt(req(`/api/v1/pages/${id}/votes/receipt`, { body, token: who?.token }), params({ id })));

const liveText = (pageId: string) => {
  const doc = docOfState(liveDocState(pageId));
  const { text } = bodyPositions(doc);
  doc.destroy();
  return text;
};

describe('an amendment’s vote through the API', () => {
  it('a member votes with the pollId listed for the amendment, checks the receipt before and after closing, and the count decides the amendment', async () => {
    const page = textOpenForAmendments(author, t.section.id, MOTION);
    const a = proposeAmendment(viewerOf(amender), page.id, { quote: 'chaque commune', op: 'replace', replacement: 'chaque ville' });
    const { pollId } = putAmendmentToVote(viewerOf(author), a.id, { closesAt: new Date(Date.now() + HOUR) });

    const listed = await get(page.id, amender);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: pollId, subject: 'amendment', amendmentId: a.id, phase: 'open', isVoter: true, canVote: true, result: null })]);

    const cast = await post(page.id, { pollId, choice: 'for' }, amender);
    expect(cast.status).toBe(201);
    expect(cast.body).toEqual({ pollId, receipt: expect.any(String) });
    expect((await post(page.id, { pollId, choice: 'for' }, secretary)).status).toBe(201);
    expect((await post(page.id, { pollId, choice: 'against' }, author)).status).toBe(201);
    // Colmar's member was not of the section when it opened; a second ballot is refused.
    expect((await post(page.id, { pollId, choice: 'for' }, colmar)).status).toBe(403);
    expect((await post(page.id, { pollId, choice: 'against' }, amender)).status).toBe(409);

    // Before closing: counted, but what it says is not told.
    const early = await check(page.id, { pollId, receipt: cast.body.receipt }, amender);
    expect(early).toMatchObject({ status: 200, body: { counted: true, choice: null } });

    closePoll(pollId, new Date(Date.now() + HOUR));
    expect(getAmendment(viewerOf(author), a.id)).toMatchObject({ status: 'accepted', putToVote: true });
    expect(liveText(page.id)).toContain('cantines bio dans chaque ville.');
    expect((await get(page.id, colmar)).body.data[0]).toMatchObject({ phase: 'closed', result: { kind: 'yesno', counts: { for: 2, against: 1, abstain: 0 }, outcome: 'adopted' } });

    // The code is the proof: whoever holds it (and reads the page) learns the choice once closed; spaces and case do not matter.
    const lenient = cast.body.receipt.toLowerCase().replace(/-/g, ' ');
    expect((await check(page.id, { pollId, receipt: lenient }, colmar)).body).toEqual({ counted: true, choice: 'for' });
    expect((await check(page.id, { pollId, receipt: 'AAAA-AAAA-AAAA-AAAA' }, amender)).body).toEqual({ counted: false, choice: null });
  });

  it('the receipt check answers 400 naming receipt or pollId, 404 to whoever cannot read the page', async () => {
    const page = textOpenForAmendments(author, t.section.id, MOTION);
    const other = textOpenForAmendments(author, t.section.id, MOTION);
    const a = proposeAmendment(viewerOf(amender), page.id, { quote: 'chaque commune', op: 'delete' });
    const b = proposeAmendment(viewerOf(amender), other.id, { quote: 'chaque commune', op: 'delete' });
    const { pollId } = putAmendmentToVote(viewerOf(author), a.id, { closesAt: new Date(Date.now() + HOUR) });
    const { pollId: elsewhere } = putAmendmentToVote(viewerOf(author), b.id, { closesAt: new Date(Date.now() + HOUR) });
    const { receipt } = (await post(page.id, { pollId, choice: 'abstain' }, amender)).body;
    for (const [body, field] of [
      [{ pollId, receipt: 'trop court' }, 'receipt'],
      [{ pollId }, 'receipt'],
      [{ receipt }, 'pollId'],
      [{ pollId: elsewhere, receipt }, 'pollId'],
      [{ pollId, receipt, choice: 'for' }, 'choice'],
    ] as const) {
      const r = await check(page.id, body, amender);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.field).toBe(field);
    }
    for (const who of [citizen, null]) expect((await check(page.id, { pollId, receipt }, who)).status).toBe(404);
  });
});

describe('a passage’s ranked vote through the API', () => {
  it('takes rankings of the rival wordings and the current one (ties allowed) with the pollId, refuses unknown options, and accepts the Schulze winner', async () => {
    const page = textOpenForAmendments(author, t.section.id, MOTION);
    const a = proposeAmendment(viewerOf(amender), page.id, { quote: 'chaque commune', op: 'replace', replacement: 'chaque ville' });
    const b = proposeAmendment(viewerOf(colmar), page.id, { quote: 'chaque commune', op: 'replace', replacement: 'chaque village' });
    expect(b.groupId).toBe(a.groupId);
    const other = proposeAmendment(viewerOf(amender), page.id, { quote: 'cantines', op: 'replace', replacement: 'restaurants scolaires' });
    const { pollId } = putPassageToVote(viewerOf(author), a.groupId, { closesAt: new Date(Date.now() + HOUR) });
    // Both rivals show their passage's ballot; an amendment on another passage has none.
    expect([a.id, b.id, other.id].map((id) => getAmendment(viewerOf(amender), id).putToVote)).toEqual([true, true, false]);

    const poll = (await get(page.id, amender)).body.data.find((p: { id: string }) => p.id === pollId);
    expect(poll).toMatchObject({ subject: 'passage', groupId: a.groupId, canVote: true });
    const ids = poll.options.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id, 'current']));

    const bad = await post(page.id, { pollId, choice: [a.id, 'ailleurs'] }, amender);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('choice');
    expect((await post(page.id, { pollId, choice: [b.id, [a.id, 'current']] }, amender)).status).toBe(201);
    expect((await post(page.id, { pollId, choice: [b.id, a.id, 'current'] }, secretary)).status).toBe(201);
    expect((await post(page.id, { pollId, choice: ['current', b.id, a.id] }, author)).status).toBe(201);

    closePoll(pollId, new Date(Date.now() + HOUR));
    const closed = (await get(page.id, colmar)).body.data.find((p: { id: string }) => p.id === pollId);
    expect(closed).toMatchObject({ phase: 'closed', result: { kind: 'ranked', winner: b.id, outcome: 'adopted' } });
    expect(closed.result.ranking[0]).toEqual([b.id]);
    expect(getAmendment(viewerOf(author), b.id).status).toBe('accepted');
    expect(getAmendment(viewerOf(author), a.id).status).toBe('rejected');
    expect(liveText(page.id)).toContain('cantines bio dans chaque village.');
  });
});
