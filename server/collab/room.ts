/**
 * One room per open page: the Yjs document, the awareness of who is there, and the sockets.
 * Its steps are the document's life, named as in Hocuspocus (hooks.ts): load (constructor) →
 * connect → change (stored, then applied, published on the room bus and relayed) → derive
 * (derive-scheduler.ts) → store (the log folded) → disconnect → unload when the last client has
 * left. The wire format is protocol.ts's, presence is guarded by awareness-guard.ts.
 */
import * as Y from 'yjs';
import { bringsNothingNew } from '@/lib/collab/novelty';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import { appendUpdate, applyStoredDoc, compactDoc, knownDocClients, readStoredDoc } from '@/server/documents/store';
import { refuseDocumentUpdate } from '@/server/documents/guard';
import { CLOSE, type CollabConfig } from './config';
import { guardAwarenessUpdate } from './awareness-guard';
import { DeriveScheduler } from './derive-scheduler';
import { callHook, type RoomHooks } from './hooks';
import { amendmentsChangedMessage, awarenessMessage, linkTargetsChangedMessage, readClientMessage, syncStep1Message, syncStep2From, syncStep2Message, updateMessage } from './protocol';
import type { RoomBus } from './room-bus';

const BINARY = { binary: true } as const;

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

/** What a room is given by its server. */
export type RoomOptions = {
  cfg: CollabConfig;
  derive: DeriveFn;
  bus: RoomBus;
  hooks: Partial<RoomHooks>;
  onUnloaded: (room: Room) => void;
};

/** Transaction origins: the stored document being applied, and updates received from the bus. Neither is published. */
const LOADING = Symbol('loading');
const FROM_BUS = Symbol('from bus');

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
  private lastUpdateId = 0;
  private appendedSinceCompact = 0;
  private readonly deriver: DeriveScheduler;
  private unloadTimer: NodeJS.Timeout | null = null;
  /** Received from the bus but not yet relayed: document updates, and awareness client ids that changed. */
  private pendingUpdates: Uint8Array[] = [];
  private pendingAwareness = new Set<number>();
  private relayTimer: NodeJS.Immediate | null = null;
  /** True while this room publishes: the in-process bus hands the update straight back. */
  private publishing = false;
  private readonly unsubscribe: () => void;
  /** Client ids recorded in page_doc_clients for this page (read once, when first needed). */
  private knownClients: Set<number> | null = null;
  private readonly cfg: CollabConfig;
  private readonly hooks: Partial<RoomHooks>;
  destroyed = false;

  constructor(
    readonly pageId: string,
    private readonly opts: RoomOptions,
  ) {
    this.cfg = opts.cfg;
    this.hooks = opts.hooks;
    this.deriver = new DeriveScheduler(this.cfg, (editors) => this.derive(editors));
    this.load(); // a failure throws here, before any room exists: nothing empty is ever stored
    this.awareness = new awarenessProtocol.Awareness(this.ydoc);
    this.awareness.setLocalState(null);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOADING || origin === FROM_BUS) return;
      this.publishing = true;
      try {
        this.opts.bus.publish(this.pageId, update);
      } finally {
        this.publishing = false;
      }
    });
    this.unsubscribe = this.opts.bus.subscribe(this.pageId, (update) => this.received(update));
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const conn = origin && typeof origin === 'object' && 'awarenessIds' in origin ? (origin as Conn) : null;
      if (conn) {
        for (const id of [...added, ...updated]) conn.awarenessIds.add(id);
        for (const id of removed) conn.awarenessIds.delete(id);
      }
      for (const id of [...added, ...updated, ...removed]) this.pendingAwareness.add(id);
      this.scheduleRelay();
    });
  }

  /** load: the stored state and log. Throws on a read error or an undecodable update. */
  private load(): void {
    const stored = readStoredDoc(this.pageId);
    if (stored.base && stored.lengths.length === 0) {
      // Rows from before the state vector was kept: decoding the vector also checks the bytes.
      this.stored = { state: stored.base, vector: stored.baseVector ?? Buffer.from(Y.encodeStateVectorFromUpdate(stored.base)) };
    } else {
      applyStoredDoc(this.ydoc, stored, LOADING);
    }
    this.lastUpdateId = stored.lastUpdateId;
    this.appendedSinceCompact = stored.lengths.length;
    if (stored.lengths.length >= this.cfg.compactEvery) {
      // A long log is folded once the room has settled, not on the path of the first sync.
      setTimeout(() => {
        if (!this.destroyed) this.store();
      }, this.cfg.deriveDebounceMs).unref();
    }
    callHook(this.hooks, 'onLoad', { pageId: this.pageId, logLength: stored.lengths.length });
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
    this.deriver.cancel();
    this.dispose();
  }

  private dispose(): void {
    this.unsubscribe();
    this.awareness.destroy();
    this.ydoc.destroy();
    this.opts.onUnloaded(this);
  }

  /** connect: a client joins; it gets the server's state vector (SyncStep1) and everyone's awareness. */
  connect(conn: Conn): void {
    if (this.unloadTimer) {
      clearTimeout(this.unloadTimer);
      this.unloadTimer = null;
    }
    this.conns.set(conn.ws, conn);
    conn.ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(conn, data, isBinary));
    conn.ws.on('close', () => this.disconnect(conn));
    conn.ws.on('error', () => conn.ws.terminate());
    this.send(conn, syncStep1Message(this.stored ? this.stored.vector : Y.encodeStateVector(this.ydoc)));
    const states = this.awareness.getStates();
    if (states.size > 0) this.send(conn, awarenessMessage(this.awareness, [...states.keys()]));
    callHook(this.hooks, 'onConnect', { pageId: this.pageId, userId: conn.userId, access: conn.access });
  }

  /** disconnect: a socket left; the room unloads once no one is left for idleUnloadMs. */
  private disconnect(conn: Conn): void {
    if (!this.conns.delete(conn.ws)) return;
    if (conn.awarenessIds.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (this.conns.size === 0 && !this.destroyed) {
      this.unloadTimer = setTimeout(() => this.unload(), this.cfg.idleUnloadMs);
      this.unloadTimer.unref();
    }
    callHook(this.hooks, 'onDisconnect', { pageId: this.pageId, userId: conn.userId });
  }

  close(conn: Conn, code: number, reason = ''): void {
    try {
      conn.ws.close(code, reason);
    } catch {
      conn.ws.terminate();
    }
    // Stop listening at once: nothing this socket sends after the decision is applied.
    conn.ws.removeAllListeners('message');
    this.disconnect(conn);
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
    this.broadcast(linkTargetsChangedMessage());
  }

  /** Tells every client that this text's amendments changed (see lib/collab/messages.ts). */
  amendmentsChanged(): void {
    this.broadcast(amendmentsChangedMessage());
  }

  private broadcast(message: Uint8Array): void {
    // One Buffer view for every socket: `ws` would otherwise wrap the bytes anew for each send.
    const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    for (const conn of this.conns.values()) this.send(conn, bytes);
  }

  /** An update from the bus: applied here unless this room published it, then relayed. */
  private received(update: Uint8Array): void {
    if (this.destroyed) return;
    if (!this.publishing) Y.applyUpdate(this.doc, update, FROM_BUS);
    this.pendingUpdates.push(update);
    this.scheduleRelay();
  }

  /**
   * What was applied during one turn of the event loop goes out together, one message per kind
   * (as Hocuspocus does): idle, it adds no delay; under load, the sends per keystroke shrink
   * instead of queueing. Updates are relayed only after they are stored (change).
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
      this.broadcast(updateMessage(update));
    }
    if (this.pendingAwareness.size > 0) {
      const changed = [...this.pendingAwareness];
      this.pendingAwareness.clear();
      this.broadcast(awarenessMessage(this.awareness, changed));
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
      const message = readClientMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (message.kind === 'syncStep1') this.onSyncStep1(conn, message.vector);
      else if (message.kind === 'update') {
        if (conn.access === 'edit') this.change(message.update, conn); // read-only: never applied, never relayed
      } else if (message.kind === 'awareness') {
        const others = (id: number) => [...this.conns.values()].some((c) => c !== conn && c.awarenessIds.has(id));
        const guarded = guardAwarenessUpdate(message.update, conn, others, this.cfg.maxAwarenessStateBytes);
        awarenessProtocol.applyAwarenessUpdate(this.awareness, guarded, conn);
      } else if (message.kind === 'queryAwareness') this.send(conn, awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
    } catch {
      this.close(conn, CLOSE.invalidPayload, 'malformed message');
    }
  }

  private onSyncStep1(conn: Conn, clientVector: Uint8Array): void {
    // A client that holds nothing gets the stored state as it is.
    if (this.stored && Y.decodeStateVector(clientVector).size === 0) this.send(conn, syncStep2Message(this.stored.state));
    else this.send(conn, syncStep2From(this.doc, clientVector));
  }

  /**
   * change, from a client: validate, persist, then apply and relay. A failed write is neither
   * applied nor relayed; the sender is closed and re-syncs when it reconnects.
   */
  private change(update: Uint8Array, conn: Conn): void {
    const decoded = Y.decodeUpdate(update); // throws on a malformed update, before anything is stored
    // Nothing new (an empty update, a cached or reconnecting client's SyncStep2): not an edit,
    // nothing to store. The document is built only if there is something to compare it with.
    if (bringsNothingNew(() => this.doc, decoded)) return;
    // An element the schema does not know, or nesting too deep, would break every reader of the page.
    if (refuseDocumentUpdate(update, decoded, () => this.doc)) return this.close(conn, CLOSE.invalidDocument, 'invalid document');
    const fresh = this.unknownClients(decoded);
    let id: number;
    try {
      id = appendUpdate(this.pageId, update, conn.userId, fresh);
    } catch (e) {
      console.error('[collab] could not store an update:', e instanceof Error ? e.message : e);
      this.close(conn, CLOSE.serverError, 'storage failure');
      throw e;
    }
    this.applyStoredUpdate(update, id, conn.userId, fresh, conn);
  }

  /**
   * change, once stored: by a client (above), or by the server (transactDocument, through the
   * live-rooms port) with its client ids already recorded. Applied between two client updates.
   */
  applyStoredUpdate(update: Uint8Array, updateId: number, userId: string | null, clients: readonly number[], origin: unknown = 'api'): void {
    this.lastUpdateId = Math.max(this.lastUpdateId, updateId);
    for (const client of clients) this.knownClients?.add(client);
    this.appendedSinceCompact++;
    Y.applyUpdate(this.doc, update, origin);
    if (userId) this.deriver.markDirty(userId);
    callHook(this.hooks, 'onChange', { pageId: this.pageId, update, userId, updateId });
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

  /** derive: text, links, search, authors from the current document; then store if the log is long. */
  private derive(editors: string[]): void {
    try {
      this.opts.derive(this.pageId, this.liveState(), editors);
    } catch (e) {
      console.error('[collab] derivation failed:', e instanceof Error ? e.message : e);
    }
    if (this.appendedSinceCompact >= this.cfg.compactEvery) this.store();
  }

  /** Derives now what is pending. */
  runDerive(): void {
    this.deriver.flush();
  }

  /** store: fold the log into one state. Every logged update is already in this.doc. */
  store(): void {
    if (this.lastUpdateId === 0 && this.appendedSinceCompact === 0) return;
    compactDoc(this.pageId, this.doc, this.lastUpdateId);
    this.appendedSinceCompact = 0;
    callHook(this.hooks, 'onStore', { pageId: this.pageId, upToId: this.lastUpdateId });
  }

  /** Derive and store what is pending (unload, shutdown). */
  flush(): void {
    this.relay();
    this.runDerive();
    if (this.appendedSinceCompact > 0) this.store();
  }

  /** unload: the last client left long enough ago; store what is pending and drop the room. */
  unload(): void {
    if (this.destroyed || this.conns.size > 0) return;
    this.destroyed = true;
    try {
      this.flush();
    } finally {
      this.dispose();
      callHook(this.hooks, 'onUnload', { pageId: this.pageId });
    }
  }

  /** The whole document as one update (the stored bytes themselves while nothing changed them). */
  liveState(): Uint8Array {
    return this.stored ? this.stored.state : Y.encodeStateAsUpdate(this.ydoc);
  }
}
