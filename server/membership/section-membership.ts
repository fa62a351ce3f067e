/**
 * THE one place that puts a person into a section (issue 12). A party member belongs to exactly
 * one section: joining one (an accepted e-mail invitation, an accepted join request, an accepted
 * transfer) ends the membership of the previous one. Their pages stay where they are; their
 * groups and territorial roles are untouched (they stay a party member).
 *
 * `moveIntoSection` runs in the caller's transaction (the mail to the previous section's
 * secretaries is queued in it: a rolled-back move tells nobody); the caller then calls
 * `afterMembershipChange` after the commit, so that live sockets on pages the person can no longer
 * read close before the change answers.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { memberships, spaces, users, type SpaceRole } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { notifyAccessChanged } from '@/server/documents/live-rooms';
import { env } from '@/server/env';
import { queueMail } from '@/server/mail/outbox';
import { memberMovedMail } from '@/server/mail/templates';

export type MembershipTx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

export type MoveIntoSection = {
  userId: string;
  toSpaceId: string;
  /** `member` (default) or `secretary`. */
  role?: Extract<SpaceRole, 'member' | 'secretary'>;
  /** Who made it happen (the accepting secretary, or the invitee themself); kept for the callers' records. */
  byUserId: string | null;
};

export type MoveResult = {
  /** The section the person left, or null (they were in none, or already in this one). */
  fromSpaceId: string | null;
  /** False when they already were a member of `toSpaceId` (nothing changed). */
  changed: boolean;
};

/**
 * Puts `userId` into the section `toSpaceId`, in `tx`:
 * - already a member of it: nothing changes (their role and « membre depuis » stay);
 * - otherwise their previous section membership ends, the account becomes a party member
 *   (`citizen` → `member`; an admin stays an admin), the membership is written with today's date,
 *   and the previous section's secretaries are told « X a rejoint la section Y » (no reason).
 * Throws not_found for an unknown or deleted account, invalid_input when the space is not a section.
 */
export function moveIntoSection(tx: MembershipTx, input: MoveIntoSection): MoveResult {
  const role = input.role ?? 'member';
  if (role !== 'member' && role !== 'secretary') throw new AppError('invalid_input', 'This role does not exist in a section.', 'role');
  const to = tx.select({ id: spaces.id, kind: spaces.kind, name: spaces.name }).from(spaces).where(eq(spaces.id, input.toSpaceId)).get();
  if (!to) throw new AppError('not_found');
  if (to.kind !== 'section') throw new AppError('invalid_input', 'A person is moved into a section only.', 'spaceId');
  const person = tx
    .select({ id: users.id, name: users.name, email: users.email, siteRole: users.siteRole })
    .from(users)
    .where(and(eq(users.id, input.userId), isNull(users.deletedAt)))
    .get();
  if (!person) throw new AppError('not_found');

  const current = tx
    .select({ spaceId: memberships.spaceId, name: spaces.name })
    .from(memberships)
    .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
    .where(and(eq(memberships.userId, person.id), eq(spaces.kind, 'section')))
    .all();
  if (current.some((m) => m.spaceId === to.id)) {
    if (person.siteRole === 'citizen') tx.update(users).set({ siteRole: 'member' }).where(eq(users.id, person.id)).run();
    // A stray second section (never written by this module) would break the one-section rule: end it.
    for (const m of current) if (m.spaceId !== to.id) tx.delete(memberships).where(and(eq(memberships.userId, person.id), eq(memberships.spaceId, m.spaceId))).run();
    return { fromSpaceId: null, changed: current.length > 1 };
  }

  for (const m of current) tx.delete(memberships).where(and(eq(memberships.userId, person.id), eq(memberships.spaceId, m.spaceId))).run();
  if (person.siteRole === 'citizen') tx.update(users).set({ siteRole: 'member' }).where(eq(users.id, person.id)).run();
  tx.insert(memberships).values({ userId: person.id, spaceId: to.id, role, createdAt: new Date() }).run();

  const from = current[0] ?? null;
  if (from) {
    // Named as the secretaries knew them: their name, else the address they saw in the members list.
    const who = person.name?.trim() || person.email || '';
    const secretaries = tx
      .select({ email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.spaceId, from.spaceId), eq(memberships.role, 'secretary'), ne(users.siteRole, 'citizen'), ne(users.id, person.id), isNull(users.deletedAt)))
      .all();
    for (const s of secretaries) {
      if (!s.email) continue;
      queueMail(tx, memberMovedMail(s.email, { person: who, from: from.name, section: to.name, url: `${env().AUTH_URL}/espaces/${from.spaceId}/membres` }, s.locale));
    }
  }
  return { fromSpaceId: from?.spaceId ?? null, changed: true };
}

/**
 * After the commit of a membership change: live sockets of these people on pages they can no
 * longer read close (or fall back to read-only) before the change answers.
 */
export function afterMembershipChange(userIds: readonly string[]): void {
  if (userIds.length > 0) notifyAccessChanged({ userIds });
}
