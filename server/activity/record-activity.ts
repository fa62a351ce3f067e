/**
 * What happened to a page, for the home page's activity stream. Called by the page services
 * after the change is written; never fails the change it reports (a lost activity row is a
 * shorter stream, a failed publication is a lost word).
 *
 * Edits are coalesced: one row per page and person per hour — typing for an hour is one
 * « a modifié », dated at the last change; edits just after creating the page stay « a créé ».
 */
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { activities, pages, type ActivityVerb, type PageStatus } from '@/db/schema';

export const EDIT_COALESCE_MS = 3_600_000;

export function recordActivity(pageId: string, actorId: string | null, verb: Exclude<ActivityVerb, 'joined'>, now = new Date()): void {
  try {
    db().transaction((tx) => {
      const page = tx.select({ spaceId: pages.spaceId }).from(pages).where(eq(pages.id, pageId)).get();
      if (!page) return;
      if (verb === 'edited' && actorId) {
        const recent = tx
          .select({ id: activities.id, verb: activities.verb })
          .from(activities)
          .where(
            and(
              eq(activities.pageId, pageId),
              eq(activities.actorId, actorId),
              inArray(activities.verb, ['created', 'edited']),
              gt(activities.createdAt, new Date(now.getTime() - EDIT_COALESCE_MS)),
            ),
          )
          .orderBy(desc(activities.createdAt))
          .limit(1)
          .get();
        if (recent) {
          if (recent.verb === 'edited') tx.update(activities).set({ createdAt: now }).where(eq(activities.id, recent.id)).run();
          return;
        }
      }
      tx.insert(activities).values({ spaceId: page.spaceId, pageId, actorId, verb, createdAt: now }).run();
    });
  } catch (e) {
    console.error('[activity] not recorded:', e instanceof Error ? e.message : 'unknown');
  }
}

/** Everyone who changed the page's text in one derivation. */
export function recordEdits(pageId: string, editorIds: readonly string[], now = new Date()): void {
  for (const id of new Set(editorIds)) recordActivity(pageId, id, 'edited', now);
}

/**
 * What a change of a page's title or status means in the stream (renamed, published, archived,
 * returned to draft). Called before the change is written, so the title it compares is the old one.
 */
export function recordPageUpdate(pageId: string, actorId: string, statusBefore: PageStatus, patch: { title?: string; status?: PageStatus }, now = new Date()): void {
  const before = db().select({ title: pages.title }).from(pages).where(eq(pages.id, pageId)).get();
  if (patch.title !== undefined && before && patch.title !== before.title) recordActivity(pageId, actorId, 'renamed', now);
  if (patch.status === undefined || patch.status === statusBefore) return;
  recordActivity(pageId, actorId, patch.status === 'published' ? 'published' : patch.status === 'archived' ? 'archived' : 'unpublished', now);
}
