/**
 * Document storage behind three functions — load, append, compact — so a PostgreSQL
 * implementation can replace this one. Everything is synchronous (better-sqlite3): an append
 * returns only once the update is on disk (WAL), which is what "durable before relay" needs.
 */
import * as Y from 'yjs';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { db, type Db } from '@/db/client';
import { pageDocs, pageUpdates } from '@/db/schema';

export type LoadedState = { state: Uint8Array; lastUpdateId: number; logLength: number };
export type LoadedInto = { lastUpdateId: number; logLength: number };

/**
 * Applies a page's stored document (compacted state, then the update log) to `doc`, in one
 * transaction: `Y.mergeUpdates` over the log costs the square of its length (100,000 keystrokes:
 * minutes), this under a second. Updates whose dependencies are missing stay pending in `doc`.
 * Throws on a read error or an undecodable update.
 */
export function loadDocInto(doc: Y.Doc, pageId: string): LoadedInto {
  const base = db().select({ state: pageDocs.state }).from(pageDocs).where(eq(pageDocs.pageId, pageId)).get();
  const log = db().select({ id: pageUpdates.id, data: pageUpdates.data }).from(pageUpdates).where(eq(pageUpdates.pageId, pageId)).orderBy(asc(pageUpdates.id)).all();
  doc.transact(() => {
    if (base) Y.applyUpdate(doc, new Uint8Array(base.state));
    for (const row of log) Y.applyUpdate(doc, new Uint8Array(row.data));
  });
  return { lastUpdateId: log.length ? log[log.length - 1]!.id : 0, logLength: log.length };
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

function prepareAppend(handle: Db) {
  return handle
    .insert(pageUpdates)
    .values({ pageId: sql.placeholder('pageId'), data: sql.placeholder('data'), userId: sql.placeholder('userId'), createdAt: sql.placeholder('createdAt') })
    .returning({ id: pageUpdates.id })
    .prepare();
}
// One statement per database handle, built once: an append runs on every keystroke.
const appendStatements = new WeakMap<Db, ReturnType<typeof prepareAppend>>();

/** Appends one update to the log. Returns its id. Throws if the write fails. */
export function appendUpdate(pageId: string, update: Uint8Array, userId: string | null): number {
  const handle = db();
  let statement = appendStatements.get(handle);
  if (!statement) appendStatements.set(handle, (statement = prepareAppend(handle)));
  const row = statement.get({ pageId, data: Buffer.from(update), userId, createdAt: new Date() });
  if (!row) throw new Error('The update log did not return the new row.');
  return row.id;
}

/**
 * Folds the log up to `upToId` into one stored state, in one transaction. `state` must already
 * contain every update up to that id (the room's document, or a fresh load).
 */
export function compactDoc(pageId: string, state: Uint8Array, upToId: number): void {
  db().transaction((tx) => {
    const now = new Date();
    tx.insert(pageDocs)
      .values({ pageId, state: Buffer.from(state), updatedAt: now })
      .onConflictDoUpdate({ target: pageDocs.pageId, set: { state: Buffer.from(state), updatedAt: now } })
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
  compactDoc(pageId, Y.encodeStateAsUpdate(doc), loaded.lastUpdateId);
  doc.destroy();
}

export function logLength(pageId: string): number {
  return db().select({ n: sql<number>`count(*)` }).from(pageUpdates).where(eq(pageUpdates.pageId, pageId)).get()?.n ?? 0;
}
