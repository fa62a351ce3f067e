/**
 * Deciding texts (issue 11): a motion's or an amendable chapter's stage and settings, its stage
 * timeline, signatures, amendments and their supports, polls and their ballots.
 *
 * Ballot secrecy lives in the shape of two tables: `poll_voters` says who may vote and whether they
 * did (no time), `poll_ballots` holds choices with no voter, no time and a random key in a
 * WITHOUT ROWID table, so neither a column nor the storage order links a choice to a voter.
 */
import { sqliteTable, text, integer, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { spaces } from './spaces';
import { pages } from './pages';
import { pageVersions } from './collab';
import {
  AMENDMENT_OPS,
  AMENDMENT_STATUSES,
  DELIBERATION_PROCEDURES,
  DELIBERATION_STAGES,
  MAJORITIES,
  POLL_STATUSES,
  POLL_SUBJECTS,
} from '../../lib/domain/enums';

export { AMENDMENT_OPS, AMENDMENT_STATUSES, DELIBERATION_PROCEDURES, DELIBERATION_STAGES, MAJORITIES, POLL_STATUSES, POLL_SUBJECTS };

/** The deliberation on a page: one row for a motion (from its creation) or a chapter opened for amendments. */
export const deliberations = sqliteTable(
  'deliberations',
  {
    pageId: text('page_id')
      .primaryKey()
      .references(() => pages.id, { onDelete: 'cascade' }),
    procedure: text('procedure', { enum: DELIBERATION_PROCEDURES }).notNull(),
    stage: text('stage', { enum: DELIBERATION_STAGES }).notNull(),
    /** When the stage began (the timeline has every change). */
    stageSince: integer('stage_since', { mode: 'timestamp_ms' }).notNull(),
    /** The named version frozen when the motion was filed. */
    filedVersionId: text('filed_version_id').references(() => pageVersions.id, { onDelete: 'set null' }),
    /** Amendments are proposed until then (the job closes the stage at this time). */
    amendmentsCloseAt: integer('amendments_close_at', { mode: 'timestamp_ms' }),
    /** Signatures a filed motion needs, from at least `requiredSections` sections (copied from the space's settings when filed). */
    requiredSignatures: integer('required_signatures').notNull().default(0),
    requiredSections: integer('required_sections').notNull().default(0),
    /**
     * Line numbers of the current stage, frozen: JSON `{ stage, lineLength, lines: [relative
     * position of each line's first character, base64] }` (see server/motions/line-numbers).
     */
    lineMap: text('line_map', { mode: 'json' }),
    /** The motion's result once decided: JSON (counts, quorum reached, why). */
    outcome: text('outcome', { mode: 'json' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('deliberations_stage_idx').on(t.stage)],
);

/** Every stage change: who, when, from what to what (the page's timeline). */
export const stageChanges = sqliteTable(
  'stage_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pageId: text('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: DELIBERATION_STAGES }),
    toStage: text('to_stage', { enum: DELIBERATION_STAGES }).notNull(),
    /** Null when the clock made it (a deadline's job). */
    byUserId: text('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** Why, in words (e.g. « quorum non atteint »), when there is something to say. */
    note: text('note'),
  },
  (t) => [index('stage_changes_page_idx').on(t.pageId, t.id)],
);

/** A party member's signature of a filed motion, with the section they signed from. */
export const motionSignatures = sqliteTable(
  'motion_signatures',
  {
    pageId: text('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The signatory's section when they signed (null: they had none). */
    sectionId: text('section_id').references(() => spaces.id, { onDelete: 'set null' }),
    signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull(),
    /** The page's text hash they signed or last confirmed (a later accepted amendment asks them again). */
    confirmedHash: text('confirmed_hash'),
    /**
     * The id of a version holding the text they signed or confirmed (the filed version while the
     * motion is filed): the diff since is shown from it. A state vector would not do: the live
     * document is garbage-collected, deleted words could not be rebuilt from it.
     */
    confirmedState: text('confirmed_state'),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.userId] }), index('motion_signatures_section_idx').on(t.pageId, t.sectionId)],
);

/** A proposed change to a passage of a text open for amendments. */
export const amendments = sqliteTable(
  'amendments',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    pageId: text('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    /** Per page, from 1: « Amendement n° 3 ». */
    number: integer('number').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The amender's section when they proposed it. */
    sectionId: text('section_id').references(() => spaces.id, { onDelete: 'set null' }),
    op: text('op', { enum: AMENDMENT_OPS }).notNull(),
    /** The passage (server/documents/anchors PassageAnchor: start, end, quote, before, after), JSON. */
    anchor: text('anchor', { mode: 'json' }).notNull(),
    /** New words (replace, insert_after); '' for delete. */
    replacement: text('replacement').notNull().default(''),
    justification: text('justification').notNull().default(''),
    status: text('status', { enum: AMENDMENT_STATUSES }).notNull().default('open'),
    /** Amendments on overlapping passages share a group (the first one's id): rivals are compared side by side. */
    groupId: text('group_id').notNull(),
    /** Lines of the stage's frozen numbering the passage spans when proposed (« L12–14 »). */
    lineFrom: integer('line_from'),
    lineTo: integer('line_to'),
    /** The deciders' wording (modified adoption), which the amender accepts or declines. */
    modifiedReplacement: text('modified_replacement'),
    /** Why it was rejected, or what the decision says. */
    decisionNote: text('decision_note'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('amendments_page_number_idx').on(t.pageId, t.number), index('amendments_page_status_idx').on(t.pageId, t.status), index('amendments_group_idx').on(t.pageId, t.groupId)],
);

/** A party member's support of an amendment, with their section (counts by section). */
export const amendmentSupports = sqliteTable(
  'amendment_supports',
  {
    amendmentId: text('amendment_id')
      .notNull()
      .references(() => amendments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sectionId: text('section_id').references(() => spaces.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.userId] })],
);

/**
 * A vote of a space's members: on a motion (for/against/abstain), on one amendment (same), or on
 * the rival wordings of a passage (ranked; Schulze). Results are written when it closes.
 */
export const polls = sqliteTable(
  'polls',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    pageId: text('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    subject: text('subject', { enum: POLL_SUBJECTS }).notNull(),
    /** The amendment voted on (subject `amendment`), or the passage's group (subject `passage`). */
    amendmentId: text('amendment_id').references(() => amendments.id, { onDelete: 'cascade' }),
    groupId: text('group_id'),
    /** Ranked polls: the choices, JSON `[{ id, label, amendmentId | null }]` (null: the current wording). */
    options: text('options', { mode: 'json' }),
    /** The space whose members vote (fixed with the voters' list when it opens). */
    spaceId: text('space_id')
      .notNull()
      .references(() => spaces.id),
    status: text('status', { enum: POLL_STATUSES }).notNull().default('open'),
    opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
    closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
    /** Ballots needed (share of the voters, 0–100 percent) for the result to stand; 0: none. */
    quorumPercent: integer('quorum_percent').notNull().default(0),
    majority: text('majority', { enum: MAJORITIES }).notNull().default('simple'),
    openedBy: text('opened_by').references(() => users.id, { onDelete: 'set null' }),
    /** Written when it closes: JSON counts (or ranking), turnout, quorum reached, outcome. */
    result: text('result', { mode: 'json' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('polls_page_idx').on(t.pageId), index('polls_open_closes_idx').on(t.status, t.closesAt)],
);

/** Who may vote in a poll (the space's members when it opened) and whether they did; never when, never how. */
export const pollVoters = sqliteTable(
  'poll_voters',
  {
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    voted: integer('voted', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.userId] })],
);

/**
 * The choices. No voter, no time, a random key; WITHOUT ROWID (see the migration), so rows sit in
 * key order, not in the order they came. `receiptHash`: SHA-256 of the receipt code given once to
 * the voter, who can check their ballot is counted.
 */
export const pollBallots = sqliteTable(
  'poll_ballots',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    /** `for` | `against` | `abstain`, or for a ranked poll JSON of option ids best first (ties as arrays). */
    choice: text('choice').notNull(),
    receiptHash: text('receipt_hash').notNull(),
  },
  (t) => [index('poll_ballots_poll_idx').on(t.pollId), uniqueIndex('poll_ballots_receipt_idx').on(t.receiptHash)],
);
