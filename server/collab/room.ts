/**
 * One room per open page: the Yjs document, the awareness of who is there, and the sockets.
 * Life of a document (named as in Hocuspocus): load → change (persist, then apply and relay)
 * → derive (debounced) → store (compaction) → unload when the last client has left.
 */
import * as Y from 'yjs';
import { bringsNothingNew } from '@/lib/collab/novelty';
import { MESSAGE_LINK_TARGETS_CHANGED } from '@/lib/collab/messages';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import { appendUpdate, applyStoredDoc, compactDoc, knownDocClients, readStoredDoc } from '@/server/documents/store';
import { CLOSE, type CollabConfig } from './config';
import { refuseDocumentUpdate } from '@/server/documents/guard';
import { AppError } from '@/lib/errors';

const MESSAGE_SYNC = 0;
const BINARY = { binary: true } as const;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
/** Client ids one socket may hold presences for (a tab has one; a few for reconnection races). */
export const AWARENESS_IDS_PER_SOCKET = 4;

export type Credential = { kind: 'session'; token: string } | { kind: 'api'; token: string };
export type Conn = {
  ws: WebSocket;
  userId: string;
  user: { id: string; name: string; color: string };
  access: 'edit' | 'read';
  ip: string;
  credential: Credential;
  /** Awareness client ids this socket speaks for: no one else may set them. */
  awarenessIds: Set<number>;
  tokens: number;
  refilledAt: number;
};

export type DeriveFn = (pageId: string, state: Uint8Array, editorIds: string[]) => void;

/** Transaction origin of the stored document being applied: not a change, nothing to relay. */
const LOADING = Symbol('loading');

export class Room {
  private readonly ydoc = new Y.Doc();
  /**
   * A page stored as one compacted state opens without decoding it: the first clients get the
   * stored bytes and state vector as they are (a fresh client's sync is a copy, not a Yjs
   * encoding). The document is built from them the first time anything needs its content (an
   * edit, a client that already holds part of it, derivation); until then `ydoc` is empty.
   */
  private stored: { state: Buffer; vector: Buffer } | null = null;
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Map<WebSocket, Conn>();
  private lastUpdateId: number;
  private appendedSinceCompact: number;
  private editors = new Set<string>();
  private deriveTimer: NodeJS.Timeout | null = null;
  private dirtySince = 0;
  private unloadTimer: NodeJS.Timeout | null = null;
  /** Applied but not yet relayed: document updates, and awareness client ids that changed. */
  private pendingUpdates: Uint8Array[] = [];
  private pendingAwareness = new Set<number>();
  private relayTimer: NodeJS.Immediate | null = null;
  /** Client ids recorded in page_doc_clients for this page (read once, when first needed). */
  private knownClients: Set<number> | null = null;
  destroyed = false;

  constructor(
    readonly pageId: string,
    private readonly cfg: CollabConfig,
    private readonly derive: DeriveFn,
    private readonly onUnloaded: (room: Room) => void,
  ) {
    // load: a failure throws here, before any room exists — nothing empty is ever stored.
    const stored = readStoredDoc(pageId);
    if (stored.base && stored.lengths.length === 0) {
      // Rows from before the state vector was kept: decoding the vector also checks the bytes.
      this.stored = { state: stored.base, vector: stored.baseVector ?? Buffer.from(Y.encodeStateVectorFromUpdate(stored.base)) };
    } else {
      applyStoredDoc(this.ydoc, stored, LOADING);
    }
    this.lastUpdateId = stored.lastUpdateId;
    this.appendedSinceCompact = stored.lengths.length;
    this.awareness = new awarenessProtocol.Awareness(this.ydoc);
    this.awareness.setLocalState(null);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOADING) return;
      this.pendingUpdates.push(update);
      this.scheduleRelay();
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const conn = origin && typeof origin === 'object' && 'awarenessIds' in origin ? (origin as Conn) : null;
      if (conn) {
        for (const id of [...added, ...updated]) conn.awarenessIds.add(id);
        for (const id of removed) conn.awarenessIds.delete(id);
      }
      for (const id of changed) this.pendingAwareness.add(id);
      this.scheduleRelay();
    });
    if (stored.lengths.length >= cfg.compactEvery) {
      // A long log is folded once the room has settled, not on the path of the first sync.
      setTimeout(() => {
        if (!this.destroyed) this.compact();
      }, cfg.deriveDebounceMs).unref();
    }
  }

  /** The document, built from the stored state first if it is not yet. */
  get doc(): Y.Doc {
    this.materialize();
    return this.ydoc;
  }

  /**
   * Applies the stored state kept as bytes. It was read when the room opened; if it cannot be
   * decoded now, the room is closed without storing anything (as a load that fails at once).
   */
  private materialize(): void {
    const stored = this.stored;
    if (!stored) return;
    this.stored = null;
    try {
      Y.applyUpdate(this.ydoc, stored.state, LOADING);
    } catch (e) {
      console.error('[collab] could not load a document:', e instanceof Error ? e.message : e);
      this.fail();
      throw e;
    }
  }

  /** Closes every socket and drops the room without storing anything (its document is not trustworthy). */
  private fail(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const conn of [...this.conns.values()]) {
      conn.ws.removeAllListeners('message');
      try {
        conn.ws.close(CLOSE.serverError, 'load failed');
      } catch {
        conn.ws.terminate();
      }
    }
    this.conns.clear();
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.deriveTimer) clearTimeout(this.deriveTimer);
    this.awareness.destroy();
    this.ydoc.destroy();
    this.onUnloaded(this);
  }

  /** A client joins: it gets the server's state vector (SyncStep1) and everyone's awareness. */
  add(conn: Conn): void {
    if (this.unloadTimer) {
      clearTimeout(this.unloadTimer);
      this.unloadTimer = null;
    }
    this.conns.set(conn.ws, conn);
    conn.ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(conn, data, isBinary));
    conn.ws.on('close', () => this.remove(conn));
    conn.ws.on('error', () => conn.ws.terminate());
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    if (this.stored) {
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
      encoding.writeVarUint8Array(encoder, this.stored.vector);
    } else {
      syncProtocol.writeSyncStep1(encoder, this.ydoc);
    }
    this.send(conn, encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      const aw = encoding.createEncoder();
      encoding.writeVarUint(aw, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]));
      this.send(conn, encoding.toUint8Array(aw));
    }
  }

  private remove(conn: Conn): void {
    if (!this.conns.delete(conn.ws)) return;
    if (conn.awarenessIds.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (this.conns.size === 0 && !this.destroyed) {
      this.unloadTimer = setTimeout(() => this.unload(), this.cfg.idleUnloadMs);
      this.unloadTimer.unref();
    }
  }

  close(conn: Conn, code: number, reason = ''): void {
    try {
      conn.ws.close(code, reason);
    } catch {
      conn.ws.terminate();
    }
    // Stop listening at once: nothing this socket sends after the decision is applied.
    conn.ws.removeAllListeners('message');
    this.remove(conn);
  }

  private send(conn: Conn, message: Uint8Array): void {
    const ws = conn.ws;
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > this.cfg.maxBufferedBytes) {
      // The client stopped reading: close it rather than hold memory or slow the others.
      this.close(conn, CLOSE.limit, 'send buffer full');
      return;
    }
    ws.send(message, BINARY);
  }

  /** Tells every client that pages this one links to changed (see lib/collab/messages.ts). */
  linkTargetsChanged(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_LINK_TARGETS_CHANGED);
    this.broadcast(encoding.toUint8Array(encoder));
  }

  private broadcast(message: Uint8Array): void {
    // One Buffer view for every socket: `ws` would otherwise wrap the bytes anew for each send.
    const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    for (const conn of this.conns.values()) this.send(conn, bytes);
  }

  /**
   * What was applied during one turn of the event loop goes out together, one message per kind
   * (as Hocuspocus does): idle, it adds no delay; under load, the sends per keystroke shrink
   * instead of queueing. Updates are relayed only after they are stored (applyClientUpdate).
   */
  private scheduleRelay(): void {
    this.relayTimer ??= setImmediate(() => this.relay());
  }

  relay(): void {
    if (this.relayTimer) clearImmediate(this.relayTimer);
    this.relayTimer = null;
    if (this.pendingUpdates.length > 0) {
      const update = this.pendingUpdates.length === 1 ? this.pendingUpdates[0]! : Y.mergeUpdates(this.pendingUpdates);
      this.pendingUpdates = [];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.broadcast(encoding.toUint8Array(encoder));
    }
    if (this.pendingAwareness.size > 0) {
      const changed = [...this.pendingAwareness];
      this.pendingAwareness.clear();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      this.broadcast(encoding.toUint8Array(encoder));
    }
  }

  private allowMessage(conn: Conn): boolean {
    const now = Date.now();
    conn.tokens = Math.min(this.cfg.messageBurst, conn.tokens + ((now - conn.refilledAt) / 1000) * this.cfg.messageRate);
    conn.refilledAt = now;
    conn.tokens -= 1;
    return conn.tokens >= 0;
  }

  private onMessage(conn: Conn, data: Buffer, isBinary: boolean): void {
    if (!this.conns.has(conn.ws)) return;
    if (!isBinary) return this.close(conn, CLOSE.invalidPayload, 'binary messages only');
    if (!this.allowMessage(conn)) return this.close(conn, CLOSE.limit, 'too many messages');
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) this.onSync(conn, decoder);
      else if (type === MESSAGE_AWARENESS) this.onAwareness(conn, decoding.readVarUint8Array(decoder));
      else if (type === MESSAGE_QUERY_AWARENESS) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
        this.send(conn, encoding.toUint8Array(encoder));
      }
      // Other message types (auth, custom) are ignored, as the stock server does.
    } catch {
      this.close(conn, CLOSE.invalidPayload, 'malformed message');
    }
  }

  private onSync(conn: Conn, decoder: decoding.Decoder): void {
    const sub = decoding.readVarUint(decoder);
    if (sub === syncProtocol.messageYjsSyncStep1) {
      const clientVector = decoding.readVarUint8Array(decoder);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      if (this.stored && Y.decodeStateVector(clientVector).size === 0) {
        // A client that holds nothing gets the stored state as it is.
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(encoder, this.stored.state);
      } else {
        syncProtocol.writeSyncStep2(encoder, this.doc, clientVector);
      }
      this.send(conn, encoding.toUint8Array(encoder));
      return;
    }
    if (sub !== syncProtocol.messageYjsSyncStep2 && sub !== syncProtocol.messageYjsUpdate) throw new Error('unknown sync message');
    const update = decoding.readVarUint8Array(decoder);
    if (conn.access !== 'edit') return; // read-only: never applied, never relayed
    this.applyClientUpdate(update, conn.userId, conn);
  }

  /**
   * change: validate, persist, then apply and relay. A failed write is neither applied nor
   * relayed; the sender is closed and re-syncs when it reconnects.
   */
  applyClientUpdate(update: Uint8Array, userId: string | null, conn: Conn | null): void {
    const decoded = Y.decodeUpdate(update); // throws on a malformed update, before anything is stored
    // Nothing new (an empty update, a cached or reconnecting client's SyncStep2): not an edit,
    // nothing to store. The document is built only if there is something to compare it with.
    if (bringsNothingNew(() => this.doc, decoded)) return;
    // An element the schema does not know, or nesting too deep, would break every reader of the page.
    const refusal = refuseDocumentUpdate(update, decoded, () => this.doc);
    if (refusal) {
      if (conn) return this.close(conn, CLOSE.invalidDocument, 'invalid document');
      throw new AppError('invalid_input', `This change cannot be stored (${refusal}).`);
    }
    const fresh = userId ? this.unknownClients(decoded) : [];
    let id: number;
    try {
      id = appendUpdate(this.pageId, update, userId, fresh);
    } catch (e) {
      console.error('[collab] could not store an update:', e instanceof Error ? e.message : e);
      if (conn) this.close(conn, CLOSE.serverError, 'storage failure');
      throw e;
    }
    this.lastUpdateId = id;
    for (const client of fresh) this.knownClients!.add(client);
    this.appendedSinceCompact++;
    Y.applyUpdate(this.ydoc, update, conn ?? 'api');
    if (userId) this.markDirty(userId);
  }

  /**
   * change, from the server (transactDocument): an update already validated and stored (as
   * `updateId`, its client ids `clients` recorded), applied between two client updates and relayed.
   */
  applyStoredUpdate(update: Uint8Array, updateId: number, userId: string | null, clients: readonly number[]): void {
    this.lastUpdateId = Math.max(this.lastUpdateId, updateId);
    for (const client of clients) this.knownClients?.add(client);
    this.appendedSinceCompact++;
    Y.applyUpdate(this.doc, update, 'api');
    if (userId) this.markDirty(userId);
  }

  /**
   * Client ids with inserted content in this update that the page has no owner for yet: the
   * sender becomes their owner. A keystroke from a known client costs a set lookup.
   */
  private unknownClients(decoded: ReturnType<typeof Y.decodeUpdate>): number[] {
    const fresh: number[] = [];
    for (const s of decoded.structs) {
      const client = s.id.client;
      if (!(s instanceof Y.Item) || fresh.includes(client)) continue;
      this.knownClients ??= knownDocClients(this.pageId);
      if (!this.knownClients.has(client)) fresh.push(client);
    }
    return fresh;
  }

  private onAwareness(conn: Conn, update: Uint8Array): void {
    // Rewrite each state: identity comes from the session, and a socket speaks only for its own
    // client ids. Readers have no caret.
    const decoder = decoding.createDecoder(update);
    const encoder = encoding.createEncoder();
    const count = decoding.readVarUint(decoder);
    const entries: { id: number; clock: number; state: string }[] = [];
    let claimed = conn.awarenessIds.size;
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      // A caret is a few hundred bytes: a larger state would be copied to every client (refused, not relayed).
      if (Buffer.byteLength(json) > this.cfg.maxAwarenessStateBytes) continue;
      const raw = JSON.parse(json) as Record<string, unknown> | null;
      const owner = [...this.conns.values()].find((c) => c !== conn && c.awarenessIds.has(id));
      if (owner) continue;
      // A browser tab speaks for one client id; a socket inventing thousands would fill every
      // other client's memory with presences.
      if (!conn.awarenessIds.has(id)) {
        if (raw === null || claimed >= AWARENESS_IDS_PER_SOCKET) continue;
        claimed++;
      }
      let state: Record<string, unknown> | null = raw;
      if (raw && typeof raw === 'object') {
        state = { ...raw, user: conn.user };
        if (conn.access !== 'edit') delete state.cursor;
      }
      entries.push({ id, clock, state: JSON.stringify(state) });
    }
    encoding.writeVarUint(encoder, entries.length);
    for (const e of entries) {
      encoding.writeVarUint(encoder, e.id);
      encoding.writeVarUint(encoder, e.clock);
      encoding.writeVarString(encoder, e.state);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), conn);
  }

  private markDirty(userId: string): void {
    this.editors.add(userId);
    const now = Date.now();
    if (!this.deriveTimer) this.dirtySince = now;
    else clearTimeout(this.deriveTimer);
    const wait = Math.max(0, Math.min(this.cfg.deriveDebounceMs, this.dirtySince + this.cfg.deriveMaxWaitMs - now));
    this.deriveTimer = setTimeout(() => this.runDerive(), wait);
    this.deriveTimer.unref();
  }

  /** derive: text, links, search, authors from the current document. */
  runDerive(): void {
    if (this.deriveTimer) clearTimeout(this.deriveTimer);
    this.deriveTimer = null;
    if (this.editors.size === 0) return;
    const editors = [...this.editors];
    this.editors.clear();
    try {
      this.derive(this.pageId, this.liveState(), editors);
    } catch (e) {
      console.error('[collab] derivation failed:', e instanceof Error ? e.message : e);
    }
    if (this.appendedSinceCompact >= this.cfg.compactEvery) this.compact();
  }

  /** store: fold the log into one state. Every logged update is already in this.doc. */
  compact(): void {
    if (this.lastUpdateId === 0 && this.appendedSinceCompact === 0) return;
    compactDoc(this.pageId, this.doc, this.lastUpdateId);
    this.appendedSinceCompact = 0;
  }

  /** Derive and compact what is pending (unload, shutdown). */
  flush(): void {
    this.relay();
    this.runDerive();
    if (this.appendedSinceCompact > 0) this.compact();
  }

  unload(): void {
    if (this.destroyed || this.conns.size > 0) return;
    this.destroyed = true;
    try {
      this.flush();
    } finally {
      this.awareness.destroy();
      this.ydoc.destroy();
      this.onUnloaded(this);
    }
  }

  /** The whole document as one update (the stored bytes themselves while nothing changed them). */
  liveState(): Uint8Array {
    return this.stored ? this.stored.state : Y.encodeStateAsUpdate(this.ydoc);
  }
}
