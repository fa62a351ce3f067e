/**
 * The y-websocket protocol (y-protocols sync and awareness, plus Coopol's own notices) as plain
 * bytes in and out: what a client's message says, and the messages the server sends. No room
 * state here.
 */
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MESSAGE_AMENDMENTS_CHANGED, MESSAGE_LINK_TARGETS_CHANGED } from '@/lib/collab/messages';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** What a client's message asks. Other message types (auth, custom) are `ignored`, as the stock server does. */
export type ClientMessage =
  | { kind: 'syncStep1'; vector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'ignored' };

/** Reads one client message. Throws on a malformed one (the sender is then closed). */
export function readClientMessage(bytes: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_SYNC) {
    const sub = decoding.readVarUint(decoder);
    if (sub === syncProtocol.messageYjsSyncStep1) return { kind: 'syncStep1', vector: decoding.readVarUint8Array(decoder) };
    // SyncStep2 and Update both carry an update: applied alike.
    if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
    throw new Error('unknown sync message');
  }
  if (type === MESSAGE_AWARENESS) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
  if (type === MESSAGE_QUERY_AWARENESS) return { kind: 'queryAwareness' };
  return { kind: 'ignored' };
}

/** SyncStep1: the server's state vector, asking the client for what it lacks. */
export function syncStep1Message(vector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, vector);
  return encoding.toUint8Array(encoder);
}

/** SyncStep2: what the client lacks, as one update (`update`: already computed, e.g. stored bytes). */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** SyncStep2 answering a client's state vector from a document. */
export function syncStep2From(doc: Y.Doc, clientVector: Uint8Array): Uint8Array {
  return syncStep2Message(Y.encodeStateAsUpdate(doc, clientVector));
}

/** A document update relayed to clients. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The awareness states of these client ids. */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clientIds: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds));
  return encoding.toUint8Array(encoder);
}

/** Pages this one links to changed (see lib/collab/messages.ts). */
export function linkTargetsChangedMessage(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_LINK_TARGETS_CHANGED);
  return encoding.toUint8Array(encoder);
}

/** This text's amendments changed (see lib/collab/messages.ts). */
export function amendmentsChangedMessage(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AMENDMENTS_CHANGED);
  return encoding.toUint8Array(encoder);
}
