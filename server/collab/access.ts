/**
 * What a person may do with a page's live document: `edit`, `read` or nothing, as the policy's
 * `liveDocumentAccess` decides (citizens and anonymous readers read the published version, so
 * for them it is nothing).
 */
import { isAppError } from '@/lib/errors';
import { liveDocumentAccess, readsLiveText, type LiveDocumentAccess, type PageRef, type Viewer } from '@/server/policy';
import { loadPage } from '@/server/pages/load-page';

export type LiveAccess = LiveDocumentAccess;

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
  return liveDocumentAccess(viewer, ref);
}

/** Readers of the published version are refused without loading the page. */
export function liveAccess(viewer: Viewer, pageId: string): LiveAccess {
  return readsLiveText(viewer) ? liveDocumentAccess(viewer, pageRefOf(pageId)) : null;
}
