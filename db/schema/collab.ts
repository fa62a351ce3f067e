import { sqliteTable, text, integer, blob, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { pages } from './pages';

/**
 * The update log of a page's Yjs document: every accepted update is appended here before it is
 * applied to the room or relayed. Compaction folds the log into `page_docs.state`.
 */
export const pageUpdates = sqliteTable(
  'page_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pageId: text('page_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    data: blob('data', { mode: 'buffer' }).notNull(),
    userId: text('user_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('page_updates_page_idx').on(t.pageId, t.id)],
);

export const VERSION_KINDS = ['auto', 'named', 'published', 'restore'] as const;

/** Snapshots of a page's document: automatic, named by someone, or taken when publishing. */
export const pageVersions = sqliteTable(
  'page_versions',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    pageId: text('page_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: VERSION_KINDS }).notNull(),
    name: text('name'),
    title: text('title').notNull(),
    state: blob('state', { mode: 'buffer' }).notNull(),
    /** Plain text at that version, for the public reader and search of published texts. */
    text: text('text').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Everyone who changed the document since the previous version. */
    authorIds: text('author_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /**
     * The page's visibility when the version was taken. Widening a page does not open its earlier
     * versions to the new audience: a version is shown to those who could read the page then.
     * Null on rows from before: read as the narrowest (`space`).
     */
    visibility: text('visibility', { enum: ['public', 'members', 'space'] }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('page_versions_page_idx').on(t.pageId, t.createdAt)],
);

/** Wiki links extracted from every saved document: source links to target. */
export const pageLinks = sqliteTable(
  'page_links',
  {
    sourceId: text('source_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    targetId: text('target_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    /** Text around the first link, for the backlinks list. */
    snippet: text('snippet').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.targetId] }), index('page_links_target_idx').on(t.targetId)],
);

/**
 * The wiki links of each page's latest published version, for the backlinks that citizens and
 * anonymous readers see: they read published versions only, so a link that exists only in the
 * live text must not show them a referrer (nor its snippet). Replaced at every publication.
 */
export const pagePublicLinks = sqliteTable(
  'page_public_links',
  {
    sourceId: text('source_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    targetId: text('target_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    /** Text around the first link in the published text. */
    snippet: text('snippet').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.targetId] }), index('page_public_links_target_idx').on(t.targetId)],
);

export const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** Images pasted or dropped into a page: the bytes sit in DATA_DIR/uploads/<id>, served under the page's permissions. */
export const pageImages = sqliteTable(
  'page_images',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    pageId: text('page_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
    mime: text('mime', { enum: IMAGE_MIMES }).notNull(),
    size: integer('size').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('page_images_page_idx').on(t.pageId)],
);
