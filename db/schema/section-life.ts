/**
 * The section's life (issue 12): invitations by e-mail to join a section, join and transfer
 * requests, events (a page kind with a side table), their time slots, guests and RSVPs, and the
 * personal calendar-feed tokens.
 *
 * Privacy: a guest invited by e-mail lives in `event_guests` only, attached to one event; nothing
 * here copies a person into anyone's contacts. Addresses are read by the people who manage the
 * event's space and by nobody else (server/events).
 */
import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { spaces } from './spaces';
import { pages } from './pages';
import { EVENT_GUEST_SOURCES, EVENT_RESPONSES, MEMBERSHIP_REQUEST_STATUSES, SPACE_ROLES } from '../../lib/domain/enums';

export { EVENT_GUEST_SOURCES, EVENT_RESPONSES, MEMBERSHIP_REQUEST_STATUSES };

/**
 * A secretary invites an address to join a section (or an animator, a group): a signed link whose
 * token names this row; accepting makes the person a member (an account is created if needed).
 * Pending while none of `acceptedAt`, `revokedAt` is set and `expiresAt` is ahead.
 */
export const memberInvitations = sqliteTable(
  'member_invitations',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    spaceId: text('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** Normalised (trimmed, lower-case). */
    email: text('email').notNull(),
    role: text('role', { enum: SPACE_ROLES }).notNull().default('member'),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    /** A word from the inviter, copied into the mail. */
    message: text('message').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    lastSentAt: integer('last_sent_at', { mode: 'timestamp_ms' }).notNull(),
    sendCount: integer('send_count').notNull().default(1),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('member_invitations_space_idx').on(t.spaceId, t.createdAt), index('member_invitations_email_idx').on(t.email)],
);

/**
 * Someone asks to enter a space: a citizen asks to join the party in a section, a member asks to
 * join a group on request, or a member asks to move (`fromSpaceId`: their current section) to
 * another section. The space's secretaries (or the group's admins) accept or decline, with a
 * message; the person is told by mail and in the app.
 */
export const joinRequests = sqliteTable(
  'join_requests',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    spaceId: text('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A transfer: the section the member leaves when it is accepted (its secretaries are told). */
    fromSpaceId: text('from_space_id').references(() => spaces.id, { onDelete: 'set null' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: MEMBERSHIP_REQUEST_STATUSES }).notNull().default('pending'),
    /** The decider's words (a decline's reason), sent to the person. */
    answer: text('answer').notNull().default(''),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('join_requests_space_status_idx').on(t.spaceId, t.status, t.createdAt), index('join_requests_user_idx').on(t.userId, t.status)],
);

/**
 * An event: a page of kind `event` whose body is the agenda. Instants are stored in UTC and shown
 * in `timeZone` (Europe/Paris by default). The organising space is the page's space.
 */
export const events = sqliteTable(
  'events',
  {
    pageId: text('page_id')
      .primaryKey()
      .references(() => pages.id, { onDelete: 'cascade' }),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    /** The place's name and address, as written by the organiser; empty for an online event. */
    place: text('place').notNull().default(''),
    /** Optional point (WGS 84). */
    lat: real('lat'),
    lng: real('lng'),
    /** Seats for the whole event (null: no limit). With slots, each slot has its own. */
    capacity: integer('capacity'),
    /** The minutes page written after the event (« Rédiger le compte rendu »). */
    minutesPageId: text('minutes_page_id').references(() => pages.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('events_starts_idx').on(t.startsAt)],
);

/** A time slot of an event (a leafleting morning in three shifts), with its own capacity. */
export const eventSlots = sqliteTable(
  'event_slots',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    eventId: text('event_id')
      .notNull()
      .references(() => events.pageId, { onDelete: 'cascade' }),
    label: text('label').notNull().default(''),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    capacity: integer('capacity'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('event_slots_event_idx').on(t.eventId, t.position)],
);

/**
 * A person attached to an event: invited (a member, a group's member, an address) or registered
 * themself (a signed-in person, or an anonymous visitor of a public event, who confirms their
 * address by a link before it counts). One row per person and event: `userId` for an account,
 * `email` (normalised) for someone without one. `response` is null until they answer;
 * `waitlisted` while the event (or their slot) is full, in `waitlistedAt` order.
 */
export const eventGuests = sqliteTable(
  'event_guests',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    eventId: text('event_id')
      .notNull()
      .references(() => events.pageId, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text('email'),
    /** What an anonymous guest gave as their name (never shown outside the organisers). */
    name: text('name'),
    source: text('source', { enum: EVENT_GUEST_SOURCES }).notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    invitedAt: integer('invited_at', { mode: 'timestamp_ms' }),
    response: text('response', { enum: EVENT_RESPONSES }),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
    /** The slot they chose, when the event has slots. */
    slotId: text('slot_id').references(() => eventSlots.id, { onDelete: 'set null' }),
    waitlisted: integer('waitlisted', { mode: 'boolean' }).notNull().default(false),
    waitlistedAt: integer('waitlisted_at', { mode: 'timestamp_ms' }),
    /** Anonymous registrations count once the address is confirmed; invitations and accounts are confirmed from the start. */
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    attended: integer('attended', { mode: 'boolean' }).notNull().default(false),
    attendedAt: integer('attended_at', { mode: 'timestamp_ms' }),
    lastRemindedAt: integer('last_reminded_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('event_guests_event_user_idx').on(t.eventId, t.userId),
    uniqueIndex('event_guests_event_email_idx').on(t.eventId, t.email),
    index('event_guests_event_response_idx').on(t.eventId, t.response, t.waitlisted),
    index('event_guests_user_idx').on(t.userId),
  ],
);

/**
 * A personal calendar feed (`webcal://…/calendar.ics?token=…`): phone calendars send no cookie, so
 * the token is the credential. Only its SHA-256 is stored; revoking it makes the feed answer 404.
 * `spaceId` null: the person's own feed (« Mes événements »).
 */
export const calendarTokens = sqliteTable(
  'calendar_tokens',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    spaceId: text('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('calendar_tokens_user_idx').on(t.userId, t.spaceId)],
);
