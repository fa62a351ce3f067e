import { sqliteTable, text, integer, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

import { SPACE_KINDS, SPACE_ROLES } from '../../lib/domain/enums';

export { SPACE_KINDS, SPACE_ROLES };
export type { SpaceKind, SpaceRole } from '../../lib/domain/enums';

export const spaces = sqliteTable(
  'spaces',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    kind: text('kind', { enum: SPACE_KINDS }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    parentId: text('parent_id'),
    /**
     * Materialised path of ids from the national space down to this one, `/a/b/c/`. Lets
     * "secretaries of the spaces above" be a prefix test, in code and in SQL alike.
     */
    path: text('path').notNull(),
    /** Groups only: anyone in the party may join an open group. */
    isOpen: integer('is_open', { mode: 'boolean' }).notNull().default(true),
    /** Signatures a motion filed in this space needs, and from how many different sections (0: none). */
    motionSignatures: integer('motion_signatures').notNull().default(0),
    motionSections: integer('motion_sections').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('spaces_parent_idx').on(t.parentId), index('spaces_kind_name_idx').on(t.kind, t.name), index('spaces_path_idx').on(t.path)],
);

export const memberships = sqliteTable(
  'memberships',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    spaceId: text('space_id').notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    role: text('role', { enum: SPACE_ROLES }).notNull().default('member'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.userId, t.spaceId] }), index('memberships_space_idx').on(t.spaceId, t.role)],
);

/**
 * Someone asked to join a space by one of its animators: nobody is put into a group without
 * their consent. The invitee accepts or declines; the adder is told the same whatever the address.
 */
export const spaceInvitations = sqliteTable(
  'space_invitations',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    spaceId: text('space_id').notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    role: text('role', { enum: SPACE_ROLES }).notNull().default('member'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('space_invitations_user_idx').on(t.userId), uniqueIndex('space_invitations_space_user_idx').on(t.spaceId, t.userId)],
);
