/**
 * The amendments' JSON API: GET/POST /api/v1/pages/:id/amendments, POST|DELETE
 * /api/v1/amendments/:id/support, /accept, /reject, /modify, /answer, /withdraw, /vote. Each
 * answer: 404 for what the viewer cannot read, 403 for what they may not do, 409 for what the
 * stage or the amendment's state does not allow (with a clear message), 400 naming the field.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { pages } from '@/db/schema';
import { writeDocument } from '@/server/pages/write-document';
import { applyMarkdown } from '@/server/pages/body';
import { amendmentWorld, setDeadline, setStage, textOpenForAmendments } from '@/server/amendments/test-world';
import { params, person, read, req, type Person } from '../test-helpers';
import { GET as listRoute, POST as proposeRoute } from '../pages/[id]/amendments/route';
import { GET as oneRoute } from './[id]/route';
import { DELETE as unsupportRoute, POST as supportRoute } from './[id]/support/route';
import { POST as acceptRoute } from './[id]/accept/route';
import { POST as rejectRoute } from './[id]/reject/route';
import { POST as modifyRoute } from './[id]/modify/route';
import { POST as answerRoute } from './[id]/answer/route';
import { POST as withdrawRoute } from './[id]/withdraw/route';
import { POST as voteRoute } from './[id]/vote/route';

const MOTION = 'Nous voulons des cantines bio dans chaque commune.\n\nLes cantines bio coûtent moins cher.';
const { t, author, amender, colmar, citizen, secretary } = amendmentWorld();
const stranger = person('member', [[t.group.id, 'member']]);

type Route = (r: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
const call = async (route: Route, path: string, id: string, who: Person | null, body?: unknown, method = 'POST') =>
  read(await route(req(path, { method, token: who?.token, body }), params({ id })));

const list = (pageId: string, who: Person | null, query = '') => call(listRoute, `/api/v1/pages/${pageId}/amendments${query}`, pageId, who, undefined, 'GET');
const propose = (pageId: string, who: Person | null, body: unknown) => call(proposeRoute, `/api/v1/pages/${pageId}/amendments`, pageId, who, body);
const act = (route: Route, action: string, id: string, who: Person | null, body?: unknown, method = 'POST') => call(route, `/api/v1/amendments/${id}/${action}`, id, who, body, method);

const newMotion = (visibility: 'members' | 'space' | 'public' = 'members') => textOpenForAmendments(author, t.section.id, MOTION, 'motion', visibility);
const proposed = async (pageId: string, who: Person = amender, body: object = { quote: 'cantines bio', op: 'replace', replacement: 'cantines locales', justification: 'Le local.' }) => {
  const res = await propose(pageId, who, body);
  expect(res.status).toBe(201);
  return res.body as { id: string; groupId: string };
};

describe('GET and POST /api/v1/pages/:id/amendments', () => {
  it('proposes (201, Location, group and lines) and lists with the passage as it reads now', async () => {
    const page = newMotion();
    const res = await propose(page.id, amender, { quote: 'cantines bio', occurrence: 2, op: 'replace', replacement: 'cantines locales', justification: 'Le local.' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/amendments/${res.body.id}`);
    expect(res.body).toMatchObject({ number: 1, groupId: res.body.id, lineFrom: null, lineTo: null, status: 'open', passage: { status: 'current', text: 'cantines bio' } });
    const listed = await list(page.id, colmar);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ id: res.body.id, author: { id: amender.id }, section: { id: t.section.id }, groupId: res.body.id });
    expect((await list(page.id, colmar, '?status=accepted')).body.data).toEqual([]);
    expect((await list(page.id, colmar, '?grouped=true')).body.groups[0].amendments[0].id).toBe(res.body.id);
    expect((await list(page.id, colmar, '?status=perdu')).body.error).toMatchObject({ code: 'invalid_input', field: 'status' });
    expect((await call(oneRoute, `/api/v1/amendments/${res.body.id}`, res.body.id, colmar, undefined, 'GET')).body.number).toBe(1);
  });

  it('answers 400 naming quote, occurrence, replacement, op, or an unknown field', async () => {
    const page = newMotion();
    const field = async (body: unknown) => (await propose(page.id, amender, body)).body.error?.field;
    expect(await field({ quote: 'cantines végétales', op: 'delete' })).toBe('quote');
    expect(await field({ quote: 'cantines bio', occurrence: 5, op: 'delete' })).toBe('occurrence');
    expect(await field({ quote: 'cantines bio', op: 'replace' })).toBe('replacement');
    expect(await field({ quote: 'cantines bio', op: 'rewrite' })).toBe('op');
    expect(await field({ quote: 'cantines bio', op: 'delete', author: 'moi' })).toBe('author');
    expect((await propose(page.id, amender, { quote: 'cantines végétales', op: 'delete' })).status).toBe(400);
  });

  it('404 for a page the viewer cannot read, 401 anonymous, 403 a citizen on a public text, 409 after the deadline or outside the stage', async () => {
    const spaceOnly = newMotion('space');
    expect((await list(spaceOnly.id, stranger)).status).toBe(404);
    expect((await propose(spaceOnly.id, stranger, { quote: 'cantines bio', op: 'delete' })).status).toBe(404);
    const open = newMotion('public');
    expect((await propose(open.id, null, { quote: 'cantines bio', op: 'delete' })).status).toBe(401);
    expect((await propose(open.id, citizen, { quote: 'cantines bio', op: 'delete' })).status).toBe(403);
    const citizenList = await list(open.id, citizen);
    expect(citizenList.status).toBe(200);
    setDeadline(open.id, new Date(Date.now() - 1));
    const late = await propose(open.id, amender, { quote: 'cantines bio', op: 'delete' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('The deadline for amendments has passed.');
    setStage(open.id, 'motion', 'vote');
    expect((await propose(open.id, amender, { quote: 'cantines bio', op: 'delete' })).body.error.message).toBe('This text is not open for amendments.');
  });
});

describe('support', () => {
  it('POST and DELETE count supports by section; 404 unreadable; 409 once decided', async () => {
    const page = newMotion('space');
    const a = await proposed(page.id);
    const other = person('member', [[t.section.id, 'member']]);
    expect((await act(supportRoute, 'support', a.id, colmar)).status).toBe(404); // Colmar does not read a text of the section only
    const s1 = await act(supportRoute, 'support', a.id, other);
    expect(s1.status).toBe(200);
    expect(s1.body.supports).toMatchObject({ total: 1, mine: true });
    const s2 = await act(unsupportRoute, 'support', a.id, other, undefined, 'DELETE');
    expect(s2.body.supports).toMatchObject({ total: 0, mine: false });
    await act(rejectRoute, 'reject', a.id, author, { reason: 'Non.' });
    expect((await act(supportRoute, 'support', a.id, other)).status).toBe(409);
  });
});

describe('decisions', () => {
  it('accept: 403 to a member who does not decide, 200 to an author, 409 twice', async () => {
    const page = newMotion();
    const a = await proposed(page.id);
    expect((await act(acceptRoute, 'accept', a.id, colmar)).status).toBe(403);
    const ok = await act(acceptRoute, 'accept', a.id, author);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('accepted');
    expect(db().select({ text: pages.text }).from(pages).where(eq(pages.id, page.id)).get()!.text).toContain('cantines locales dans chaque commune');
    const again = await act(acceptRoute, 'accept', a.id, author);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This amendment has already been decided.');
  });

  it('accept on a changed passage: 409 with the passage as it reads now, then 200 with an adjusted replacement', async () => {
    const chapter = textOpenForAmendments(secretary, t.section.id, MOTION, 'chapter');
    const a = await proposed(chapter.id, amender, { quote: 'coûtent moins cher', op: 'replace', replacement: 'coûtent autant' });
    writeDocument(chapter.id, secretary.id, (s) => applyMarkdown(s, MOTION.replace('coûtent moins cher', 'coûtent bien moins cher')));
    const conflict = await act(acceptRoute, 'accept', a.id, secretary, {});
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'conflict', field: 'replacement' });
    expect(conflict.body.passage).toMatchObject({ status: 'changed', text: 'coûtent bien moins cher', quote: 'coûtent moins cher' });
    expect((await act(acceptRoute, 'accept', a.id, author)).status).toBe(403); // a chapter is decided by its space's animators
    const ok = await act(acceptRoute, 'accept', a.id, secretary, { replacement: 'coûtent autant, voire moins' });
    expect(ok.status).toBe(200);
    expect(db().select({ text: pages.text }).from(pages).where(eq(pages.id, chapter.id)).get()!.text).toContain('Les cantines bio coûtent autant, voire moins.');
  });

  it('reject needs a reason (400 naming it); modify and answer; withdraw by the amender only', async () => {
    const page = newMotion();
    const a = await proposed(page.id);
    expect((await act(rejectRoute, 'reject', a.id, author, {})).body.error).toMatchObject({ code: 'invalid_input', field: 'reason' });
    expect((await act(rejectRoute, 'reject', a.id, author)).body.error.field).toBe('reason');
    expect((await act(modifyRoute, 'modify', a.id, author, {})).body.error.field).toBe('replacement');
    expect((await act(modifyRoute, 'modify', a.id, author, { replacement: 'cantines paysannes' })).body).toMatchObject({ status: 'modified', modifiedReplacement: 'cantines paysannes' });
    expect((await act(answerRoute, 'answer', a.id, author, { accept: true })).status).toBe(403);
    expect((await act(answerRoute, 'answer', a.id, amender, {})).body.error.field).toBe('accept');
    expect((await act(answerRoute, 'answer', a.id, amender, { accept: false })).body.status).toBe('open');
    expect((await act(withdrawRoute, 'withdraw', a.id, colmar)).status).toBe(403);
    expect((await act(withdrawRoute, 'withdraw', a.id, amender)).body.status).toBe('withdrawn');
    expect((await act(withdrawRoute, 'withdraw', a.id, amender)).status).toBe(409);
  });

  it('vote: 201 with the poll, 400 naming closesAt, 403 to non-deciders, a passage vote with passage: true', async () => {
    const page = newMotion();
    const a = await proposed(page.id);
    const b = await proposed(page.id, colmar, { quote: 'bio dans chaque', op: 'replace', replacement: 'bio dans toute' });
    const c = await proposed(page.id, colmar, { quote: 'coûtent moins cher', op: 'delete' });
    const closesAt = new Date(Date.now() + 3_600_000).toISOString();
    expect((await act(voteRoute, 'vote', a.id, author, {})).body.error.field).toBe('closesAt');
    expect((await act(voteRoute, 'vote', a.id, colmar, { closesAt })).status).toBe(403);
    const one = await act(voteRoute, 'vote', c.id, author, { closesAt, quorum: 20, majority: 'two_thirds' });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ amendment: { id: c.id, status: 'voting' }, pollId: expect.any(String) });
    const passage = await act(voteRoute, 'vote', b.id, author, { closesAt, passage: true });
    expect(passage.status).toBe(201);
    expect(passage.body.amendments.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([[a.id, 'voting'], [b.id, 'voting']]);
    expect((await act(voteRoute, 'vote', a.id, author, { closesAt })).status).toBe(409);
  });

  it('decisions outside the amendments stage answer 409', async () => {
    const page = newMotion();
    const a = await proposed(page.id);
    setStage(page.id, 'motion', 'vote');
    const res = await act(acceptRoute, 'accept', a.id, author);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('This text is not open for amendments.');
    expect((await act(rejectRoute, 'reject', a.id, author, { reason: 'Non.' })).status).toBe(409);
  });
});
