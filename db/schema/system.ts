import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** Key/value site settings (e.g. `registrationOpen`). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;

/**
 * One queue table for everything that runs later: the mail outbox is the `mail` queue, the trash
 * purge, deadlines and digests are other queues. `dedupeKey` makes enqueueing idempotent.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    queue: text('queue').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('pending'),
    runAt: integer('run_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    /** Set when the handler began a step that must never run twice (a mail handed to SMTP). */
    deliveringSince: integer('delivering_since', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key').unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.runAt)],
);

/** Single-use signed tokens that were spent (by their id), so they cannot be spent twice. */
export const spentTokens = sqliteTable('spent_tokens', {
  tokenId: text('token_id').primaryKey(),
  purpose: text('purpose').notNull(),
  spentAt: integer('spent_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Invitation links that admit new citizens while registration is closed. */
export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  note: text('note').notNull().default(''),
  maxUses: integer('max_uses').notNull(),
  uses: integer('uses').notNull().default(0),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
});
