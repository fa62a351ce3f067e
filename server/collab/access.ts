/**
 * What a person may do with a page's live document, decided by the policy: `edit`, `read`
 * (party members who may read but not edit) or nothing. Citizens and anonymous readers never
 * see the live document (they read the published version), so for them it is nothing.
 */
import { isAppError } from '@/lib/errors';
import { canPage, isPartyMember, type PageRef, type Viewer } from '@/server/policy';
import { loadPage } from '@/server/pages/load-page';

export type LiveAccess = 'edit' | 'read' | null;

/** The page as the policy sees it, or null when it does not exist. */
export function pageRefOf(pageId: string): PageRef | null {
  try {
    return loadPage(pageId).ref;
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
}

/** Access to a page already loaded (a re-check loads each open page once for all its sockets). */
export function accessTo(viewer: Viewer, ref: PageRef | null): LiveAccess {
  if (!ref || !isPartyMember(viewer) || !canPage(viewer, 'read', ref)) return null;
  return canPage(viewer, 'edit', ref) ? 'edit' : 'read';
}

export function liveAccess(viewer: Viewer, pageId: string): LiveAccess {
  return isPartyMember(viewer) ? accessTo(viewer, pageRefOf(pageId)) : null;
}
