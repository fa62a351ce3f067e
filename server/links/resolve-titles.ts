/**
 * The current titles of wiki-link targets, as one viewer may see them: a link shows its target's
 * title only when the viewer may read the target (citizens and anonymous readers: its published title). Unreadable, deleted or unknown targets all
 * answer `null` (the UI shows "page privée"), so a title never leaks through a link.
 */
import { and, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { pages } from '@/db/schema';
import { titleSeenBy } from '@/server/pages/seen-by';
import { readableWhere, type Viewer } from '@/server/policy';

/** Most ids resolved in one call (a page with more distinct links resolves in several calls). */
export const MAX_RESOLVE_IDS = 500;

/**
 * Maps every requested id to the target's current title, or `null` when the viewer may not read
 * it (or it does not exist). Ids beyond MAX_RESOLVE_IDS are ignored.
 */
export function resolveLinkTitles(viewer: Viewer, ids: readonly string[]): Record<string, string | null> {
  const wanted = [...new Set(ids.filter((id) => typeof id === 'string' && id.length > 0 && id.length <= 64))].slice(0, MAX_RESOLVE_IDS);
  const out: Record<string, string | null> = {};
  for (const id of wanted) out[id] = null;
  if (wanted.length === 0) return out;
  const rows = db()
    .select({ id: pages.id, title: titleSeenBy(viewer) })
    .from(pages)
    .where(and(inArray(pages.id, wanted), readableWhere(viewer)))
    .all();
  for (const r of rows) out[r.id] = r.title;
  return out;
}
