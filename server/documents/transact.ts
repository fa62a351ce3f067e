/**
 * Targeted changes to a page's document from the server (a form, the API, accepting an
 * amendment, restoring a version), committed with the caller's rows or not at all.
 *
 * The change is made on a scratch copy of the document as it stands (the open room's, else the
 * stored one) and captured as one Yjs update. Inside one SQLite transaction: the caller's
 * callback runs (its rows go through `tx`), the update is checked against the schema and appended
 * to the log, its new client ids recorded as the actor's. Only once that transaction has
 * committed is the update applied to the open room, which relays it. Everything here is
 * synchronous (better-sqlite3), so no client update can slip in between reading the room's
 * state and applying the change: it lands between two of their updates and loses none of them.
 * If the callback or the transaction throws, nothing is stored and no client sees anything.
 */
import * as Y from 'yjs';
import { db, type Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { compactEveryDefault } from './config';
import { refuseDocumentUpdate } from './guard';
import { currentDoc } from './live-state';
import { liveRooms } from './live-rooms';
import { appendUpdate, compactStored, structClients } from './store';

/** The transaction handle the callback writes its rows through. */
export type DocumentTx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DocumentChange<T> = {
  /** What the callback returned. */
  value: T;
  /** The document after the change, as one update. */
  state: Uint8Array;
  /** The change as stored and relayed; null when the callback changed nothing. */
  update: Uint8Array | null;
};

/**
 * Runs `change(doc, tx)` on a copy of page `pageId`'s document inside one transaction and
 * stores what it changed, owned by `actor`, then hands it to the open room. `change` must be
 * synchronous. Throws what `change` throws, `invalid_input` when the change adds what the body
 * cannot hold (nothing stored either way).
 */
export function transactDocument<T>(pageId: string, actor: string | null, change: (doc: Y.Doc, tx: DocumentTx) => T): DocumentChange<T> {
  const handle = db();
  const { state: base, logLength } = currentDoc(pageId);
  // Inside a caller's transaction (a seed writing many pages at once) the change commits with
  // it; an open room would get the update before that commit, so that case is refused.
  if (handle.$client.inTransaction && logLength === null) throw new Error('transactDocument on a page open in a room opens its own transaction: call it outside any other.');
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, base);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    let stored: { update: Uint8Array; id: number; clients: number[] } | null = null;
    const value = handle.transaction((tx) => {
      const result = change(doc, tx);
      if (result instanceof Promise) throw new Error('transactDocument: the change must be synchronous.');
      if (updates.length === 0) return result;
      const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      const refusal = refuseDocumentUpdate(update, Y.decodeUpdate(update), () => doc);
      if (refusal) throw new AppError('invalid_input', `This change cannot be stored (${refusal}).`);
      const clients = actor ? structClients(update) : [];
      stored = { update, id: appendUpdate(pageId, update, actor, clients), clients };
      return result;
    });
    if (!stored) return { value, state: base, update: null };
    const { update, id, clients } = stored as { update: Uint8Array; id: number; clients: number[] };
    let applied = false;
    try {
      applied = liveRooms()?.applyStoredUpdate(pageId, update, id, actor, clients) ?? false;
    } catch (e) {
      // Stored: the room that opens the page next reads it from the log.
      console.error('[documents] a stored change did not reach its room:', e instanceof Error ? e.message : e);
    }
    // No room folds this log (the CLI, a script): fold it here once it is long, so that opening
    // the page never replays a long history.
    if (!applied && (logLength ?? 0) + 1 >= compactEveryDefault()) compactStored(pageId);
    return { value, state: Y.encodeStateAsUpdate(doc), update };
  } finally {
    doc.destroy();
  }
}
