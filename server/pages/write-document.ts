/**
 * Writes to a page's document from outside the editor (API, forms): the change is computed as a
 * Yjs update against the live document (transactDocument), so open editors receive it at once
 * and it merges with concurrent edits. Derivation runs at once so readers see the result.
 */
import * as Y from 'yjs';
import { transactDocument } from '@/server/documents/transact';
import { derivePage } from './derive';

/**
 * Replaces the document with `transform(current state)`, as the minimal change between the two.
 * The same text saved again (a form sent unchanged) is not an edit: no date, author or version
 * moves. Returns the document as it then stands.
 */
export function writeDocument(pageId: string, userId: string, transform: (state: Uint8Array) => Uint8Array): Uint8Array {
  const { state, update } = transactDocument(pageId, userId, (doc) => {
    const base = Y.encodeStateAsUpdate(doc);
    Y.applyUpdate(doc, Y.diffUpdate(transform(base), Y.encodeStateVectorFromUpdate(base)));
  });
  if (update) derivePage(pageId, state, [userId]);
  return state;
}
