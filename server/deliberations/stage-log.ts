/**
 * A deciding text's stage: read it, and change it with its trace (who, when, from what, why) in
 * the caller's transaction. The one writer of `deliberations.stage`: motions, amendments and votes
 * all change stages through here, so the timeline is never missing a step.
 */
import { asc, eq } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { deliberations, stageChanges, users } from '@/db/schema';
import type { DeliberationProcedure, DeliberationStage } from '@/lib/domain/enums';
import { notifyAccessChanged } from '@/server/documents/live-rooms';

export type DeliberationRow = typeof deliberations.$inferSelect;
type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export function getDeliberation(pageId: string, tx: Tx = db()): DeliberationRow | null {
  return tx.select().from(deliberations).where(eq(deliberations.pageId, pageId)).get() ?? null;
}

/** A motion from its creation (stage `draft`), or a chapter opened for amendments the first time. */
export function startDeliberation(tx: Tx, pageId: string, procedure: DeliberationProcedure, stage: DeliberationStage, byUserId: string | null, opts: { set?: Partial<Omit<DeliberationRow, 'pageId' | 'procedure' | 'stage' | 'stageSince' | 'updatedAt'>>; now?: Date } = {}): void {
  const now = opts.now ?? new Date();
  tx.insert(deliberations).values({ ...opts.set, pageId, procedure, stage, stageSince: now, updatedAt: now }).run();
  tx.insert(stageChanges).values({ pageId, fromStage: null, toStage: stage, byUserId, at: now, note: null }).run();
}

/**
 * Moves the text to `to` (with `set`: the stage's settings, e.g. a deadline) and records it, in
 * the caller's transaction. `byUserId` null: the clock did it (a deadline's job). Once the
 * transaction has committed, call `afterStageChange(pageId)`.
 */
export function recordStageChange(
  tx: Tx,
  pageId: string,
  to: DeliberationStage,
  byUserId: string | null,
  opts: { note?: string | null; set?: Partial<Omit<DeliberationRow, 'pageId' | 'stage' | 'stageSince'>>; now?: Date } = {},
): void {
  const now = opts.now ?? new Date();
  const current = getDeliberation(pageId, tx);
  if (!current) throw new Error(`No deliberation on page ${pageId}`);
  tx.update(deliberations)
    .set({ ...opts.set, stage: to, stageSince: now, updatedAt: now })
    .where(eq(deliberations.pageId, pageId))
    .run();
  tx.insert(stageChanges).values({ pageId, fromStage: current.stage, toStage: to, byUserId, at: now, note: opts.note ?? null }).run();
}

/** The stage's rights changed (who may type in the text): open sockets are re-checked. Call after commit. */
export function afterStageChange(pageId: string): void {
  notifyAccessChanged({ pageIds: [pageId] });
}

export type TimelineEntry = { from: DeliberationStage | null; to: DeliberationStage; at: Date; byName: string | null; byUserId: string | null; note: string | null };

/** The text's stages, oldest first. Names are for party members (the caller has checked who reads). */
export function stageTimeline(pageId: string): TimelineEntry[] {
  return db()
    .select({ from: stageChanges.fromStage, to: stageChanges.toStage, at: stageChanges.at, byName: users.name, byUserId: stageChanges.byUserId, note: stageChanges.note })
    .from(stageChanges)
    .leftJoin(users, eq(users.id, stageChanges.byUserId))
    .where(eq(stageChanges.pageId, pageId))
    .orderBy(asc(stageChanges.id))
    .all();
}
