import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';

import { LOCALES, SITE_ROLES } from '../../lib/domain/enums';

export { LOCALES, SITE_ROLES };
export type { Locale, SiteRole } from '../../lib/domain/enums';

export const users = sqliteTable('users', {
  id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').unique(),
  emailVerified: integer('email_verified', { mode: 'timestamp_ms' }),
  image: text('image'),
  siteRole: text('site_role', { enum: SITE_ROLES }).notNull().default('citizen'),
  locale: text('locale', { enum: LOCALES }).notNull().default('fr'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  /** Set when the person deleted their account: name and e-mail are wiped, texts stay. */
  deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  /**
   * The invitation whose seat this account took when its sign-in link was asked for. Until the
   * link is opened (`emailVerified`), the account is pending: one never opened (a mistyped
   * address) is removed after a while and the seat given back.
   */
  pendingInvitationId: text('pending_invitation_id'),
  /** Created by the person themself while registration was open; removed if never confirmed. */
  selfRegistered: integer('self_registered', { mode: 'boolean' }).notNull().default(false),
});

// Tables below are the shapes @auth/drizzle-adapter expects (column names included).
export const accounts = sqliteTable(
  'accounts',
  {
    userId: text('userId').notNull().references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('providerAccountId').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = sqliteTable(
  'sessions',
  {
    sessionToken: text('sessionToken').primaryKey(),
    userId: text('userId').notNull().references(() => users.id, { onDelete: 'cascade' }),
    expires: integer('expires', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
    /** The browser's User-Agent when the session began: the sessions list names device and browser. */
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const verificationTokens = sqliteTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: integer('expires', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Personal API tokens; only a SHA-256 hash of the secret is stored. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
