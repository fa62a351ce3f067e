/**
 * Polls: a space's members vote on a motion, on one amendment, or on the rival wordings of a
 * passage (ranked, Schulze). Opening fixes the voters' list; each voter casts one secret ballot
 * and gets a receipt code once; a job closes the poll at its closing time (a restart that missed
 * it runs the job as the worker starts), counts, and applies the outcome
 * (server/deliberations/poll-outcomes) in the closing's transaction.
 *
 * Secrecy lives in the tables' shape (db/schema/motions.ts): `poll_voters` says who may vote and
 * whether they did, with no time; `poll_ballots` holds choices with no voter, no time and a random
 * key in a WITHOUT ROWID table, so rows sit in key order, not arrival order. What it does not
 * cover is said in SECRECY_STATEMENT, which the page shows.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Db } from '@/db/client';
import { memberships, pollBallots, polls, pollVoters, spaces, users } from '@/db/schema';
import { MAJORITIES, POLL_SUBJECTS, type Majority, type PollSubject } from '@/lib/domain/enums';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/parse-input';
import { enqueue } from '@/server/jobs/queue';
import { loadPage } from '@/server/pages/load-page';
import { assertStageAllows, authorizeDeliberation, authorizePage, canDeliberateOn, stageRefusal, type Viewer } from '@/server/policy';
import { decodeChoice, encodeChoice, parseChoice, type BallotChoiceValue } from './ballot-choice';
import { newReceipt, normalizeReceipt, receiptHash } from './receipts';
import { tallyRanked, tallyYesNo, type PollOption, type PollResult } from './tally';
import { startsWith } from '@/db/path-prefix';

export type { PollOption, PollResult } from './tally';
export type PollRow = typeof polls.$inferSelect;
/** The transaction a poll is opened in (the caller's: a stage change, an amendment put to the vote). */
export type PollTx = Pick<Db, 'select' | 'insert' | 'update' | 'run'>;

/** The queue whose jobs close polls at their closing time. */
export const POLL_CLOSE_QUEUE = 'poll-close';

/** Catalogue key of the page's plain statement of what the secrecy is and is not (its lines follow it: secrecy1–4, secrecyNot). */
export const SECRECY_KEY = 'motions.vote.secrecyHeading';
/** The same statement, in English, for API clients. */
export const SECRECY_STATEMENT =
  'Who voted is recorded; how they voted is stored apart, with no name, no time and no order that could link a ballot to its voter, ' +
  'and results are counted only once the vote closes. Your receipt code shows that your ballot is counted and, after closing, what it says: ' +
  'anyone you show it to learns your vote. It is not secret from the server itself while you vote: its operator could in principle ' +
  'watch requests, or the database’s write log, as they happen.';

const optionInput = z.object({
  id: z.string().trim().min(1).max(100).optional(),
  label: z.string().max(1000).default(''),
  amendmentId: z.string().min(1).nullable(),
});

const openPollInput = z.object({
  pageId: z.string().min(1),
  subject: z.enum(POLL_SUBJECTS),
  amendmentId: z.string().min(1).nullish(),
  groupId: z.string().min(1).nullish(),
  options: z.array(optionInput).max(100).nullish(),
  spaceId: z.string().min(1),
  closesAt: z.date(),
  quorumPercent: z.number().int().min(0).max(100).default(0),
  majority: z.enum(MAJORITIES).default('simple'),
  openedBy: z.string().min(1).nullable(),
  /** Voting starts then (default: now). */
  opensAt: z.date().optional(),
});
export type OpenPollInput = z.input<typeof openPollInput>;

const invalid = (field: string, message: string) => new AppError('invalid_input', `${field}: ${message}`, field);
const conflict = (key: string, message: string) => new AppError('conflict', message, undefined, { key });

/** The ranked poll's options, each with an id (an amendment's id, or `current` for the present wording). */
function rankedOptions(raw: z.infer<typeof optionInput>[] | null | undefined): PollOption[] {
  if (!raw || raw.length < 2) throw invalid('options', 'a ranked vote needs at least two wordings.');
  const options = raw.map((o) => ({ id: o.id ?? o.amendmentId ?? 'current', label: o.label, amendmentId: o.amendmentId }));
  if (new Set(options.map((o) => o.id)).size !== options.length) throw invalid('options', 'option ids must be distinct.');
  if (options.filter((o) => o.amendmentId === null).length > 1) throw invalid('options', 'only one option is the current wording.');
  return options;
}

/**
 * Opens a poll in the caller's transaction `tx` and returns its id. The voters' list is the
 * space's party members at this moment (a federation's or the national space's: those of the
 * sections below it), fixed: who joins later does not vote, who leaves keeps their vote. The closing job is queued for `closesAt` with the poll.
 */
export function openPoll(tx: PollTx, raw: OpenPollInput, now = new Date()): string {
  const input = parseInput(openPollInput, raw);
  const opensAt = input.opensAt ?? now;
  if (input.closesAt.getTime() <= Math.max(now.getTime(), opensAt.getTime())) throw invalid('closesAt', 'the closing time must be in the future (and after the opening).');
  let options: PollOption[] | null = null;
  let same;
  switch (input.subject) {
    case 'motion':
      same = eq(polls.subject, 'motion');
      break;
    case 'amendment':
      if (!input.amendmentId) throw invalid('amendmentId', 'an amendment vote names its amendment.');
      same = eq(polls.amendmentId, input.amendmentId);
      break;
    case 'passage':
      if (!input.groupId) throw invalid('groupId', 'a vote on rival wordings names their passage.');
      options = rankedOptions(input.options);
      same = eq(polls.groupId, input.groupId);
      break;
  }
  const open = tx
    .select({ id: polls.id })
    .from(polls)
    .where(and(eq(polls.pageId, input.pageId), eq(polls.status, 'open'), same))
    .get();
  if (open) throw conflict('poll_already_open', 'A vote on this is already open.');
  const id = crypto.randomUUID();
  tx.insert(polls)
    .values({
      id,
      pageId: input.pageId,
      subject: input.subject,
      amendmentId: input.subject === 'amendment' ? input.amendmentId : null,
      groupId: input.groupId ?? null,
      options,
      spaceId: input.spaceId,
      status: 'open',
      opensAt,
      closesAt: input.closesAt,
      quorumPercent: input.quorumPercent,
      majority: input.majority,
      openedBy: input.openedBy,
    })
    .run();
  // Party members of the space now (a federation's or the national space's: of the sections
  // below it); in user-id order, which says nothing about who votes when.
  tx.run(sql`insert into ${pollVoters} (${sql.identifier(pollVoters.pollId.name)}, ${sql.identifier(pollVoters.userId.name)}, ${sql.identifier(pollVoters.voted.name)})
    select distinct ${id}, ${memberships.userId}, 0 from ${memberships} inner join ${users} on ${users.id} = ${memberships.userId}
    where ${memberships.spaceId} in (${voterSpaces(tx, input.spaceId)}) and ${users.siteRole} in ('member', 'admin') and ${users.deletedAt} is null
    order by ${memberships.userId}`);
  enqueue(tx, POLL_CLOSE_QUEUE, { pollId: id }, { runAt: input.closesAt, dedupeKey: `${POLL_CLOSE_QUEUE}:${id}` });
  return id;
}

/**
 * The spaces whose members vote in a poll of `spaceId`, as a subquery: a section's or a group's
 * own members; for a federation or the national space, which have (almost) no members of their
 * own — members belong to sections —, the members of every section below it (by path prefix),
 * with its own members.
 */
function voterSpaces(tx: PollTx, spaceId: string) {
  const space = tx.select({ kind: spaces.kind, path: spaces.path }).from(spaces).where(eq(spaces.id, spaceId)).get();
  if (!space) throw invalid('spaceId', 'no such space.');
  if (space.kind !== 'federation' && space.kind !== 'national') return sql`select ${spaceId}`;
  return sql`select ${spaces.id} from ${spaces} where ${spaces.id} = ${spaceId} or (${spaces.kind} = 'section' and ${startsWith(spaces.path, space.path)})`;
}

function getPoll(pollId: string): PollRow {
  const poll = db().select().from(polls).where(eq(polls.id, pollId)).get();
  if (!poll) throw new AppError('not_found');
  return poll;
}

/** Whether voting is on: not before the opening, not from the closing time on (even before the job has counted). */
function assertVotingOpen(poll: Pick<PollRow, 'status' | 'opensAt' | 'closesAt'>, now: Date): void {
  if (poll.status !== 'open' || now.getTime() >= poll.closesAt.getTime()) throw conflict('poll_closed', 'The vote is closed.');
  if (now.getTime() < poll.opensAt.getTime()) throw conflict('poll_not_open', 'The vote has not opened yet.');
}

/**
 * Casts the viewer's one ballot and returns the receipt code, shown once: only its hash is kept.
 * Refusals: 404 (page unreadable), 403 (not a party member, or not on the voters' list), 409
 * (closed, not yet open, already voted), 400 naming `choice`.
 */
export function castBallot(viewer: Viewer, pollId: string, choice: unknown, now = new Date()): { receipt: string } {
  const poll = getPoll(pollId);
  const page = loadPage(poll.pageId);
  authorizeDeliberation(viewer, 'vote', page.ref);
  assertVotingOpen(poll, now);
  assertStageAllows('vote', page.ref.deliberation ?? null, now);
  const value = parseChoice(choice, poll.options as PollOption[] | null);
  const receipt = newReceipt();
  db().transaction((tx) => {
    const fresh = tx.select({ status: polls.status, opensAt: polls.opensAt, closesAt: polls.closesAt }).from(polls).where(eq(polls.id, pollId)).get()!;
    assertVotingOpen(fresh, now);
    const voter = tx
      .select({ voted: pollVoters.voted })
      .from(pollVoters)
      .where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.userId, viewer!.id)))
      .get();
    if (!voter) throw new AppError('forbidden', 'You were not a member of this space when the vote opened.', undefined, { key: 'poll_not_a_voter' });
    if (voter.voted) throw conflict('poll_already_voted', 'You have already voted.');
    tx.update(pollVoters)
      .set({ voted: true })
      .where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.userId, viewer!.id)))
      .run();
    // A random key, never a time-ordered one: the table is stored in key order.
    tx.insert(pollBallots)
      .values({ id: crypto.randomBytes(16).toString('hex'), pollId, choice: encodeChoice(value), receiptHash: receiptHash(receipt) })
      .run();
  });
  return { receipt };
}

/** Where the poll stands: `upcoming` before it opens, `open`, `counting` once its time is up until the job has counted, `closed`. */
export type PollPhase = 'upcoming' | 'open' | 'counting' | 'closed';

export type PollView = {
  id: string;
  pageId: string;
  subject: PollSubject;
  amendmentId: string | null;
  groupId: string | null;
  options: PollOption[] | null;
  phase: PollPhase;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  quorumPercent: number;
  majority: Majority;
  /** People on the voters' list. */
  votersCount: number;
  /** Ballots cast so far (« n ont voté »); how they split shows only in `result`, after closing. */
  ballotsCount: number;
  /** The viewer is on the voters' list. */
  isVoter: boolean;
  youVoted: boolean;
  canVote: boolean;
  /** The count, once closed; null before. */
  result: PollResult | null;
  /** What the secrecy is and is not: the catalogue key, and the English text. */
  secrecy: { key: string; text: string };
};

function phaseOf(poll: PollRow, now: Date): PollPhase {
  if (poll.status === 'closed') return 'closed';
  if (now.getTime() < poll.opensAt.getTime()) return 'upcoming';
  return now.getTime() < poll.closesAt.getTime() ? 'open' : 'counting';
}

function viewOf(viewer: Viewer, poll: PollRow, ref: ReturnType<typeof loadPage>['ref'], now: Date): PollView {
  const d = db();
  const votersCount = d.select({ n: sql<number>`count(*)` }).from(pollVoters).where(eq(pollVoters.pollId, poll.id)).get()!.n;
  const ballotsCount = d.select({ n: sql<number>`count(*)` }).from(pollBallots).where(eq(pollBallots.pollId, poll.id)).get()!.n;
  const mine = viewer
    ? d
        .select({ voted: pollVoters.voted })
        .from(pollVoters)
        .where(and(eq(pollVoters.pollId, poll.id), eq(pollVoters.userId, viewer.id)))
        .get()
    : undefined;
  const phase = phaseOf(poll, now);
  const canVote = !!mine && !mine.voted && phase === 'open' && canDeliberateOn(viewer, 'vote', ref) && stageRefusal('vote', ref.deliberation ?? null, now) === null;
  return {
    id: poll.id,
    pageId: poll.pageId,
    subject: poll.subject,
    amendmentId: poll.amendmentId,
    groupId: poll.groupId,
    options: (poll.options as PollOption[] | null) ?? null,
    phase,
    opensAt: poll.opensAt,
    closesAt: poll.closesAt,
    closedAt: poll.closedAt,
    quorumPercent: poll.quorumPercent,
    majority: poll.majority,
    votersCount,
    ballotsCount,
    isVoter: !!mine,
    youVoted: !!mine?.voted,
    canVote,
    result: phase === 'closed' ? (poll.result as PollResult) : null,
    secrecy: { key: SECRECY_KEY, text: SECRECY_STATEMENT },
  };
}

/** A poll as the viewer may see it (404 when they cannot read its page). */
export function pollView(viewer: Viewer, pollId: string, now = new Date()): PollView {
  const poll = getPoll(pollId);
  const page = loadPage(poll.pageId);
  authorizePage(viewer, 'read', page.ref);
  return viewOf(viewer, poll, page.ref, now);
}

/** The page's polls, oldest first (404 when the viewer cannot read the page). */
export function listPagePolls(viewer: Viewer, pageId: string, now = new Date()): PollView[] {
  const page = loadPage(pageId);
  authorizePage(viewer, 'read', page.ref);
  return db()
    .select()
    .from(polls)
    .where(eq(polls.pageId, pageId))
    .orderBy(asc(polls.opensAt), asc(polls.id))
    .all()
    .map((p) => viewOf(viewer, p, page.ref, now));
}

/**
 * The latest poll of a page on an amendment (`amendmentId`: its own vote, or with `groupId` also
 * a ranked vote on its passage) or on a passage (`groupId` alone: its ranked vote), as the viewer
 * may see it; null when there has been none. 404 when the viewer cannot read the page.
 */
export function latestPollOn(viewer: Viewer, pageId: string, target: { amendmentId?: string; groupId?: string }, now = new Date()): PollView | null {
  const page = loadPage(pageId);
  authorizePage(viewer, 'read', page.ref);
  const own = target.amendmentId ? and(eq(polls.subject, 'amendment'), eq(polls.amendmentId, target.amendmentId)) : undefined;
  const passage = target.groupId ? and(eq(polls.subject, 'passage'), eq(polls.groupId, target.groupId)) : undefined;
  if (!own && !passage) throw invalid('target', 'name an amendment or a passage.');
  const poll = db()
    .select()
    .from(polls)
    .where(and(eq(polls.pageId, pageId), or(own, passage)))
    .orderBy(desc(polls.opensAt), desc(polls.id))
    .get();
  return poll ? viewOf(viewer, poll, page.ref, now) : null;
}

/**
 * The poll of a page a ballot goes to: `pollId` when given (it must be the page's), else the
 * page's one poll open for voting (several → 400 naming `pollId`; none → 409).
 */
export function pollToVoteOn(viewer: Viewer, pageId: string, pollId: string | undefined, now = new Date()): string {
  const page = loadPage(pageId);
  authorizePage(viewer, 'read', page.ref);
  if (pollId !== undefined) {
    const poll = db().select({ id: polls.id }).from(polls).where(and(eq(polls.id, pollId), eq(polls.pageId, pageId))).get();
    if (!poll) throw invalid('pollId', 'no such vote on this page.');
    return poll.id;
  }
  const open = db()
    .select({ id: polls.id, opensAt: polls.opensAt, closesAt: polls.closesAt })
    .from(polls)
    .where(and(eq(polls.pageId, pageId), eq(polls.status, 'open')))
    .all()
    .filter((p) => now.getTime() < p.closesAt.getTime());
  if (open.length === 1) return open[0]!.id;
  if (open.length === 0) throw conflict('stage_no_vote_open', 'No vote is open on this text.');
  throw invalid('pollId', 'several votes are open on this page: name the one you vote in.');
}

/**
 * Whether the ballot of this receipt is counted in the poll; its choice is told only once the
 * poll is closed (to whoever holds the receipt: the code is the proof).
 */
export function verifyReceipt(pollId: string, receipt: string): { counted: boolean; choice: BallotChoiceValue | null } {
  const poll = getPoll(pollId);
  if (typeof receipt !== 'string' || !normalizeReceipt(receipt)) throw invalid('receipt', 'expected the code given with the ballot (16 characters).');
  const ballot = db()
    .select({ choice: pollBallots.choice })
    .from(pollBallots)
    .where(and(eq(pollBallots.pollId, pollId), eq(pollBallots.receiptHash, receiptHash(receipt))))
    .get();
  return { counted: !!ballot, choice: ballot && poll.status === 'closed' ? decodeChoice(ballot.choice) : null };
}

/** The count of a poll's ballots (used when it closes: server/deliberations/close-polls). */
export function tallyPoll(tx: Pick<Db, 'select'>, poll: PollRow): PollResult {
  const choices = tx
    .select({ choice: pollBallots.choice })
    .from(pollBallots)
    .where(eq(pollBallots.pollId, poll.id))
    .all()
    .map((b) => decodeChoice(b.choice));
  const voters = tx.select({ n: sql<number>`count(*)` }).from(pollVoters).where(eq(pollVoters.pollId, poll.id)).get()!.n;
  return poll.options ? tallyRanked(choices, voters, poll.quorumPercent, poll.options as PollOption[]) : tallyYesNo(choices, voters, poll.quorumPercent, poll.majority);
}
