/**
 * Amendments: proposed changes anchored to the live text of a motion or a chapter open for
 * amendments, supported by members, decided by the deciders (accepted into the live document,
 * rejected with a reason, adopted in a modified wording, or put to the vote).
 *
 * An amendment points at its words with a passage anchor (server/documents/anchors), resolved
 * again on the live document whenever it is shown or decided: it stays on its words while the
 * text moves, shows « passage modifié » with its old quote when they changed, and is never
 * applied to other words than those the decider saw. Amendments on overlapping passages share a
 * group (the passage), so rival wordings are compared, decided and voted on together.
 */
import * as Y from 'yjs';
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { amendments, amendmentSupports, polls, spaces, users } from '@/db/schema';
import { AMENDMENT_OPS, AMENDMENT_STATUSES, MAJORITIES, type AmendmentOp, type AmendmentStatus, type Locale } from '@/lib/domain/enums';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/parse-input';
import { assertStageAllows, authorizeDeliberation, authorizePage, canDeliberateOn, isPartyMember, stageRefusal, type PageRef, type Viewer } from '@/server/policy';
import { anchorFromQuote, docOfState, resolveAnchors, type AnchorRange, type PassageAnchor, type ResolvedAnchor } from '@/server/documents/anchors';
import { liveDocState } from '@/server/documents/live-state';
import { notifyAmendmentsChanged } from '@/server/documents/live-rooms';
import { transactDocument, type DocumentTx } from '@/server/documents/transact';
import { loadPage } from '@/server/pages/load-page';
import { derivePage } from '@/server/pages/derive';
import { nameCoAuthor } from '@/server/pages/stewards';
import { displayName } from '@/server/users/display-name';
import { takeVersion } from '@/server/versions/versions';
import { getDeliberation } from '@/server/deliberations/stage-log';
import { openPoll } from '@/server/votes/polls';
import { sectionOf } from '@/server/motions/signatures';
import { applyChangeAt } from './apply-change';
import { linesOfPassage } from './lines';

export type AmendmentRow = typeof amendments.$inferSelect;

/** Statuses still waiting for a decision: shown in the merge session, grouped with rivals. */
export const PENDING_STATUSES: readonly AmendmentStatus[] = ['open', 'modified', 'voting'];
const DECIDABLE: readonly AmendmentStatus[] = ['open', 'modified'];

const MAX_QUOTE = 5_000;
const MAX_WORDING = 20_000;
const MAX_JUSTIFICATION = 10_000;

export const proposeAmendmentInput = z
  .object({
    quote: z.string().min(1).max(MAX_QUOTE),
    occurrence: z.number().int().min(1).default(1),
    op: z.enum(AMENDMENT_OPS),
    replacement: z.string().max(MAX_WORDING).default(''),
    justification: z.string().trim().max(MAX_JUSTIFICATION).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.op !== 'delete' && !v.replacement.trim()) ctx.addIssue({ code: 'custom', path: ['replacement'], message: 'the new wording is required to replace or insert.' });
  });
export type ProposeAmendmentInput = z.input<typeof proposeAmendmentInput>;

export const acceptAmendmentInput = z.object({ replacement: z.string().max(MAX_WORDING).optional() });
export const rejectAmendmentInput = z.object({ reason: z.string().trim().min(1).max(MAX_JUSTIFICATION) });
export const modifyAmendmentInput = z.object({ replacement: z.string().max(MAX_WORDING) });

/** A passage as it stands now in the live text. */
export type PassageNow =
  | { status: 'current'; text: string; from: number; to: number; pos: AnchorRange['pos'] }
  | { status: 'changed'; text: string; quote: string; from: number; to: number; pos: AnchorRange['pos'] }
  | { status: 'gone'; quote: string };

export type AmendmentAbilities = { support: boolean; unsupport: boolean; withdraw: boolean; decide: boolean; answerModification: boolean };

export type AmendmentView = {
  id: string;
  pageId: string;
  number: number;
  op: AmendmentOp;
  quote: string;
  replacement: string;
  modifiedReplacement: string | null;
  justification: string;
  status: AmendmentStatus;
  groupId: string;
  lineFrom: number | null;
  lineTo: number | null;
  /** The amender, named to party members only. */
  author: { id: string; name: string } | null;
  section: { id: string; name: string } | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  /** Where the passage is now in the live text; null for readers who do not read the live text. */
  passage: PassageNow | null;
  supports: { total: number; bySection: { sectionId: string | null; name: string | null; count: number }[]; mine: boolean };
  /** It was put to the members' vote, alone or with its passage's rivals (its ballot is shown). */
  putToVote: boolean;
  abilities: AmendmentAbilities;
};

// ---------------------------------------------------------------------------------------------
// Reading

function amendmentRow(id: string, tx: Pick<DocumentTx, 'select'> = db()): AmendmentRow {
  const row = tx.select().from(amendments).where(eq(amendments.id, id)).get();
  if (!row) throw new AppError('not_found');
  return row;
}

/** The amendment and its page, or not_found for a viewer who cannot read the page. */
function loadAmendment(viewer: Viewer, id: string): { row: AmendmentRow; ref: PageRef } {
  const row = amendmentRow(id);
  const { ref } = loadPage(row.pageId);
  authorizePage(viewer, 'read', ref);
  return { row, ref };
}

const toPassage = (r: ResolvedAnchor): PassageNow =>
  r.status === 'gone'
    ? { status: 'gone', quote: r.quote }
    : r.status === 'current'
      ? { status: 'current', text: r.text, from: r.from, to: r.to, pos: r.pos }
      : { status: 'changed', text: r.text, quote: r.quote, from: r.from, to: r.to, pos: r.pos };

function abilitiesOn(viewer: Viewer, ref: PageRef, row: AmendmentRow, supported: boolean, now: Date): AmendmentAbilities {
  const d = ref.deliberation ?? null;
  const supportable = canDeliberateOn(viewer, 'supportAmendment', ref) && stageRefusal('supportAmendment', d, now) === null && PENDING_STATUSES.includes(row.status);
  const decides = canDeliberateOn(viewer, 'decideAmendments', ref) && stageRefusal('decideAmendments', d, now) === null;
  const isAmender = viewer !== null && row.authorId === viewer.id;
  return {
    support: supportable && !supported,
    unsupport: supportable && supported,
    withdraw: isAmender && DECIDABLE.includes(row.status),
    decide: decides && DECIDABLE.includes(row.status),
    answerModification: isAmender && row.status === 'modified' && stageRefusal('decideAmendments', d, now) === null,
  };
}

/** Where each row's passage is now, for party members (one walk of the live text); nulls for other readers, who never see the live text. */
function passagesOf(viewer: Viewer, ref: PageRef, rows: readonly AmendmentRow[]): (PassageNow | null)[] {
  if (rows.length === 0 || !isPartyMember(viewer)) return rows.map(() => null);
  const doc = docOfState(liveDocState(ref.id));
  try {
    return resolveAnchors(doc, rows.map((r) => r.anchor as PassageAnchor)).map(toPassage);
  } finally {
    doc.destroy();
  }
}

/** Amendment rows as their readers see them (one walk of the live text for all of them, unless `passages` already says where they are). */
function views(viewer: Viewer, ref: PageRef, rows: AmendmentRow[], opts: { locale?: Locale; now?: Date } = {}, passages: (PassageNow | null)[] = passagesOf(viewer, ref, rows)): AmendmentView[] {
  if (rows.length === 0) return [];
  const now = opts.now ?? new Date();
  const member = isPartyMember(viewer);
  const ids = rows.map((r) => r.id);
  const supportRows = db()
    .select({ amendmentId: amendmentSupports.amendmentId, sectionId: amendmentSupports.sectionId, count: sql<number>`count(*)`, mine: sql<number>`sum(${amendmentSupports.userId} = ${viewer?.id ?? ''})` })
    .from(amendmentSupports)
    .where(inArray(amendmentSupports.amendmentId, ids))
    .groupBy(amendmentSupports.amendmentId, amendmentSupports.sectionId)
    .all();
  const sectionIds = [...new Set([...rows.map((r) => r.sectionId), ...supportRows.map((s) => s.sectionId)].filter((s): s is string => s !== null))];
  const sectionNames = new Map(sectionIds.length ? db().select({ id: spaces.id, name: spaces.name }).from(spaces).where(inArray(spaces.id, sectionIds)).all().map((s) => [s.id, s.name]) : []);
  const authorIds = [...new Set(rows.map((r) => r.authorId).filter((a): a is string => a !== null))];
  const authors = new Map(
    member && authorIds.length
      ? db().select({ id: users.id, name: users.name, deletedAt: users.deletedAt }).from(users).where(inArray(users.id, authorIds)).all().map((u) => [u.id, u])
      : [],
  );
  // Votes held on these amendments, one by one or on their passages.
  const votedOn = new Set(
    db()
      .select({ amendmentId: polls.amendmentId, groupId: polls.groupId })
      .from(polls)
      .where(and(eq(polls.pageId, ref.id), inArray(polls.subject, ['amendment', 'passage'])))
      .all()
      .flatMap((p) => [p.amendmentId, p.groupId && `group:${p.groupId}`])
      .filter((k): k is string => Boolean(k)),
  );
  return rows.map((r, i) => {
    const own = supportRows.filter((s) => s.amendmentId === r.id);
    const mine = own.some((s) => Number(s.mine) > 0);
    const author = r.authorId ? authors.get(r.authorId) : undefined;
    const sectionName = r.sectionId ? (sectionNames.get(r.sectionId) ?? null) : null;
    return {
      id: r.id,
      pageId: r.pageId,
      number: r.number,
      op: r.op,
      quote: (r.anchor as PassageAnchor).quote,
      replacement: r.replacement,
      modifiedReplacement: r.modifiedReplacement,
      justification: r.justification,
      status: r.status,
      groupId: r.groupId,
      lineFrom: r.lineFrom,
      lineTo: r.lineTo,
      author: author ? { id: author.id, name: displayName(author, { sectionName, locale: opts.locale }) } : null,
      section: r.sectionId && sectionName !== null ? { id: r.sectionId, name: sectionName } : null,
      decisionNote: r.decisionNote,
      decidedAt: r.decidedAt,
      createdAt: r.createdAt,
      passage: passages[i]!,
      supports: {
        total: own.reduce((n, s) => n + Number(s.count), 0),
        bySection: own.map((s) => ({ sectionId: s.sectionId, name: s.sectionId ? (sectionNames.get(s.sectionId) ?? null) : null, count: Number(s.count) })),
        mine,
      },
      putToVote: votedOn.has(r.id) || votedOn.has(`group:${r.groupId}`),
      abilities: abilitiesOn(viewer, ref, r, mine, now),
    };
  });
}

export type ListAmendmentsOptions = { status?: AmendmentStatus | readonly AmendmentStatus[]; sectionId?: string; locale?: Locale; now?: Date };

/** The amendment rows of a page, by number, filtered by status and the amender's section. */
function amendmentRows(pageId: string, opts: ListAmendmentsOptions): AmendmentRow[] {
  const statuses = opts.status === undefined ? null : typeof opts.status === 'string' ? [opts.status] : opts.status;
  if (statuses) for (const s of statuses) if (!AMENDMENT_STATUSES.includes(s)) throw new AppError('invalid_input', 'status: unknown status.', 'status');
  return db()
    .select()
    .from(amendments)
    .where(
      and(
        eq(amendments.pageId, pageId),
        statuses ? inArray(amendments.status, [...statuses]) : undefined,
        opts.sectionId ? eq(amendments.sectionId, opts.sectionId) : undefined,
      ),
    )
    .orderBy(asc(amendments.number))
    .all();
}

/** The amendments of a page the viewer reads, by number, filtered by status and the amender's section. */
export function listAmendments(viewer: Viewer, pageId: string, opts: ListAmendmentsOptions = {}): AmendmentView[] {
  const { ref } = loadPage(pageId);
  authorizePage(viewer, 'read', ref);
  return views(viewer, ref, amendmentRows(pageId, opts), opts);
}

/** The first screen of a text's amendments: the first passages in text order, and what the whole list counts. */
export type AmendmentsFirstScreen = {
  /** The amendments of the first `groups` passages (rival wordings together), by number. */
  amendments: AmendmentView[];
  total: number;
  pending: number;
  /** The amenders' sections among all the amendments, by name (the section filter's choices). */
  sections: { id: string; name: string }[];
  /** Whether `amendments` is all of them. */
  complete: boolean;
};

/**
 * What a text's page shows of its amendments before the reader asks for more: a page with
 * hundreds of them renders (and sends) the first passages' cards only; the screen asks for the
 * whole list once it is shown. Every passage is still placed (one walk of the text) so that
 * the first ones are those of the text's beginning. `loaded`: the page the caller already read.
 */
export function amendmentsFirstScreen(viewer: Viewer, loaded: { ref: PageRef }, opts: { groups: number; locale?: Locale; now?: Date }): AmendmentsFirstScreen {
  const { ref } = loaded;
  authorizePage(viewer, 'read', ref);
  const rows = amendmentRows(ref.id, {});
  const passages = passagesOf(viewer, ref, rows);
  // The groups in text order, as groupsOf orders them (the first placed passage of each, then the first number).
  const place = new Map<string, { at: number; first: number }>();
  rows.forEach((r, i) => {
    const p = passages[i];
    const g = place.get(r.groupId) ?? { at: Number.MAX_SAFE_INTEGER, first: r.number };
    if (g.at === Number.MAX_SAFE_INTEGER && p && p.status !== 'gone') g.at = p.from;
    place.set(r.groupId, g);
  });
  const first = new Set([...place.entries()].sort(([, x], [, y]) => x.at - y.at || x.first - y.first).slice(0, opts.groups).map(([id]) => id));
  const picked = rows.flatMap((r, i) => (first.has(r.groupId) ? [i] : []));
  const sectionIds = [...new Set(rows.map((r) => r.sectionId).filter((s): s is string => s !== null))];
  const sections = sectionIds.length ? db().select({ id: spaces.id, name: spaces.name }).from(spaces).where(inArray(spaces.id, sectionIds)).all() : [];
  return {
    amendments: views(viewer, ref, picked.map((i) => rows[i]!), opts, picked.map((i) => passages[i]!)),
    total: rows.length,
    pending: rows.filter((r) => PENDING_STATUSES.includes(r.status)).length,
    sections: sections.sort((x, y) => x.name.localeCompare(y.name)),
    complete: picked.length === rows.length,
  };
}

/** One amendment as `listAmendments` shows it. */
export function getAmendment(viewer: Viewer, id: string, opts: { locale?: Locale } = {}): AmendmentView {
  const { row, ref } = loadAmendment(viewer, id);
  return views(viewer, ref, [row], opts)[0]!;
}

export type AmendmentGroup = {
  groupId: string;
  /** The passage where it is now (the first amendment's that still resolves), for ordering and display. */
  passage: PassageNow | null;
  amendments: AmendmentView[];
};

/** Where a passage sits in the text, for ordering: gone passages last. */
const positionOf = (g: AmendmentGroup) => (g.passage && g.passage.status !== 'gone' ? g.passage.from : Number.MAX_SAFE_INTEGER);

function groupsOf(list: AmendmentView[]): AmendmentGroup[] {
  const groups = new Map<string, AmendmentGroup>();
  for (const a of list) {
    const g = groups.get(a.groupId) ?? { groupId: a.groupId, passage: null, amendments: [] };
    g.amendments.push(a);
    if ((!g.passage || g.passage.status === 'gone') && a.passage) g.passage = a.passage;
    groups.set(a.groupId, g);
  }
  return [...groups.values()].sort((x, y) => positionOf(x) - positionOf(y) || x.amendments[0]!.number - y.amendments[0]!.number);
}

/** The amendments of a page by passage, in text order: rival wordings of one passage side by side. */
export function listAmendmentGroups(viewer: Viewer, pageId: string, opts: ListAmendmentsOptions = {}): AmendmentGroup[] {
  return groupsOf(listAmendments(viewer, pageId, opts));
}

// ---------------------------------------------------------------------------------------------
// Proposing, supporting, withdrawing

const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from < b.to && b.from < a.to;

/**
 * Proposes an amendment on the `occurrence`-th appearance of `quote` in the live text. 409 after
 * the deadline or outside the amendments stage; 400 naming `quote`, `occurrence`, `replacement`.
 */
export function proposeAmendment(viewer: Viewer, pageId: string, raw: ProposeAmendmentInput, opts: { now?: Date } = {}): AmendmentView {
  const now = opts.now ?? new Date();
  const { ref } = loadPage(pageId);
  authorizeDeliberation(viewer, 'proposeAmendment', ref);
  assertStageAllows('proposeAmendment', ref.deliberation ?? null, now);
  const input = parseInput(proposeAmendmentInput, raw);
  const me = viewer!;
  // In transactDocument (which changes nothing here) so that the text anchored on and the rows
  // read for the number and the group are of one moment.
  const { value: id } = transactDocument(pageId, me.id, (doc, tx) => {
    const anchor = anchorFromQuote(doc, { quote: input.quote, occurrence: input.occurrence });
    const pending = tx
      .select({ id: amendments.id, groupId: amendments.groupId, anchor: amendments.anchor })
      .from(amendments)
      .where(and(eq(amendments.pageId, pageId), inArray(amendments.status, [...PENDING_STATUSES])))
      .orderBy(asc(amendments.number))
      .all();
    const [mine, ...theirs] = resolveAnchors(doc, [anchor, ...pending.map((p) => p.anchor as PassageAnchor)]);
    const here = mine as Extract<ResolvedAnchor, { status: 'current' }>;
    const rival = pending.find((_, i) => {
      const r = theirs[i]!;
      return r.status !== 'gone' && overlaps(here, r);
    });
    const number = (tx.select({ n: max(amendments.number) }).from(amendments).where(eq(amendments.pageId, pageId)).get()?.n ?? 0) + 1;
    const newId = crypto.randomUUID();
    const lineMap = getDeliberation(pageId, tx)?.lineMap ?? null;
    const lines = linesOfPassage(doc, lineMap, here.from, here.to);
    tx.insert(amendments)
      .values({
        id: newId,
        pageId,
        number,
        authorId: me.id,
        sectionId: sectionOf(me.id),
        op: input.op,
        anchor,
        replacement: input.op === 'delete' ? '' : input.replacement,
        justification: input.justification,
        status: 'open',
        groupId: rival?.groupId ?? newId,
        lineFrom: lines?.lineFrom ?? null,
        lineTo: lines?.lineTo ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    return newId;
  });
  notifyAmendmentsChanged(pageId);
  return getAmendment(viewer, id);
}

function assertCanSupport(viewer: Viewer, id: string, now: Date): AmendmentRow {
  const { row, ref } = loadAmendment(viewer, id);
  authorizeDeliberation(viewer, 'supportAmendment', ref);
  assertStageAllows('supportAmendment', ref.deliberation ?? null, now);
  if (!PENDING_STATUSES.includes(row.status)) throw new AppError('conflict', 'This amendment has been decided: it can no longer be supported.', undefined, { key: 'amendment_decided' });
  return row;
}

/** The viewer supports the amendment (once; again changes nothing). Party members who read the text. */
export function supportAmendment(viewer: Viewer, id: string, opts: { now?: Date } = {}): AmendmentView {
  const now = opts.now ?? new Date();
  const row = assertCanSupport(viewer, id, now);
  db()
    .insert(amendmentSupports)
    .values({ amendmentId: id, userId: viewer!.id, sectionId: sectionOf(viewer!.id), createdAt: now })
    .onConflictDoNothing()
    .run();
  notifyAmendmentsChanged(row.pageId);
  return getAmendment(viewer, id);
}

export function unsupportAmendment(viewer: Viewer, id: string, opts: { now?: Date } = {}): AmendmentView {
  const row = assertCanSupport(viewer, id, opts.now ?? new Date());
  db()
    .delete(amendmentSupports)
    .where(and(eq(amendmentSupports.amendmentId, id), eq(amendmentSupports.userId, viewer!.id)))
    .run();
  notifyAmendmentsChanged(row.pageId);
  return getAmendment(viewer, id);
}

/** The amender withdraws their amendment while it waits for a decision. */
export function withdrawAmendment(viewer: Viewer, id: string, opts: { now?: Date } = {}): AmendmentView {
  const { row } = loadAmendment(viewer, id);
  if (viewer === null) throw new AppError('unauthorized');
  if (row.authorId !== viewer.id) throw new AppError('forbidden', 'Only its author withdraws an amendment.');
  const now = opts.now ?? new Date();
  const res = db()
    .update(amendments)
    .set({ status: 'withdrawn', updatedAt: now })
    .where(and(eq(amendments.id, id), inArray(amendments.status, [...DECIDABLE])))
    .run();
  if (res.changes === 0) throw new AppError('conflict', 'Only an amendment waiting for a decision can be withdrawn.', undefined, { key: 'amendment_not_pending' });
  notifyAmendmentsChanged(row.pageId);
  return getAmendment(viewer, id);
}

// ---------------------------------------------------------------------------------------------
// Deciding

/** The amendment for a decider: readable, a decider of its page, the stage allowing decisions. */
function forDecider(viewer: Viewer, id: string, now: Date): { row: AmendmentRow; ref: PageRef } {
  const loaded = loadAmendment(viewer, id);
  authorizeDeliberation(viewer, 'decideAmendments', loaded.ref);
  assertStageAllows('decideAmendments', loaded.ref.deliberation ?? null, now);
  return loaded;
}

const notPending = () => new AppError('conflict', 'This amendment has already been decided.', undefined, { key: 'amendment_decided' });

/**
 * The passage changed (or is gone) since the amendment was written: the decider sees it as it
 * reads now and may give an adjusted wording; never applied to other words unseen.
 */
export class AmendmentConflict extends AppError {
  constructor(readonly passage: PassageNow) {
    super(
      'conflict',
      passage.status === 'gone'
        ? `The passage of this amendment is no longer in the text (it read « ${passage.quote} »).`
        : `The passage changed since this amendment was written: it now reads « ${passage.status === 'changed' ? passage.text : ''} ». Give an adjusted replacement to apply it there.`,
      passage.status === 'gone' ? undefined : 'replacement',
      { key: passage.status === 'gone' ? 'amendment_passage_gone' : 'amendment_passage_changed' },
    );
  }
}

type Adoption = {
  /** The wording applied. */
  wording: string;
  /** Given by the decider for a passage that changed: applied to the passage where it is now. */
  adjusted: boolean;
  /** Who decided (the actor of the change). */
  deciderId: string | null;
  /** Statuses the amendment may be in. */
  from: readonly AmendmentStatus[];
  note?: string | null;
  now: Date;
};

/**
 * Applies an amendment to the live document in one transactDocument with its new status, its
 * amender named co-author and its rivals made obsolete when their passage no longer stands;
 * then saves the named version « Amendement n° N accepté ».
 */
function adopt(row: AmendmentRow, a: Adoption): void {
  // The new words are the amender's (authorship from text still there credits them); the decision is the decider's (decidedBy).
  const { value: applied, state, update } = transactDocument(row.pageId, row.authorId ?? a.deciderId, (doc, tx) => {
    const fresh = amendmentRow(row.id, tx);
    if (!a.from.includes(fresh.status)) throw notPending();
    const [where] = resolveAnchors(doc, [fresh.anchor as PassageAnchor]);
    if (where!.status === 'gone' || (where!.status === 'changed' && !a.adjusted)) throw new AmendmentConflict(toPassage(where!));
    const op: AmendmentOp = fresh.op === 'delete' && a.adjusted && a.wording ? 'replace' : fresh.op;
    applyChangeAt(doc, where!.pos, op, a.wording);
    const wordingChanged = fresh.op !== 'delete' && a.wording !== fresh.replacement;
    tx.update(amendments)
      .set({
        status: 'accepted',
        decidedBy: a.deciderId,
        decidedAt: a.now,
        updatedAt: a.now,
        decisionNote: a.note ?? null,
        modifiedReplacement: wordingChanged ? a.wording : fresh.modifiedReplacement,
      })
      .where(eq(amendments.id, row.id))
      .run();
    // The amender becomes a co-author of the text, by the decider's act of accepting: of a motion
    // (its authors decide with them from now on); of a chapter, an author credited with their
    // words (the update is theirs), without steering the page (publishing, deleting are its animators').
    const accepted = loadPage(row.pageId).ref;
    if (fresh.authorId && fresh.authorId !== accepted.createdBy && accepted.deliberation?.procedure !== 'chapter') nameCoAuthor(tx, row.pageId, fresh.authorId, a.deciderId);
    makeRivalsObsolete(tx, doc, fresh, a.now);
    return fresh.number;
  });
  // The new words reach open editors with the update; the cards' new statuses with this notice.
  notifyAmendmentsChanged(row.pageId);
  if (update) {
    derivePage(row.pageId, state, a.deciderId ? [a.deciderId] : [], a.now);
    takeVersion(row.pageId, state, { kind: 'named', name: `Amendement n° ${applied} accepté`, userId: a.deciderId, now: a.now });
  }
}

/** Rivals of an accepted amendment whose passage no longer stands as they quoted it are « devenus sans objet ». */
function makeRivalsObsolete(tx: DocumentTx, doc: Y.Doc, accepted: AmendmentRow, now: Date): void {
  const rivals = tx
    .select()
    .from(amendments)
    .where(and(eq(amendments.pageId, accepted.pageId), eq(amendments.groupId, accepted.groupId), inArray(amendments.status, [...DECIDABLE])))
    .all()
    .filter((r) => r.id !== accepted.id);
  if (rivals.length === 0) return;
  const where = resolveAnchors(doc, rivals.map((r) => r.anchor as PassageAnchor));
  rivals.forEach((r, i) => {
    if (where[i]!.status === 'current') return;
    tx.update(amendments)
      .set({ status: 'obsolete', decisionNote: `Devenu sans objet : l'amendement n° ${accepted.number} a été accepté.`, decidedAt: now, updatedAt: now })
      .where(eq(amendments.id, r.id))
      .run();
  });
}

/**
 * Accepts an amendment: its change is made on the live document (everyone editing sees it at
 * once). When its passage changed since it was written, 409 with the passage as it reads now
 * (`AmendmentConflict`), unless the decider gives `replacement`, applied where the passage now is.
 */
export function acceptAmendment(viewer: Viewer, id: string, raw: z.input<typeof acceptAmendmentInput> = {}, opts: { now?: Date } = {}): AmendmentView {
  const now = opts.now ?? new Date();
  const { row } = forDecider(viewer, id, now);
  const input = parseInput(acceptAmendmentInput, raw);
  if (!DECIDABLE.includes(row.status)) throw notPending();
  // Accepting as written, also while a modified wording waits for the amender's answer; the
  // deciders' own wording is `replacement` (or the amender's acceptance of the modification).
  const adjusted = input.replacement !== undefined;
  adopt(row, { wording: adjusted ? input.replacement! : row.replacement, adjusted, deciderId: viewer!.id, from: DECIDABLE, now });
  return getAmendment(viewer, id);
}

/** Rejects an amendment with a reason (400 naming `reason` without one). */
export function rejectAmendment(viewer: Viewer, id: string, raw: z.input<typeof rejectAmendmentInput>, opts: { now?: Date } = {}): AmendmentView {
  const now = opts.now ?? new Date();
  forDecider(viewer, id, now);
  const { reason } = parseInput(rejectAmendmentInput, raw);
  decide(id, { status: 'rejected', decisionNote: reason, decidedBy: viewer!.id, now }, DECIDABLE);
  return getAmendment(viewer, id);
}

function decide(id: string, o: { status: AmendmentStatus; decisionNote?: string | null; decidedBy?: string | null; modifiedReplacement?: string | null; now: Date }, from: readonly AmendmentStatus[], tx: Pick<DocumentTx, 'update'> = db()): void {
  const res = tx
    .update(amendments)
    .set({
      status: o.status,
      updatedAt: o.now,
      ...(o.decisionNote !== undefined ? { decisionNote: o.decisionNote } : {}),
      ...(o.decidedBy !== undefined ? { decidedBy: o.decidedBy, decidedAt: o.now } : {}),
      ...(o.modifiedReplacement !== undefined ? { modifiedReplacement: o.modifiedReplacement } : {}),
    })
    .where(and(eq(amendments.id, id), inArray(amendments.status, [...from])))
    .returning({ pageId: amendments.pageId })
    .all();
  if (res.length === 0) throw notPending();
  // In a caller's transaction too: the notice leaves after the synchronous work (server/documents/live-rooms).
  notifyAmendmentsChanged(res[0]!.pageId);
}

/** The deciders propose another wording (modified adoption), which the amender accepts or declines. */
export function proposeModification(viewer: Viewer, id: string, raw: z.input<typeof modifyAmendmentInput>, opts: { now?: Date } = {}): AmendmentView {
  const now = opts.now ?? new Date();
  const { row } = forDecider(viewer, id, now);
  const { replacement } = parseInput(modifyAmendmentInput, raw);
  if (row.op !== 'delete' && !replacement.trim()) throw new AppError('invalid_input', 'replacement: the new wording is required.', 'replacement');
  decide(id, { status: 'modified', modifiedReplacement: replacement, decidedBy: viewer!.id, decisionNote: null, now }, DECIDABLE);
  return getAmendment(viewer, id);
}

/**
 * The amender answers a modified adoption: accepted, the modified wording is applied as an
 * acceptance by the decider who proposed it; declined, the amendment is open again with a note.
 */
export function answerModification(viewer: Viewer, id: string, accept: boolean, opts: { now?: Date } = {}): AmendmentView {
  const now = opts.now ?? new Date();
  const { row, ref } = loadAmendment(viewer, id);
  if (viewer === null) throw new AppError('unauthorized');
  if (row.authorId !== viewer.id) throw new AppError('forbidden', 'Only its author answers a modified adoption.');
  assertStageAllows('decideAmendments', ref.deliberation ?? null, now);
  if (row.status !== 'modified' || row.modifiedReplacement === null) throw new AppError('conflict', 'No modified wording waits for your answer.', undefined, { key: 'amendment_not_modified' });
  if (accept) adopt(row, { wording: row.modifiedReplacement, adjusted: false, deciderId: row.decidedBy, from: ['modified'], note: 'Adopté dans une rédaction modifiée, acceptée par son auteur·rice.', now });
  else decide(id, { status: 'open', modifiedReplacement: null, decisionNote: 'Rédaction modifiée proposée, déclinée par son auteur·rice.', now }, ['modified']);
  return getAmendment(viewer, id);
}

// ---------------------------------------------------------------------------------------------
// Votes of the members

export const putToVoteInput = z.object({
  closesAt: z.coerce.date(),
  quorum: z.number().int().min(0).max(100).default(0),
  majority: z.enum(MAJORITIES).default('simple'),
});
export type PutToVoteInput = z.input<typeof putToVoteInput>;

/** Puts one amendment to the vote of its space's members (for / against / abstention): it waits, `voting`, for the result. */
export function putAmendmentToVote(viewer: Viewer, id: string, raw: PutToVoteInput, opts: { now?: Date } = {}): { amendment: AmendmentView; pollId: string } {
  const now = opts.now ?? new Date();
  const { row, ref } = forDecider(viewer, id, now);
  const input = parseInput(putToVoteInput, raw);
  const pollId = db().transaction((tx) => {
    decide(id, { status: 'voting', now }, DECIDABLE, tx);
    return openPoll(
      tx,
      { pageId: row.pageId, subject: 'amendment', amendmentId: id, spaceId: ref.space.id, closesAt: input.closesAt, quorumPercent: input.quorum, majority: input.majority, openedBy: viewer!.id },
      now,
    );
  });
  return { amendment: getAmendment(viewer, id), pollId };
}

/** The option of a ranked passage vote that keeps the text as it is. */
export const CURRENT_WORDING = 'current';

/**
 * Puts every amendment of a passage waiting for a decision to one ranked vote, with the current
 * wording as a choice (Schulze): `groupId` is the passage's group. The winner is accepted, the
 * others rejected, when the vote closes.
 */
export function putPassageToVote(viewer: Viewer, groupId: string, raw: PutToVoteInput, opts: { now?: Date } = {}): { amendments: AmendmentView[]; pollId: string } {
  const now = opts.now ?? new Date();
  const { row, ref } = forDecider(viewer, groupId, now);
  const input = parseInput(putToVoteInput, raw);
  const pollId = db().transaction((tx) => {
    const rivals = tx
      .select({ id: amendments.id, number: amendments.number })
      .from(amendments)
      .where(and(eq(amendments.pageId, row.pageId), eq(amendments.groupId, row.groupId), inArray(amendments.status, [...DECIDABLE])))
      .orderBy(asc(amendments.number))
      .all();
    if (rivals.length === 0) throw notPending();
    for (const r of rivals) decide(r.id, { status: 'voting', now }, DECIDABLE, tx);
    const options = [...rivals.map((r) => ({ id: r.id, label: `Amendement n° ${r.number}`, amendmentId: r.id })), { id: CURRENT_WORDING, label: 'Rédaction actuelle', amendmentId: null }];
    return openPoll(
      tx,
      { pageId: row.pageId, subject: 'passage', groupId: row.groupId, options, spaceId: ref.space.id, closesAt: input.closesAt, quorumPercent: input.quorum, majority: input.majority, openedBy: viewer!.id },
      now,
    );
  });
  return { amendments: listAmendments(viewer, row.pageId).filter((a) => a.groupId === row.groupId), pollId };
}

// ---------------------------------------------------------------------------------------------
// Outcomes of votes (called by server/deliberations/poll-outcomes.ts)

/**
 * A vote adopted the amendment: applied like an acceptance, in a transactDocument of its own
 * (call it after the poll's transaction has committed). When its passage changed or is gone, it
 * goes back to `open` with a note so that the deciders apply it by hand (adjusted wording).
 */
export function acceptAmendmentByVote(id: string, opts: { now?: Date } = {}): 'accepted' | 'conflict' {
  const now = opts.now ?? new Date();
  const row = amendmentRow(id);
  try {
    adopt(row, { wording: row.replacement, adjusted: false, deciderId: null, from: ['voting'], note: 'Adopté par le vote des membres.', now });
    return 'accepted';
  } catch (e) {
    if (!(e instanceof AmendmentConflict)) throw e;
    decide(id, { status: 'open', decisionNote: 'Adopté par le vote des membres, mais le passage a changé depuis : à appliquer par les décideurs.', now }, ['voting']);
    return 'conflict';
  }
}

/** A vote rejected the amendment (in the poll's transaction). */
export function rejectAmendmentByVote(tx: Pick<DocumentTx, 'update'>, id: string, opts: { now?: Date; note?: string } = {}): void {
  decide(id, { status: 'rejected', decisionNote: opts.note ?? 'Rejeté par le vote des membres.', decidedBy: null, now: opts.now ?? new Date() }, ['voting'], tx);
}

// ---------------------------------------------------------------------------------------------
// The merge session

export type MergeSession = { pageId: string; groups: AmendmentGroup[]; pending: number };

/**
 * The deciders' screen: every amendment waiting for a decision, passage by passage in text
 * order, each with where its passage is now. Decisions are made with the functions above; each
 * reaches open editors live.
 */
export function mergeSession(viewer: Viewer, pageId: string, opts: { locale?: Locale; now?: Date } = {}): MergeSession {
  const now = opts.now ?? new Date();
  const { ref } = loadPage(pageId);
  authorizeDeliberation(viewer, 'decideAmendments', ref);
  assertStageAllows('decideAmendments', ref.deliberation ?? null, now);
  const groups = listAmendmentGroups(viewer, pageId, { status: PENDING_STATUSES, locale: opts.locale, now });
  return { pageId, groups, pending: groups.reduce((n, g) => n + g.amendments.length, 0) };
}

/** Ends a merge session by naming the resulting version of the text. */
export function closeMergeSession(viewer: Viewer, pageId: string, raw: { versionName: string }, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const { ref } = loadPage(pageId);
  authorizeDeliberation(viewer, 'decideAmendments', ref);
  assertStageAllows('decideAmendments', ref.deliberation ?? null, now);
  const { versionName } = parseInput(z.object({ versionName: z.string().trim().min(1).max(120) }), raw);
  return takeVersion(pageId, liveDocState(pageId), { kind: 'named', name: versionName, userId: viewer!.id, now })!;
}
