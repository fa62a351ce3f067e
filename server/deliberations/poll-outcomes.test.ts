import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { polls } from '@/db/schema';
import { viewerOf } from '@/app/api/v1/test-helpers';
import { listAmendments, proposeAmendment, putAmendmentToVote, putPassageToVote } from '@/server/amendments/amendment-service';
import { amendmentWorld, textOpenForAmendments } from '@/server/amendments/test-world';
import { bodyPositions, docOfState } from '@/server/documents/anchors';
import { liveDocState } from '@/server/documents/live-state';
import { drain } from '@/server/jobs/queue';
import { handlers } from '@/server/jobs/worker';
import { castBallot, POLL_CLOSE_QUEUE, type PollOption } from '@/server/votes/polls';
import { closePoll } from './close-polls';
import { tallyYesNo } from '@/server/votes/tally';

const MOTION = 'Nous voulons des cantines bio dans chaque commune.\n\nLa section suit les achats.';
const { t, author, amender, secretary, colmar } = amendmentWorld();
const [vAuthor, vAmender, vSecretary, vColmar] = [viewerOf(author), viewerOf(amender), viewerOf(secretary), viewerOf(colmar)];
/** The section's three party members: the voters of every poll here. */
const voters = [vSecretary, vAuthor, vAmender];
const MINUTE = 60_000;

const liveText = (pageId: string) => {
  const doc = docOfState(liveDocState(pageId));
  const { text } = bodyPositions(doc);
  doc.destroy();
  return text;
};
const statuses = (pageId: string) => Object.fromEntries(listAmendments(vAuthor, pageId).map((a) => [a.id, { status: a.status, note: a.decisionNote }]));

describe('a vote on one amendment', () => {
  const setUp = (quorum = 0) => {
    const now = new Date();
    const page = textOpenForAmendments(author, t.section.id, MOTION);
    const a = proposeAmendment(vAmender, page.id, { quote: 'chaque commune', op: 'replace', replacement: 'chaque ville' });
    const { pollId } = putAmendmentToVote(vAuthor, a.id, { closesAt: new Date(now.getTime() + MINUTE), quorum }, { now });
    return { page, a, pollId, now, closesAt: new Date(now.getTime() + MINUTE) };
  };

  it('adopted: the amendment is accepted and lands in the live text once the closing has committed', () => {
    const { page, a, pollId, now, closesAt } = setUp();
    voters.forEach((v, i) => castBallot(v, pollId, i < 2 ? 'for' : 'against', now));
    expect(closePoll(pollId, closesAt)).toMatchObject({ counts: { for: 2, against: 1 }, outcome: 'adopted' });
    expect(statuses(page.id)[a.id]!.status).toBe('accepted');
    expect(liveText(page.id)).toContain('dans chaque ville.');
  });

  it('rejected by a tie or below the quorum: the amendment is rejected with the reason, the text unchanged', () => {
    const tie = setUp();
    castBallot(vSecretary, tie.pollId, 'for', tie.now);
    castBallot(vAuthor, tie.pollId, 'against', tie.now);
    closePoll(tie.pollId, tie.closesAt);
    expect(statuses(tie.page.id)[tie.a.id]).toMatchObject({ status: 'rejected', note: expect.stringMatching(/égalité/) });
    expect(liveText(tie.page.id)).toContain('chaque commune');

    const few = setUp(50);
    castBallot(vAmender, few.pollId, 'for', few.now); // 1 of 3 < 50 %
    closePoll(few.pollId, few.closesAt);
    expect(statuses(few.page.id)[few.a.id]).toMatchObject({ status: 'rejected', note: expect.stringMatching(/quorum/) });
    expect(liveText(few.page.id)).toContain('chaque commune');
  });

  it('finishes an acceptance cut by a restart: the closing job, run again, applies the amendment the vote adopted', async () => {
    const { page, a, pollId, now, closesAt } = setUp();
    voters.forEach((v) => castBallot(v, pollId, 'for', now));
    // The state a process leaves when it stops right after the closing's commit: the poll counted, the amendment still waiting.
    const poll = db().select().from(polls).where(eq(polls.id, pollId)).get()!;
    db().update(polls).set({ status: 'closed', closedAt: closesAt, result: tallyYesNo(['for', 'for', 'for'], 3, poll.quorumPercent, poll.majority) }).where(eq(polls.id, pollId)).run();
    expect(statuses(page.id)[a.id]!.status).toBe('voting');
    const ran = await drain({ [POLL_CLOSE_QUEUE]: handlers[POLL_CLOSE_QUEUE]! }, () => new Date(closesAt.getTime() + 1000));
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(statuses(page.id)[a.id]!.status).toBe('accepted');
    expect(liveText(page.id)).toContain('dans chaque ville.');
    // Once done, running it again changes nothing.
    expect(closePoll(pollId)).toMatchObject({ outcome: 'adopted' });
    expect(liveText(page.id).match(/chaque ville/g)).toHaveLength(1);
  });
});

describe('a ranked vote on a passage’s rival wordings', () => {
  const setUp = () => {
    const now = new Date();
    const page = textOpenForAmendments(author, t.section.id, MOTION);
    const a = proposeAmendment(vAmender, page.id, { quote: 'cantines bio dans', op: 'replace', replacement: 'repas bio dans' });
    const b = proposeAmendment(vColmar, page.id, { quote: 'bio dans chaque', op: 'replace', replacement: 'bio dans toute' });
    expect(b.groupId).toBe(a.groupId);
    const { pollId } = putPassageToVote(vAuthor, a.groupId, { closesAt: new Date(now.getTime() + MINUTE) }, { now });
    const options = db().select().from(polls).where(eq(polls.id, pollId)).get()!.options as PollOption[];
    const current = options.find((o) => o.amendmentId === null)!.id;
    return { page, a, b, pollId, now, current, closesAt: new Date(now.getTime() + MINUTE) };
  };

  it('accepts the Schulze winner and rejects the other wording', () => {
    const { page, a, b, pollId, now, current, closesAt } = setUp();
    castBallot(vSecretary, pollId, [b.id, a.id, current], now);
    castBallot(vAuthor, pollId, [b.id, [a.id, current]], now);
    castBallot(vAmender, pollId, [a.id, b.id, current], now);
    expect(closePoll(pollId, closesAt)).toMatchObject({ kind: 'ranked', winner: b.id, outcome: 'adopted', ballots: 3 });
    const s = statuses(page.id);
    expect(s[b.id]!.status).toBe('accepted');
    expect(s[a.id]).toMatchObject({ status: 'rejected', note: expect.stringMatching(/autre rédaction/) });
    expect(liveText(page.id)).toContain('bio dans toute commune');
  });

  it('keeps the text as it is when the current wording wins (a tie at the top goes to it), and rejects both', () => {
    const { page, a, b, pollId, now, current, closesAt } = setUp();
    castBallot(vSecretary, pollId, [current, a.id, b.id], now);
    castBallot(vAuthor, pollId, [a.id, current, b.id], now);
    castBallot(vAmender, pollId, 'abstain', now);
    expect(closePoll(pollId, closesAt)).toMatchObject({ winner: current, tieBreak: 'current_wording_then_listed_order', outcome: 'rejected', reason: 'current_wording' });
    const s = statuses(page.id);
    expect([s[a.id]!.status, s[b.id]!.status]).toEqual(['rejected', 'rejected']);
    expect(liveText(page.id)).toContain('cantines bio dans chaque commune');
  });

  it('refuses a ranking with an unknown or repeated option (400 naming choice)', () => {
    const { a, pollId, now } = setUp();
    for (const bad of [['nope'], [a.id, a.id], [[a.id], a.id], [[]], 'for', []]) {
      expect(() => castBallot(vSecretary, pollId, bad, now)).toThrow(expect.objectContaining({ code: 'invalid_input', field: 'choice' }));
    }
  });
});
