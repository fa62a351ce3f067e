import { sqliteTable, text, integer, blob, primaryKey, index, real } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { spaces } from './spaces';

import { ACTIVITY_VERBS, PAGE_KINDS, PAGE_STATUSES, VISIBILITIES } from '../../lib/domain/enums';

export { ACTIVITY_VERBS, PAGE_KINDS, PAGE_STATUSES, VISIBILITIES };
export type { ActivityVerb, PageKind, PageStatus, Visibility } from '../../lib/domain/enums';

export const pages = sqliteTable(
  'pages',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    spaceId: text('space_id').notNull().references(() => spaces.id),
    kind: text('kind', { enum: PAGE_KINDS }).notNull().default('document'),
    title: text('title').notNull(),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('space'),
    status: text('status', { enum: PAGE_STATUSES }).notNull().default('draft'),
    /** Plain text derived from the body, for lists, snippets and (later) search. */
    text: text('text').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    /** The version citizens and anonymous readers see (publishing takes a named version). */
    publishedVersionId: text('published_version_id'),
    /** When the live document last changed (the public sees "modifié depuis la publication"). */
    contentUpdatedAt: integer('content_updated_at', { mode: 'timestamp_ms' }),
    /** The live document as it was at this time is already a version (a pause found nothing new). */
    versionedThrough: integer('versioned_through', { mode: 'timestamp_ms' }),
    /** Soft delete: the page sits in its space's trash for 30 days. */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    deletedBy: text('deleted_by').references(() => users.id, { onDelete: 'set null' }),
    /** The page this one nests under in its space's tree (a chapter and its sub-pages); null at the top. */
    parentId: text('parent_id'),
    /** Order among siblings of the tree (smaller first; fractional so a move writes one row). */
    position: real('position').notNull().default(0),
    /**
     * Hash of the derived ProseMirror JSON: derivation moves `contentUpdatedAt` only when the
     * text really changed (a letter typed and deleted is no change).
     */
    contentHash: text('content_hash'),
  },
  (t) => [
    // Lists are "newest first, by (updatedAt, id)": each index ends with both so SQLite walks it in
    // order and stops at the page size (measured on 200,000 pages: 1.4 s → 5 ms).
    index('pages_space_updated_id_idx').on(t.spaceId, t.updatedAt, t.id),
    index('pages_updated_id_idx').on(t.updatedAt, t.id),
    index('pages_vis_updated_id_idx').on(t.visibility, t.updatedAt, t.id),
    index('pages_parent_position_idx').on(t.spaceId, t.parentId, t.position),
  ],
);

/**
 * Stewards of a page beyond its creator and the space's animators: co-authors the creator (or an
 * animator) named, by a deliberate act. Stewardship steers the page's life (publish, archive,
 * delete, visibility); typing in a page never grants it.
 */
export const pageStewards = sqliteTable(
  'page_stewards',
  {
    pageId: text('page_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    addedBy: text('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.userId] }), index('page_stewards_user_idx').on(t.userId)],
);

/**
 * Which person each Yjs client id of a page's document belongs to (the first person whose
 * accepted update used it). Authorship is read from the document through it: a person is an
 * author while text they inserted is still there (or was in a saved version); it also lets the
 * data export hold what the person wrote and nothing else.
 */
export const pageDocClients = sqliteTable(
  'page_doc_clients',
  {
    pageId: text('page_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    clientId: integer('client_id').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.clientId] }), index('page_doc_clients_user_idx').on(t.userId)],
);


/**
 * What happened in a space, for the home page's activity stream (grouped per page there). Edits
 * are coalesced: one `edited` row per page and person per hour at most.
 */
export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    spaceId: text('space_id').notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    pageId: text('page_id').references(() => pages.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    verb: text('verb', { enum: ACTIVITY_VERBS }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('activities_space_created_idx').on(t.spaceId, t.createdAt), index('activities_page_actor_idx').on(t.pageId, t.actorId, t.createdAt)],
);

export const pageAuthors = sqliteTable(
  'page_authors',
  {
    pageId: text('page_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.userId] }), index('page_authors_user_idx').on(t.userId)],
);

/** The page body as a Yjs document (state as update), kept from the first day. */
export const pageDocs = sqliteTable('page_docs', {
  pageId: text('page_id').primaryKey().references(() => pages.id, { onDelete: 'cascade' }),
  state: blob('state', { mode: 'buffer' }).notNull(),
  /**
   * `state`'s state vector, written with it: a room opening a page answers the first client
   * from these two columns without decoding the document. Null on rows written before it.
   */
  stateVector: blob('state_vector', { mode: 'buffer' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
});
