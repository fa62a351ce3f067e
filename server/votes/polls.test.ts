import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { jobs, pollBallots, polls, pollVoters } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { getDeliberation, stageTimeline } from '@/server/deliberations/stage-log';
import { drain } from '@/server/jobs/queue';
import { handlers } from '@/server/jobs/worker';
import { changeStage } from '@/server/motions/motion-service';
import type { Viewer } from '@/server/policy';
import { addMembership, expectAppError, removeMembership, makeGroup, makePage, makeTree, makeUser, viewerOf, type UserRow } from '@/test/factories';
import { receiptHash } from './receipts';
import { castBallot, latestPollOn, listPagePolls, openPoll, pollView, POLL_CLOSE_QUEUE, verifyReceipt, type PollResult } from './polls';
import { closeDuePolls, closePoll } from '@/server/deliberations/close-polls';

const MINUTE = 60_000;
const tree = makeTree('Scrutin');
const secretary = makeUser({ name: 'Secrétaire' });
addMembership(secretary, tree.section, 'secretary');
const author = makeUser({ name: 'Autrice' });
addMembership(author, tree.section);
/** Ten party members of the section (with the secretary and the author: twelve voters). */
const members = Array.from({ length: 10 }, (_, i) => {
  const u = makeUser({ name: `Votant ${i}` });
  addMembership(u, tree.section);
  return u;
});
/** A citizen left holding a membership: not a party member, never on a voters' list. */
const citizen = makeUser({ siteRole: 'citizen', name: 'Citoyen' });
addMembership(citizen, tree.section);
const outsider = makeUser({ name: 'Membre de la section voisine' });
addMembership(outsider, tree.otherSection);

const v = (u: UserRow): Viewer => viewerOf(u);

/** A motion of the section filed by `author` and put to the vote by the secretary at `now`. */
function motionAtVote(opts: { closesAt?: Date; quorum?: number; majority?: 'simple' | 'two_thirds'; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const page = makePage(author, tree.section, { kind: 'motion', visibility: 'members' });
  changeStage(v(author), page.id, { stage: 'filed' }, now);
  changeStage(v(secretary), page.id, { stage: 'vote', closesAt: opts.closesAt ?? new Date(now.getTime() + 60 * MINUTE), quorum: opts.quorum, majority: opts.majority }, now);
  const poll = db().select().from(polls).where(eq(polls.pageId, page.id)).get()!;
  return { pageId: page.id, pollId: poll.id, poll };
}

/** Casts `choice` for each of `who` and returns the receipts in cast order. */
const vote = (pollId: string, who: UserRow[], choice: unknown, now?: Date) => who.map((u) => castBallot(v(u), pollId, choice, now).receipt);

function thrown(fn: () => unknown): { code?: string; field?: string; key?: string; message?: string } {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, field: e.field, key: e.detail?.key, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('openPoll', () => {
  it('fixes the voters’ list: the space’s party members at that moment, in the caller’s transaction, and queues the closing at closesAt', () => {
    const { pollId, poll } = motionAtVote();
    const voters = db().select({ userId: pollVoters.userId, voted: pollVoters.voted }).from(pollVoters).where(eq(pollVoters.pollId, pollId)).all();
    expect(voters.map((r) => r.userId).sort()).toEqual([secretary, author, ...members].map((u) => u.id).sort());
    expect(voters.every((r) => r.voted === false)).toBe(true);
    const job = db().select().from(jobs).where(eq(jobs.dedupeKey, `${POLL_CLOSE_QUEUE}:${pollId}`)).get();
    expect(job).toMatchObject({ queue: POLL_CLOSE_QUEUE, status: 'pending', payload: { pollId } });
    expect(job!.runAt.getTime()).toBe(poll.closesAt.getTime());
  });

  it('lets the members of the sections below a federation or the national space vote in its polls (they have almost no members of their own); a group’s, its own members', () => {
    const far = makeTree('Scrutin lointain');
    const farMember = makeUser({ name: 'Membre d’une autre fédération' });
    addMembership(farMember, far.section);
    const farCitizen = makeUser({ siteRole: 'citizen', name: 'Citoyenne lointaine' });
    addMembership(farCitizen, far.section);
    // A federation's secretary is a member of the federation (and of her section, where she votes once).
    const fedSecretary = makeUser({ name: 'Secrétaire fédérale' });
    addMembership(fedSecretary, tree.federation, 'secretary');
    addMembership(fedSecretary, tree.otherSection);
    const groupOwner = makeUser({ name: 'Animatrice de groupe' });
    addMembership(groupOwner, far.otherSection);
    const group = makeGroup(groupOwner);
    addMembership(members[0]!, group);
    const votersIn = (spaceId: string) => {
      const page = makePage(author, tree.section, { kind: 'motion', visibility: 'members' });
      const pollId = db().transaction((tx) =>
        openPoll(tx, { pageId: page.id, subject: 'motion', spaceId, closesAt: new Date(Date.now() + MINUTE), openedBy: secretary.id }),
      );
      return db().select({ userId: pollVoters.userId }).from(pollVoters).where(eq(pollVoters.pollId, pollId)).all().map((r) => r.userId);
    };
    const federation = votersIn(tree.federation.id);
    expect([...federation].sort()).toEqual([secretary, author, ...members, outsider, fedSecretary].map((u) => u.id).sort());
    const national = votersIn(tree.national.id);
    expect(national).toEqual(expect.arrayContaining([...federation, farMember.id, groupOwner.id]));
    expect(new Set(national).size).toBe(national.length);
    expect(national).not.toContain(citizen.id);
    expect(national).not.toContain(farCitizen.id);
    expect([...votersIn(group.id)].sort()).toEqual([groupOwner, members[0]!].map((u) => u.id).sort());
  });

  it('refuses a closing time that is not in the future (400 naming closesAt), and a second open vote on the same motion (409); a refused poll leaves nothing behind', () => {
    const { pageId } = motionAtVote();
    const input = { pageId, subject: 'motion' as const, spaceId: tree.section.id, quorumPercent: 0, majority: 'simple' as const, openedBy: secretary.id };
    const before = db().select().from(polls).all().length;
    expectAppError(() => db().transaction((tx) => openPoll(tx, { ...input, closesAt: new Date(Date.now() - 1000) })), 'invalid_input', 'closesAt');
    expectAppError(() => db().transaction((tx) => openPoll(tx, { ...input, closesAt: new Date(Date.now() + MINUTE), quorumPercent: 120 })), 'invalid_input', 'quorumPercent');
    expect(thrown(() => db().transaction((tx) => openPoll(tx, { ...input, closesAt: new Date(Date.now() + MINUTE) })))).toMatchObject({ code: 'conflict', key: 'poll_already_open' });
    expect(db().select().from(polls).all().length).toBe(before);
  });
});

describe('castBallot', () => {
  it('takes one ballot per voter and gives a receipt code once, never stored in clear', () => {
    const { pollId } = motionAtVote();
    const { receipt } = castBallot(v(members[0]!), pollId, 'for');
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const stored = JSON.stringify(db().select().from(pollBallots).where(eq(pollBallots.pollId, pollId)).all());
    expect(stored).not.toContain(receipt.replace(/-/g, ''));
    expect(stored).not.toContain(receipt);
    expect(db().select().from(pollVoters).where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.userId, members[0]!.id))).get()!.voted).toBe(true);
    // A second ballot: 409, and nothing more stored.
    expect(thrown(() => castBallot(v(members[0]!), pollId, 'against'))).toMatchObject({ code: 'conflict', key: 'poll_already_voted' });
    expect(db().select().from(pollBallots).where(eq(pollBallots.pollId, pollId)).all()).toHaveLength(1);
  });

  it('keeps the voters’ list fixed at opening: who joins the space later, or belongs to another section, may not vote (403 saying why)', () => {
    const { pollId } = motionAtVote();
    const latecomer = makeUser({ name: 'Arrivée après l’ouverture' });
    addMembership(latecomer, tree.section);
    for (const u of [latecomer, outsider]) {
      expect(thrown(() => castBallot(v(u), pollId, 'for'))).toMatchObject({ code: 'forbidden', key: 'poll_not_a_voter', message: 'You were not a member of this space when the vote opened.' });
    }
    expect(pollView(v(latecomer), pollId)).toMatchObject({ isVoter: false, canVote: false, youVoted: false });
    // A party member who was there votes.
    expect(castBallot(v(members[1]!), pollId, 'abstain').receipt).toBeTruthy();
    removeMembership(latecomer, tree.section); // the other tests count twelve voters
  });

  it('refuses a citizen and an anonymous visitor by the policy, and a choice that is not one (400 naming choice)', () => {
    const { pollId } = motionAtVote();
    expect(thrown(() => castBallot(v(citizen), pollId, 'for')).code).toMatch(/^(forbidden|not_found)$/);
    expect(thrown(() => castBallot(null, pollId, 'for')).code).toMatch(/^(unauthorized|not_found)$/);
    for (const bad of ['oui', '', null, ['for'], 3]) expectAppError(() => castBallot(v(members[2]!), pollId, bad), 'invalid_input', 'choice');
    expect(db().select().from(pollBallots).where(eq(pollBallots.pollId, pollId)).all()).toHaveLength(0);
  });

  it('refuses ballots from the closing time on, even before the job has counted (409 « closed »), and before the opening (409)', () => {
    const now = new Date();
    const { pollId, poll } = motionAtVote({ now, closesAt: new Date(now.getTime() + 10 * MINUTE) });
    expect(thrown(() => castBallot(v(members[3]!), pollId, 'for', poll.closesAt))).toMatchObject({ code: 'conflict', key: 'poll_closed' });
    expect(thrown(() => castBallot(v(members[3]!), pollId, 'for', new Date(now.getTime() - MINUTE)))).toMatchObject({ code: 'conflict', key: 'poll_not_open' });
    expect(pollView(v(members[3]!), pollId, poll.closesAt)).toMatchObject({ phase: 'counting', canVote: false });
    closePoll(pollId, poll.closesAt);
    expect(thrown(() => castBallot(v(members[3]!), pollId, 'for', poll.closesAt))).toMatchObject({ code: 'conflict', key: 'poll_closed' });
  });
});

describe('ballot secrecy', () => {
  /** Column names of every table of the database. */
  const schema = () =>
    (db().$client.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string }[]).map(({ name }) => ({
      name,
      columns: (db().$client.prepare(`pragma table_info(${JSON.stringify(name)})`).all() as { name: string }[]).map((c) => c.name),
    }));

  it('stores ballots in the order of their random keys, not in the order they were cast', () => {
    let orderDiffers = 0;
    for (let run = 0; run < 3; run++) {
      const { pollId } = motionAtVote();
      const voters = [author, ...members.slice(0, 8)];
      const receipts = voters.map((u, i) => castBallot(v(u), pollId, i % 2 ? 'for' : 'against').receipt);
      const natural = db().$client.prepare('select * from poll_ballots where poll_id = ?').all(pollId) as { id: string; receipt_hash: string }[];
      const byId = db().$client.prepare('select * from poll_ballots where poll_id = ? order by id').all(pollId) as { id: string }[];
      const scanned = (db().$client.prepare('select * from poll_ballots').all() as { id: string; poll_id: string }[]).filter((b) => b.poll_id === pollId);
      expect(natural.map((b) => b.id)).toEqual(byId.map((b) => b.id));
      expect(scanned.map((b) => b.id)).toEqual(byId.map((b) => b.id));
      // The keys are random (128 bits, hex), not a clock.
      for (const b of natural) expect(b.id).toMatch(/^[0-9a-f]{32}$/);
      // The stored order against the cast order, through the receipts (which only the voters hold).
      const castHashes = receipts.map(receiptHash);
      if (natural.map((b) => b.receipt_hash).join() !== castHashes.join()) orderDiffers++;
    }
    // Each run matches the cast order with a chance of 1 in 9! (≈ 3 × 10⁻⁶); all three, never.
    expect(orderDiffers).toBeGreaterThan(0);
  });

  it('has no rowid, no timestamp and no voter on ballots, no time on voters, and no table holds a user and a choice', () => {
    expect(() => db().$client.prepare('select rowid from poll_ballots').all()).toThrow(/rowid/);
    const tables = schema();
    const columnsOf = (t: string) => tables.find((x) => x.name === t)!.columns.sort();
    expect(columnsOf('poll_ballots')).toEqual(['choice', 'id', 'poll_id', 'receipt_hash']);
    expect(columnsOf('poll_voters')).toEqual(['poll_id', 'user_id', 'voted']);
    for (const t of tables) {
      const hasChoice = t.columns.some((c) => /choice|ballot/i.test(c));
      const hasPerson = t.columns.some((c) => /user|voter|by$|_by|author|member/i.test(c));
      expect(hasChoice && hasPerson, `table ${t.name} joins a person and a choice`).toBe(false);
    }
  });
});

describe('pollView and verifyReceipt', () => {
  it('shows who voted (« n ont voté ») and the viewer’s own state before closing, never the counts; the result after', () => {
    const now = new Date();
    const { pollId, pageId, poll } = motionAtVote({ now });
    const [r1] = vote(pollId, [members[0]!], 'for', now);
    vote(pollId, [members[1]!, members[2]!], 'against', now);
    const mine = pollView(v(members[0]!), pollId, now);
    expect(mine).toMatchObject({ phase: 'open', votersCount: 12, ballotsCount: 3, isVoter: true, youVoted: true, canVote: false, result: null, secrecy: { key: 'motions.vote.secrecyHeading' } });
    expect(pollView(v(members[5]!), pollId, now)).toMatchObject({ youVoted: false, canVote: true, result: null });
    expect(JSON.stringify(listPagePolls(v(members[5]!), pageId, now))).not.toMatch(/"(for|against|abstain)"\s*:/);
    // The receipt says the ballot is counted; what it says waits for the closing.
    expect(verifyReceipt(pollId, r1!)).toEqual({ counted: true, choice: null });
    expect(verifyReceipt(pollId, r1!.toLowerCase().replace(/-/g, ' '))).toEqual({ counted: true, choice: null });
    expect(verifyReceipt(pollId, '0000-0000-0000-0000')).toEqual({ counted: false, choice: null });
    expectAppError(() => verifyReceipt(pollId, 'not a code'), 'invalid_input', 'receipt');

    closePoll(pollId, poll.closesAt);
    const after = pollView(v(members[5]!), pollId, poll.closesAt);
    expect(after.phase).toBe('closed');
    expect(after.result).toMatchObject({ kind: 'yesno', counts: { for: 1, against: 2, abstain: 0 }, outcome: 'rejected', reason: 'majority' });
    expect(verifyReceipt(pollId, r1!)).toEqual({ counted: true, choice: 'for' });
  });

  it('answers 404 to a viewer who cannot read the page', () => {
    const { pollId } = motionAtVote();
    expectAppError(() => pollView(null, pollId), 'not_found');
    expectAppError(() => pollView(v(members[0]!), 'no-such-poll'), 'not_found');
  });
});

describe('latestPollOn', () => {
  it('finds the latest vote on a passage (or, named with its passage, on an amendment) as the viewer sees it; null when none; 400 naming nothing; 404 to who cannot read', () => {
    const { pageId } = motionAtVote();
    const page = { id: pageId };
    const options = [
      { id: 'current', label: 'Rédaction actuelle', amendmentId: null },
      { id: 'autre', label: 'Autre rédaction', amendmentId: 'autre' },
    ];
    const open = (groupId: string, minutes: number) =>
      db().transaction((tx) =>
        openPoll(tx, { pageId, subject: 'passage', groupId, options, spaceId: tree.section.id, closesAt: new Date(Date.now() + minutes * MINUTE), openedBy: secretary.id }),
      );
    const first = open('passage-a', 1);
    closePoll(first, new Date(Date.now() + MINUTE));
    const second = open('passage-a', 60);
    open('passage-b', 60);
    expect(latestPollOn(v(members[2]!), page.id, { groupId: 'passage-a' })).toMatchObject({ id: second, subject: 'passage', phase: 'open', canVote: true });
    expect(latestPollOn(v(members[2]!), page.id, { amendmentId: 'sans-vote', groupId: 'passage-a' })?.id).toBe(second);
    expect(latestPollOn(v(members[2]!), page.id, { amendmentId: 'sans-vote' })).toBeNull();
    expect(latestPollOn(v(members[2]!), page.id, { groupId: 'passage-c' })).toBeNull();
    expectAppError(() => latestPollOn(v(members[2]!), page.id, {}), 'invalid_input', 'target');
    expectAppError(() => latestPollOn(v(citizen), page.id, { groupId: 'passage-a' }), 'not_found');
  });
});

describe('closing a motion’s vote', () => {
  const closeWith = (ballots: { for?: number; against?: number; abstain?: number }, opts: { quorum?: number; majority?: 'simple' | 'two_thirds' } = {}) => {
    const now = new Date();
    const { pageId, pollId, poll } = motionAtVote({ ...opts, now });
    const voters = [...members];
    vote(pollId, voters.splice(0, ballots.for ?? 0), 'for', now);
    vote(pollId, voters.splice(0, ballots.against ?? 0), 'against', now);
    vote(pollId, voters.splice(0, ballots.abstain ?? 0), 'abstain', now);
    expect(closePoll(pollId, new Date(poll.closesAt.getTime() - 1))).toBeNull(); // not yet
    const result = closePoll(pollId, poll.closesAt) as PollResult;
    return { pageId, pollId, result, deliberation: getDeliberation(pageId)!, last: stageTimeline(pageId).at(-1)! };
  };

  it('adopts with more for than against, recording the count as the outcome, by the clock', () => {
    const { deliberation, last, result, pollId } = closeWith({ for: 3, against: 2, abstain: 1 });
    expect(result).toMatchObject({ voters: 12, ballots: 6, turnoutPercent: 50, counts: { for: 3, against: 2, abstain: 1 }, outcome: 'adopted' });
    expect(deliberation.stage).toBe('adopted');
    expect(deliberation.outcome).toMatchObject({ pollId, outcome: 'adopted', counts: { for: 3, against: 2, abstain: 1 } });
    expect(last).toMatchObject({ from: 'vote', to: 'adopted', byUserId: null, note: null });
    expect(db().select().from(polls).where(eq(polls.id, pollId)).get()).toMatchObject({ status: 'closed' });
  });

  it('rejects a tie, and says so', () => {
    const { deliberation, last } = closeWith({ for: 2, against: 2 });
    expect(deliberation.stage).toBe('rejected');
    expect(last).toMatchObject({ to: 'rejected', note: 'tie' });
  });

  it('rejects below the quorum whatever the counts, and says so', () => {
    const { deliberation, last, result } = closeWith({ for: 5 }, { quorum: 50 }); // 5 of 12 < 50 %
    expect(result).toMatchObject({ quorumReached: false, counts: { for: 5 } });
    expect(deliberation.stage).toBe('rejected');
    expect(last).toMatchObject({ to: 'rejected', note: 'quorum' });
    expect(closeWith({ for: 6 }, { quorum: 50 }).deliberation.stage).toBe('adopted'); // 6 of 12 = 50 %
  });

  it('asks two-thirds when told: 6 for 3 against passes, 5 for 3 against fails', () => {
    expect(closeWith({ for: 6, against: 3 }, { majority: 'two_thirds' }).deliberation.stage).toBe('adopted');
    const failed = closeWith({ for: 5, against: 3 }, { majority: 'two_thirds' });
    expect(failed.deliberation.stage).toBe('rejected');
    expect(failed.last.note).toBe('majority');
  });

  it('closes once: closing again returns the stored result and changes nothing', () => {
    const { pollId, pageId, result } = closeWith({ for: 1 });
    const steps = stageTimeline(pageId).length;
    expect(closePoll(pollId, new Date(Date.now() + 120 * MINUTE))).toEqual(result);
    expect(stageTimeline(pageId)).toHaveLength(steps);
  });

  it('closes a vote whose time passed while no worker ran, as soon as a worker starts', async () => {
    const { pollId, pageId, poll } = motionAtVote({ closesAt: new Date(Date.now() + 800) });
    vote(pollId, members.slice(0, 3), 'for');
    // No worker: the time passes and nothing happens.
    await new Promise((r) => setTimeout(r, Math.max(0, poll.closesAt.getTime() - Date.now()) + 50));
    expect(db().select().from(polls).where(eq(polls.id, pollId)).get()!.status).toBe('open');
    expect(getDeliberation(pageId)!.stage).toBe('vote');
    // A fresh worker drains the pending job.
    const ran = await drain({ [POLL_CLOSE_QUEUE]: handlers[POLL_CLOSE_QUEUE]! });
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(db().select().from(polls).where(eq(polls.id, pollId)).get()).toMatchObject({ status: 'closed', result: { counts: { for: 3, against: 0, abstain: 0 } } });
    expect(getDeliberation(pageId)!.stage).toBe('adopted');
    expect(db().select().from(jobs).where(eq(jobs.dedupeKey, `${POLL_CLOSE_QUEUE}:${pollId}`)).get()!.status).toBe('done');
  });

  it('closeDuePolls closes every poll whose time is up and leaves the others', () => {
    const now = new Date();
    const early = motionAtVote({ now, closesAt: new Date(now.getTime() + MINUTE) });
    const later = motionAtVote({ now, closesAt: new Date(now.getTime() + 10 * MINUTE) });
    const closed = closeDuePolls(new Date(now.getTime() + 2 * MINUTE));
    expect(closed).toContain(early.pollId);
    expect(closed).not.toContain(later.pollId);
    expect(getDeliberation(later.pageId)!.stage).toBe('vote');
  });
});
