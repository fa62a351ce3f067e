/**
 * Seats and the waiting list of an event. A seat is a confirmed « oui » that is not waitlisted;
 * « peut-être » and « non » take none. The event's capacity bounds all seats, a slot's capacity
 * the seats of that slot. A « oui » that finds no seat waits, in `waitlistedAt` order, and is
 * promoted as soon as a seat frees (someone cancels, changes slot, or the capacity grows).
 */
import { and, asc, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { eventGuests, eventSlots, events } from '@/db/schema';

type Tx = Pick<Db, 'select' | 'update'>;
export type EventRow = typeof events.$inferSelect;
export type SlotRow = typeof eventSlots.$inferSelect;
export type GuestRow = typeof eventGuests.$inferSelect;

const seated = (eventId: string) =>
  and(eq(eventGuests.eventId, eventId), eq(eventGuests.response, 'yes'), eq(eventGuests.waitlisted, false), isNotNull(eventGuests.confirmedAt));

/** Seats taken in the event, or in one of its slots. */
export function seatsTaken(tx: Pick<Db, 'select'>, eventId: string, slotId?: string): number {
  const where = slotId ? and(seated(eventId), eq(eventGuests.slotId, slotId)) : seated(eventId);
  return tx.select({ n: sql<number>`count(*)` }).from(eventGuests).where(where).get()?.n ?? 0;
}

/** Whether one more « oui » fits the event and, when given, its slot. */
export function hasSeat(tx: Pick<Db, 'select'>, event: EventRow, slot: SlotRow | null): boolean {
  if (event.capacity !== null && seatsTaken(tx, event.pageId) >= event.capacity) return false;
  if (slot && slot.capacity !== null && seatsTaken(tx, event.pageId, slot.id) >= slot.capacity) return false;
  return true;
}

/**
 * Gives freed seats to those waiting, first come first served (someone waiting for a full slot
 * does not hold back someone behind them waiting for another). Returns the guests promoted, whom
 * the caller tells by mail in the same transaction.
 */
export function fillFreedSeats(tx: Tx, event: EventRow, slots: readonly SlotRow[]): GuestRow[] {
  const waiting = tx
    .select()
    .from(eventGuests)
    .where(and(eq(eventGuests.eventId, event.pageId), eq(eventGuests.waitlisted, true), eq(eventGuests.response, 'yes'), isNotNull(eventGuests.confirmedAt)))
    .orderBy(asc(eventGuests.waitlistedAt), asc(eventGuests.id))
    .all();
  const promoted: GuestRow[] = [];
  for (const g of waiting) {
    if (event.capacity !== null && seatsTaken(tx, event.pageId) >= event.capacity) break;
    const slot = g.slotId ? (slots.find((s) => s.id === g.slotId) ?? null) : null;
    if (!hasSeat(tx, event, slot)) continue;
    tx.update(eventGuests).set({ waitlisted: false, waitlistedAt: null }).where(eq(eventGuests.id, g.id)).run();
    promoted.push({ ...g, waitlisted: false, waitlistedAt: null });
  }
  return promoted;
}

/** 1 for the first in line (for the same slot when the guest chose one). Null when not waiting. */
export function waitlistPosition(tx: Pick<Db, 'select'>, guest: GuestRow): number | null {
  if (!guest.waitlisted || !guest.waitlistedAt) return null;
  const ahead = tx
    .select({ n: sql<number>`count(*)` })
    .from(eventGuests)
    .where(
      and(
        eq(eventGuests.eventId, guest.eventId),
        eq(eventGuests.waitlisted, true),
        isNotNull(eventGuests.confirmedAt),
        guest.slotId ? eq(eventGuests.slotId, guest.slotId) : undefined,
        or(lt(eventGuests.waitlistedAt, guest.waitlistedAt), and(eq(eventGuests.waitlistedAt, guest.waitlistedAt), lt(eventGuests.id, guest.id))),
      ),
    )
    .get()?.n;
  return (ahead ?? 0) + 1;
}
