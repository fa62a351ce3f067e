/**
 * What a person may do with a page's live document, decided by the policy: `edit`, `read`
 * (party members who may read but not edit) or nothing. Citizens and anonymous readers never
 * see the live document (they read the published version), so for them it is nothing.
 */
import { isAppError } from '@/lib/errors';
import { canPage, isPartyMember, type Viewer } from '@/server/policy';
import { loadPage } from '@/server/pages/load-page';

export type LiveAccess = 'edit' | 'read' | null;

export function liveAccess(viewer: Viewer, pageId: string): LiveAccess {
  if (!isPartyMember(viewer)) return null;
  let ref;
  try {
    ref = loadPage(pageId).ref;
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
  if (!canPage(viewer, 'read', ref)) return null;
  return canPage(viewer, 'edit', ref) ? 'edit' : 'read';
}
