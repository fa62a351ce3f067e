/**
 * Writes to a page's document from outside the editor (API, forms): the change is computed as a
 * Yjs update against the live document, so open editors receive it at once and it merges with
 * concurrent edits. Goes through the open room when there is one (persist → apply → relay),
 * else straight to the update log. Derivation runs at once so readers see the result.
 */
import * as Y from 'yjs';
import { derivePage } from '@/server/pages/derive';
import { bringsNothingNew } from '@/lib/collab/novelty';
import { collabBridge } from './bridge';
import { collabConfig } from './config';
import { appendUpdate, compactStored, loadDocState } from './doc-store';

/** The document as it stands: the open room's, else the stored one (and then how long its log is). */
function currentDoc(pageId: string): { state: Uint8Array; logLength: number | null } {
  const live = collabBridge()?.liveState(pageId);
  return live ? { state: live, logLength: null } : loadDocState(pageId);
}

export function liveDocState(pageId: string): Uint8Array {
  return currentDoc(pageId).state;
}

export function writeDocument(pageId: string, userId: string, transform: (state: Uint8Array) => Uint8Array): Uint8Array {
  const { state: base, logLength } = currentDoc(pageId);
  const next = transform(base);
  const update = Y.diffUpdate(next, Y.encodeStateVectorFromUpdate(base));
  // The same text saved again (a form sent unchanged) is not an edit: no date, author or version moves.
  const current = new Y.Doc();
  Y.applyUpdate(current, base);
  const unchanged = bringsNothingNew(current, Y.decodeUpdate(update));
  current.destroy();
  if (unchanged) return base;
  if (!collabBridge()?.applyUpdate(pageId, update, userId)) {
    appendUpdate(pageId, update, userId);
    // No room folds this log (the CLI, a script): fold it here once it is long, so that opening
    // the page never replays a long history.
    if ((logLength ?? 0) + 1 >= collabConfig().compactEvery) compactStored(pageId);
  }
  const state = liveDocState(pageId);
  derivePage(pageId, state, [userId]);
  return state;
}
