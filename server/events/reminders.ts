/**
 * « Relancer ceux qui n'ont pas répondu »: a second mail, with the same three links, to the
 * guests an organiser invited who have not answered. Nobody is reminded twice within an hour
 * (nor within an hour of their invitation), however often the button is pressed.
 */
import { and, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { eventGuests } from '@/db/schema';
import { authorizePage, type Viewer } from '@/server/policy';
import { loadEvent, queueInvitations } from './guests';
import { AppError } from '@/lib/errors';

export const REMINDER_GAP_MS = 3_600_000;

export function remindNonResponders(viewer: Viewer, eventId: string, opts: { now?: Date } = {}): { reminded: number } {
  const now = opts.now ?? new Date();
  const ctx = loadEvent(eventId);
  authorizePage(viewer, 'manageEvent', ctx.page.ref);
  if (ctx.event.endsAt.getTime() <= now.getTime()) throw new AppError('conflict', 'This event is over: answers are closed.', undefined, { key: 'eventOver' });
  const before = new Date(now.getTime() - REMINDER_GAP_MS);
  return db().transaction((tx) => {
    const due = tx
      .select()
      .from(eventGuests)
      .where(
        and(
          eq(eventGuests.eventId, eventId),
          isNull(eventGuests.response),
          inArray(eventGuests.source, ['member', 'group', 'email']),
          isNotNull(eventGuests.invitedAt),
          lte(eventGuests.invitedAt, before),
          or(isNull(eventGuests.lastRemindedAt), lte(eventGuests.lastRemindedAt, before)),
        ),
      )
      .all();
    for (let i = 0; i < due.length; i += 500) {
      tx.update(eventGuests)
        .set({ lastRemindedAt: now })
        .where(inArray(eventGuests.id, due.slice(i, i + 500).map((g) => g.id)))
        .run();
    }
    return { reminded: queueInvitations(tx, ctx, due, { reminder: true, now }) };
  });
}
