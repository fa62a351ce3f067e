import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { polls } from '@/db/schema';
import { changeStage } from '@/server/motions/motion-service';
import { createPage } from '@/server/pages/page-service';
import { openPoll } from '@/server/votes/polls';
import { closePoll } from '@/server/deliberations/close-polls';
import { params, person, read, req, territory, viewerOf } from '../../../test-helpers';
import { GET, POST } from './route';

const t = territory();
const secretary = person('member', [[t.section.id, 'secretary']]);
const author = person('member', [[t.section.id, 'member']]);
const voter = person('member', [[t.section.id, 'member']]);
const other = person('member', [[t.section.id, 'member']]);
const colmar = person('member', [[t.otherSection.id, 'member']]);
const citizen = person('citizen');

/** A motion of the section, filed, and (unless `vote: false`) put to the vote for an hour. */
function motion(opts: { vote?: boolean; visibility?: 'members' | 'public' } = {}) {
  const page = createPage(viewerOf(author), { spaceId: t.section.id, kind: 'motion', title: 'Motion vélos', visibility: opts.visibility ?? 'members', markdown: 'Des pistes cyclables.' });
  changeStage(viewerOf(author), page.id, { stage: 'filed' });
  if (opts.vote !== false) changeStage(viewerOf(secretary), page.id, { stage: 'vote', closesAt: new Date(Date.now() + 3_600_000) });
  return page.id;
}

const post = async (id: string, body: unknown, token?: string) => read(await POST(req(`/api/v1/pages/${id}/votes`, { body, token }), params({ id })));
const get = async (id: string, token?: string) => read(await GET(req(`/api/v1/pages/${id}/votes`, { token }), params({ id })));

describe('/api/v1/pages/:id/votes', () => {
  it('casts a ballot (201 with the receipt, once), shows « you voted » and the turnout before closing, the counts only after', async () => {
    const id = motion();
    const cast = await post(id, { choice: 'for' }, voter.token);
    expect(cast.status).toBe(201);
    expect(cast.body).toEqual({ pollId: expect.any(String), receipt: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/) });
    expect((await post(id, { choice: 'against' }, other.token)).status).toBe(201);

    const again = await post(id, { choice: 'against' }, voter.token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    const before = await get(id, voter.token);
    expect(before.status).toBe(200);
    expect(before.body.data).toHaveLength(1);
    expect(before.body.data[0]).toMatchObject({ subject: 'motion', phase: 'open', votersCount: 4, ballotsCount: 2, isVoter: true, youVoted: true, canVote: false, result: null, secrecy: { key: 'motions.vote.secrecyHeading' } });
    expect((await get(id, secretary.token)).body.data[0]).toMatchObject({ youVoted: false, canVote: true, result: null });
    // Nothing in the payload tells how the ballots split.
    expect(before.text).not.toMatch(/"counts"|"for"|"against"|"abstain"|"ranking"/);

    const poll = db().select().from(polls).where(eq(polls.id, cast.body.pollId)).get()!;
    closePoll(poll.id, poll.closesAt);
    const after = await get(id, colmar.token);
    expect(after.body.data[0]).toMatchObject({ phase: 'closed', result: { kind: 'yesno', counts: { for: 1, against: 1, abstain: 0 }, outcome: 'rejected', reason: 'tie' } });
    expect((await post(id, { choice: 'for' }, secretary.token)).status).toBe(409);
  });

  it('answers 400 naming the field', async () => {
    const id = motion();
    for (const [body, field] of [
      [{ choice: 'oui' }, 'choice'],
      [{}, 'choice'],
      [{ choice: 'for', extra: 1 }, 'extra'],
      [{ choice: 'for', pollId: 3 }, 'pollId'],
      [{ choice: 'for', pollId: 'not-a-poll-of-this-page' }, 'pollId'],
    ] as const) {
      const r = await post(id, body, voter.token);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.field).toBe(field);
    }
  });

  it('answers 404 to whoever cannot read the page, 401 without credentials on a readable one, 403 to a reader who is not on the voters’ list', async () => {
    const id = motion();
    for (const token of [citizen.token, undefined]) {
      expect((await get(id, token)).status).toBe(404);
      expect((await post(id, { choice: 'for' }, token)).status).toBe(404);
    }
    expect((await get('no-such-page', voter.token)).status).toBe(404);
    const refused = await post(id, { choice: 'for' }, colmar.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/not a member of this space when the vote opened/);
    // A member who joins after the opening neither.
    const latecomer = person('member', [[t.section.id, 'member']]);
    expect((await post(id, { choice: 'for' }, latecomer.token)).status).toBe(403);
    // A public motion: anyone reads its votes, only those signed in are asked who they are.
    const open = motion({ visibility: 'public' });
    expect((await get(open, undefined)).body.data[0]).toMatchObject({ isVoter: false, youVoted: false, canVote: false, result: null });
    expect((await post(open, { choice: 'for' }, undefined)).status).toBe(401);
  });

  it('answers 409 when no vote is open, and asks which one when several are', async () => {
    const filed = motion({ vote: false });
    const none = await post(filed, { choice: 'for' }, voter.token);
    expect(none.status).toBe(409);

    const id = motion();
    const second = db().transaction((tx) =>
      openPoll(tx, {
        pageId: id,
        subject: 'passage',
        groupId: 'passage-1',
        options: [
          { id: 'current', label: 'Rédaction actuelle', amendmentId: null },
          { id: 'autre', label: 'Autre rédaction', amendmentId: 'autre' },
        ],
        spaceId: t.section.id,
        closesAt: new Date(Date.now() + 3_600_000),
        quorumPercent: 0,
        majority: 'simple',
        openedBy: secretary.id,
      }),
    );
    const ambiguous = await post(id, { choice: 'for' }, voter.token);
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.field).toBe('pollId');
    expect((await post(id, { choice: ['autre', 'current'], pollId: second }, voter.token)).status).toBe(201);
    expect((await get(id, voter.token)).body.data.map((p: { youVoted: boolean }) => p.youVoted)).toEqual([false, true]);
  });
});
