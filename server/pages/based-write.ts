/**
 * Whole-body writes from outside the editor (API `PATCH markdown`, `PUT /content` replace) are
 * changes computed against the document the writer read, never an overwrite of the live one.
 *
 * A read hands out a `revision`: the state vector of the document it was read from. A write names
 * it (`baseRevision`); the server then does a three-way merge with Yjs:
 *  1. B' = a copy of the live document C in which everything inserted after the base is deleted
 *     (what people typed since the writer's read), i.e. the text the writer saw;
 *  2. the writer's change is the one Yjs update that turns B' into the new content (the same
 *     minimal diff `applyContent` computes);
 *  3. that update is applied to C, where what was typed since was never deleted: it survives.
 * When the change would still remove something typed since the base (the writer deleted the
 * paragraph someone is typing in), nothing is written: `RevisionConflict` (409) with the current
 * revision, for the writer to read again. A word deleted live since the base and still in the
 * writer's body comes back (Yjs keeps no deleted text to compare with): a word is never lost.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { JSONContent } from '@tiptap/core';
import { AppError } from '@/lib/errors';
import { liveDocState } from '@/server/documents/live-state';
import { writeDocument } from '@/server/pages/write-document';
import { replaceBodyIn } from './body';

type StateVector = Map<number, number>;

/** The revision of a document state: its state vector, base64url (opaque to API clients). */
export function revisionOf(state: Uint8Array): string {
  return Buffer.from(Y.encodeStateVectorFromUpdate(state)).toString('base64url');
}

/** The revision of a page's document as it stands (open room or stored). */
export function pageRevision(pageId: string): string {
  return revisionOf(liveDocState(pageId));
}

/** A write based on an older revision that cannot be merged without removing what was written since. */
export class RevisionConflict extends AppError {
  constructor(readonly revision: string) {
    super('conflict', 'The page changed since your revision in a way this write would undo (you removed text someone added since): GET the page again and apply your change to its current text.', 'baseRevision');
  }
}

/** A required `baseRevision` was not given. */
export function missingRevision(): AppError {
  return new AppError('invalid_input', 'baseRevision is required to replace the body: GET the page first and send the revision it returned as baseRevision.', 'baseRevision');
}

/** A state vector, read strictly: every byte used, at least one client (a page's document is never empty). */
function decodeRevision(revision: string): StateVector {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(revision)) throw new Error('not base64url');
    const d = decoding.createDecoder(new Uint8Array(Buffer.from(revision, 'base64url')));
    const sv: StateVector = new Map();
    for (let n = decoding.readVarUint(d); n > 0; n--) sv.set(decoding.readVarUint(d), decoding.readVarUint(d));
    if (sv.size === 0 || decoding.hasContent(d)) throw new Error('not a state vector');
    return sv;
  } catch {
    throw new AppError('invalid_input', 'baseRevision is not a revision returned by this API: GET the page first.', 'baseRevision');
  }
}

/** An update holding only deletions: for each client, the clocks from `from` to its current state. */
function deleteSinceUpdate(doc: Y.Doc, base: StateVector): Uint8Array {
  const ranges: [client: number, clock: number, len: number][] = [];
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    const from = base.get(client) ?? 0;
    if (clock > from) ranges.push([client, from, clock - from]);
  }
  // Update format v1: no structs, then the delete set (client, range count, clock/len pairs).
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, ranges.length);
  for (const [client, clock, len] of ranges) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clock);
    encoding.writeVarUint(e, len);
  }
  return encoding.toUint8Array(e);
}

function hasDeletedAncestor(item: Y.Item): boolean {
  let parent = item.parent;
  while (parent instanceof Y.AbstractType && parent._item) {
    if (parent._item.deleted) return true;
    parent = parent._item.parent;
  }
  return false;
}

/** How much of what was inserted after `base` (by others than `except`) is still visible. */
function visibleSince(doc: Y.Doc, base: StateVector, except: number): number {
  let count = 0;
  for (const [client, structs] of doc.store.clients) {
    if (client === except) continue;
    const from = base.get(client) ?? 0;
    if (Y.getState(doc.store, client) <= from) continue;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const s = structs[i]!;
      if (!(s instanceof Y.Item) || s.deleted || s.id.clock + s.length <= from) continue;
      if (hasDeletedAncestor(s)) continue;
      count += s.id.clock + s.length - Math.max(from, s.id.clock);
    }
  }
  return count;
}

/**
 * The live document `current` with the writer's `incoming` body merged in, the writer having read
 * the document at revision `baseRevision`. Throws `RevisionConflict` when the merge would remove
 * something inserted since the base, `invalid_input` when the revision is not one of this document.
 */
export function mergeBasedContent(current: Uint8Array, baseRevision: string, incoming: JSONContent): Uint8Array {
  const base = decodeRevision(baseRevision);
  const live = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(current));
  for (const [client, clock] of base) {
    if (clock > (live.get(client) ?? 0)) throw new AppError('invalid_input', 'baseRevision is not a revision of this page: GET the page first.', 'baseRevision');
  }
  // What the writer read: the live document without what was inserted since.
  const seen = new Y.Doc();
  Y.applyUpdate(seen, current);
  Y.applyUpdate(seen, deleteSinceUpdate(seen, base));
  // The writer's change: only the transaction that turns `seen` into the new body (an update of
  // the whole of `seen` would carry the deletions above and remove what was typed since).
  const changes: Uint8Array[] = [];
  seen.on('update', (u: Uint8Array) => changes.push(u));
  replaceBodyIn(seen, incoming);
  const writer = seen.clientID;
  seen.destroy();
  if (changes.length === 0) return current;
  const change = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, current);
  const before = visibleSince(doc, base, writer);
  Y.applyUpdate(doc, change);
  const after = visibleSince(doc, base, writer);
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  if (after < before) throw new RevisionConflict(revisionOf(current));
  return merged;
}

/**
 * Replaces a page's body with `incoming`, based on `baseRevision`, through the live room when one
 * is open (`writeDocument`). Returns the new state.
 */
export function writeBasedContent(pageId: string, userId: string, baseRevision: string | undefined, incoming: JSONContent): Uint8Array {
  if (baseRevision === undefined) throw missingRevision();
  return writeDocument(pageId, userId, (state) => mergeBasedContent(state, baseRevision, incoming));
}
