/**
 * Does an update bring anything a document does not already hold? A client that opens a page it
 * has cached (IndexedDB), or reconnects, answers the server's state vector with a SyncStep2 that
 * carries no new item but always the whole delete set: Yjs cannot tell which deletions the other
 * side knows. Storing such an update as an edit would make a visit look like a change
 * ("modifié depuis la publication", an automatic version, an author). Cost: a state lookup per
 * client of the update and a walk over the structs its deletions cover; the document is not touched.
 * `doc` may be given as a function: it is then asked for only when the update holds something to
 * compare (an empty update, a fresh client's SyncStep2, is judged without it).
 */
import * as Y from 'yjs';

export function bringsNothingNew(docOrGet: Y.Doc | (() => Y.Doc), decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  const hasDeletions = [...decoded.ds.clients.values()].some((ranges) => ranges.some((r) => r.len > 0));
  if (decoded.structs.length === 0 && !hasDeletions) return true;
  const doc = typeof docOrGet === 'function' ? docOrGet() : docOrGet;
  for (const s of decoded.structs) {
    // A struct past what the document holds for its client is new (or pending: keep it too).
    if (s.id.clock + s.length > Y.getState(doc.store, s.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      // Deleting what the document has not received yet is news (Yjs keeps it pending).
      if (!structs || clock + len > known) return false;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= clock + len) break;
        if (!s.deleted) return false;
      }
    }
  }
  return true;
}
