/**
 * Document storage behind three functions — load, append, compact — so a PostgreSQL
 * implementation can replace this one. Everything is synchronous (better-sqlite3): an append
 * returns only once the update is on disk (WAL), which is what "durable before relay" needs.
 */
import * as Y from 'yjs';
import { and, eq, lte, sql } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { pageDocs, pageUpdates } from '@/db/schema';

export type LoadedState = { state: Uint8Array; lastUpdateId: number; logLength: number };
export type LoadedInto = { lastUpdateId: number; logLength: number };
/** A page's stored document, read but not decoded: the compacted state and the update log. */
export type StoredDoc = {
  base: Buffer | null;
  /** `base`'s state vector as stored with it (null on rows written before it was kept). */
  baseVector: Buffer | null;
  lastUpdateId: number;
  lengths: number[];
  joined: Buffer | null;
};

/**
 * Updates applied per Yjs transaction when replaying the log. One transaction for the whole log
 * makes its clean-up merge 100,000 keystrokes in one pass that splices the struct array again
 * and again (0.8 s); one per update pays the per-transaction cost 100,000 times (1.2 s); batches
 * of a few hundred do neither (0.3 s). `Y.mergeUpdates` over the log is far worse (quadratic).
 */
const REPLAY_BATCH = 256;

/** The statements of the hot paths, prepared once per database handle (plain SQL: no query building per keystroke). */
function prepareStatements(handle: Db) {
  const raw = handle.$client;
  return {
    append: raw.prepare('insert into page_updates (page_id, data, user_id, created_at) values (?, ?, ?, ?)'),
    // First owner wins: a client id already known for the page (whoever it is) is never re-assigned.
    own: raw.prepare('insert or ignore into page_doc_clients (page_id, client_id, user_id, created_at) values (?, ?, ?, ?)'),
    owned: raw.prepare('select client_id from page_doc_clients where page_id = ?').pluck(),
    base: raw.prepare('select state, state_vector as vector from page_docs where page_id = ?'),
    last: raw.prepare('select coalesce(max(id), 0) from page_updates where page_id = ?').pluck(),
    lengths: raw.prepare('select length(data) from page_updates where page_id = ? order by id').pluck(),
    // The whole log as one blob (cut back into updates with the lengths above): reading 100,000
    // rows one Buffer each costs three times as long. Postgres: string_agg(data, '' order by id).
    joined: raw.prepare("select cast(group_concat(data, x'' order by id) as blob) from page_updates where page_id = ?").pluck(),
  };
}
const prepared = new WeakMap<Db, ReturnType<typeof prepareStatements>>();
function statements(handle: Db): ReturnType<typeof prepareStatements> {
  let s = prepared.get(handle);
  if (!s) prepared.set(handle, (s = prepareStatements(handle)));
  return s;
}

/** Reads a page's stored document (one consistent snapshot of the state and the log), without decoding it. */
export function readStoredDoc(pageId: string): StoredDoc {
  const handle = db();
  const q = statements(handle);
  return handle.$client.transaction(() => {
    const lengths = q.lengths.all(pageId) as number[];
    const base = q.base.get(pageId) as { state: Buffer; vector: Buffer | null } | undefined;
    return {
      base: base?.state ?? null,
      baseVector: base?.vector ?? null,
      lastUpdateId: q.last.get(pageId) as number,
      lengths,
      joined: lengths.length ? (q.joined.get(pageId) as Buffer) : null,
    };
  })();
}

/**
 * Applies a page's stored document (compacted state, then the update log) to `doc`. Updates
 * whose dependencies are missing stay pending in `doc`. Throws on a read error or an
 * undecodable update.
 */
export function loadDocInto(doc: Y.Doc, pageId: string): LoadedInto {
  return applyStoredDoc(doc, readStoredDoc(pageId));
}

/** Applies what `readStoredDoc` read to `doc` (transaction origin `origin`). Throws on an undecodable update. */
export function applyStoredDoc(doc: Y.Doc, stored: StoredDoc, origin: unknown = null): LoadedInto {
  if (stored.base) Y.applyUpdate(doc, stored.base, origin);
  if (stored.joined) {
    if (stored.lengths.reduce((a, b) => a + b, 0) !== stored.joined.byteLength) throw new Error('The update log does not cut into its updates.');
    let at = 0;
    for (let i = 0; i < stored.lengths.length; ) {
      doc.transact(() => {
        for (const end = Math.min(i + REPLAY_BATCH, stored.lengths.length); i < end; i++) {
          const len = stored.lengths[i]!;
          Y.applyUpdate(doc, stored.joined!.subarray(at, at + len), origin);
          at += len;
        }
      }, origin);
    }
  }
  return { lastUpdateId: stored.lastUpdateId, logLength: stored.lengths.length };
}

/** The stored state of a page as one update: compacted state plus the update log. Throws on a read error. */
export function loadDocState(pageId: string): LoadedState {
  const doc = new Y.Doc();
  try {
    const loaded = loadDocInto(doc, pageId);
    return { state: Y.encodeStateAsUpdate(doc), ...loaded };
  } finally {
    doc.destroy();
  }
}

/** The Yjs client ids that have structs (inserted content) in an update. */
export function structClients(update: Uint8Array): number[] {
  return [...Y.parseUpdateMeta(update).from.keys()];
}

/**
 * Appends one update to the log. Returns its id. Throws if the write fails. When a person sent
 * it, the client ids among `clients` (by default every client id with structs in the update)
 * that the page does not know yet become theirs, in the same transaction: who wrote what is read
 * from the document through them (authorship, the data export).
 */
export function appendUpdate(pageId: string, update: Uint8Array, userId: string | null, clients?: readonly number[]): number {
  const handle = db();
  const q = statements(handle);
  // A view of the update's bytes, not a copy: this runs on every keystroke.
  const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  const now = Date.now();
  const owners = userId ? (clients ?? structClients(update)) : [];
  if (owners.length === 0) return Number(q.append.run(pageId, data, userId, now).lastInsertRowid);
  return handle.$client.transaction(() => {
    const id = Number(q.append.run(pageId, data, userId, now).lastInsertRowid);
    for (const client of owners) q.own.run(pageId, client, userId, now);
    return id;
  })();
}

/** Records `userId` as the owner of the client ids with structs in `state` that the page does not know yet. */
export function recordDocClients(pageId: string, state: Uint8Array, userId: string): void {
  const q = statements(db());
  const now = Date.now();
  for (const client of structClients(state)) q.own.run(pageId, client, userId, now);
}

/** The client ids already recorded for a page, whoever owns them. */
export function knownDocClients(pageId: string): Set<number> {
  return new Set(statements(db()).owned.all(pageId) as number[]);
}

/**
 * Folds the log up to `upToId` into one stored state, in one transaction. `doc` must already
 * contain every update up to that id (the room's document, or a fresh load).
 */
export function compactDoc(pageId: string, doc: Y.Doc, upToId: number): void {
  const state = Buffer.from(Y.encodeStateAsUpdate(doc));
  const stateVector = Buffer.from(Y.encodeStateVector(doc));
  db().transaction((tx) => {
    const now = new Date();
    tx.insert(pageDocs)
      .values({ pageId, state, stateVector, updatedAt: now })
      .onConflictDoUpdate({ target: pageDocs.pageId, set: { state, stateVector, updatedAt: now } })
      .run();
    tx.delete(pageUpdates).where(and(eq(pageUpdates.pageId, pageId), lte(pageUpdates.id, upToId))).run();
  });
}

/** Compacts a page that no room holds: load, fold into a garbage-collected state, store. */
export function compactStored(pageId: string): void {
  const loaded = loadDocState(pageId);
  if (loaded.logLength === 0) return;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded.state);
  compactDoc(pageId, doc, loaded.lastUpdateId);
  doc.destroy();
}

export function logLength(pageId: string): number {
  return db().select({ n: sql<number>`count(*)` }).from(pageUpdates).where(eq(pageUpdates.pageId, pageId)).get()?.n ?? 0;
}
