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

export function liveDocState(pageId: string): Uint8Array {
  return collabBridge()?.liveState(pageId) ?? loadDocState(pageId).state;
}

export function writeDocument(pageId: string, userId: string, transform: (state: Uint8Array) => Uint8Array): Uint8Array {
  const live = collabBridge()?.liveState(pageId) ?? null;
  const loaded = live ? null : loadDocState(pageId);
  const base = live ?? loaded!.state;
  const next = transform(base);
  const update = Y.diffUpdate(next, Y.encodeStateVectorFromUpdate(base));
  // The same text saved again (a form sent unchanged) is not an edit: no date, author or version moves.
  const current = new Y.Doc();
  Y.applyUpdate(current, base);
  const unchanged = bringsNothingNew(current, Y.decodeUpdate(update));
  current.destroy();
  if (unchanged) return base;
  const bridge = collabBridge();
  if (!bridge?.applyUpdate(pageId, update, userId)) {
    appendUpdate(pageId, update, userId);
    // No room folds this log (the CLI, a script): fold it here once it is long, so that opening
    // the page never replays a long history.
    if (loaded && loaded.logLength + 1 >= collabConfig().compactEvery) compactStored(pageId);
  }
  const state = liveDocState(pageId);
  derivePage(pageId, state, [userId]);
  return state;
}
