/**
 * Real collaboration server on an ephemeral port over the test file's SQLite database, with
 * stock y-websocket providers and raw `ws` clients (for hand-made frames). Everything a harness
 * opens is closed by `close()`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { createCollabServer, type CollabServer, type CollabServerOptions } from '@/server/collab/server';
import type { CollabConfig } from '@/server/collab/config';
import type { DeriveFn } from '@/server/collab/room';
import { derivePage } from '@/server/pages/derive';
import { createApiToken } from '@/server/users/api-tokens';
import { createSession, sessionCookieName } from '@/server/auth/session-cookie';
import { addMembership, makeTree, makeUser, type Tree, type UserRow } from './factories';

export type Close = { code: number; reason: string };

/** How a client proves who it is: `?token=`, a Bearer header, or the session cookie. */
export type ClientAuth = { token?: string; bearer?: string; sessionToken?: string; origin?: string } | null;

export function apiTokenFor(user: { id: string }): string {
  return createApiToken(user.id, 'test').token;
}

export function sessionFor(user: { id: string }): string {
  return createSession(user.id).token;
}

function headersOf(auth: ClientAuth): Record<string, string> {
  const headers: Record<string, string> = {};
  if (auth?.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth?.sessionToken) headers.cookie = `${sessionCookieName()}=${encodeURIComponent(auth.sessionToken)}`;
  if (auth?.origin) headers.origin = auth.origin;
  return headers;
}

/** A `ws` WebSocket class that sends these headers (y-websocket only passes url and protocols). */
function webSocketWithHeaders(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  } as typeof WebSocket;
}

/** Resolves when `predicate` holds (polled); rejects with `what` after `timeoutMs`. */
export async function until(predicate: () => boolean, what = 'condition', timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Resolves once the server has handled every frame this socket sent before: `ws` answers a ping
 * after the preceding frames' (synchronous) message handlers have run.
 */
export function barrier(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    const onPong = () => {
      ws.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      ws.off('pong', onPong);
      reject(new Error('socket closed before pong'));
    };
    ws.once('pong', onPong);
    ws.once('close', onClose);
    ws.ping();
  });
}

/** A raw client: records every message and the close, sends whatever it is given. */
export class RawClient {
  readonly messages: Uint8Array[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<Close>;
  closedWith: Close | null = null;
  /** How many messages had arrived when the close came (refusals must send none). */
  messagesBeforeClose = -1;

  constructor(readonly ws: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    this.opened.catch(() => {});
    ws.on('error', () => {});
    ws.on('message', (data: Buffer) => this.messages.push(new Uint8Array(data)));
    this.closed = new Promise((resolve) =>
      ws.once('close', (code: number, reason: Buffer) => {
        this.messagesBeforeClose = this.messages.length;
        this.closedWith = { code, reason: reason.toString() };
        resolve(this.closedWith);
      }),
    );
  }

  send(data: Uint8Array | string): void {
    this.ws.send(data);
  }

  /** Sends a y-protocols sync message built by `write`. */
  sendSync(write: (e: encoding.Encoder) => void): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    write(e);
    this.ws.send(encoding.toUint8Array(e));
  }

  sendUpdate(update: Uint8Array): void {
    this.sendSync((e) => syncProtocol.writeUpdate(e, update));
  }

  sendAwareness(update: Uint8Array): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, update);
    this.ws.send(encoding.toUint8Array(e));
  }

  /** Resolves when a message arrives after the `count`-th one. */
  async messageCount(count: number): Promise<void> {
    await until(() => this.messages.length >= count, `${count} messages`);
  }

  isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }
}

/** Awareness update setting `state` for client `clientId` at `clock`, as a client would send it. */
export function awarenessUpdate(clientId: number, clock: number, state: Record<string, unknown> | null): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify(state));
  return encoding.toUint8Array(e);
}

export type Harness = {
  url: string;
  collab: CollabServer;
  provider(pageId: string, auth: ClientAuth, opts?: { doc?: Y.Doc; connect?: boolean }): WebsocketProvider;
  raw(pageId: string, auth: ClientAuth): RawClient;
  close(): Promise<void>;
};

/** Starts `createCollabServer` on a fresh HTTP server (port 0) with these limits (and these hooks, this bus). */
export async function startCollab(
  config: Partial<CollabConfig> = {},
  derive: DeriveFn = derivePage,
  more: Pick<CollabServerOptions, 'hooks' | 'bus'> = {},
): Promise<Harness> {
  const collab = createCollabServer({ config: { accessRecheckMs: 60_000, ...config }, derive, ...more });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `ws://127.0.0.1:${port}/collab`;
  const providers: WebsocketProvider[] = [];
  process.setMaxListeners(200); // each provider listens for 'exit'
  const raws: RawClient[] = [];

  return {
    url,
    collab,
    provider(pageId, auth, opts = {}) {
      const p = connectProvider(url, pageId, auth, opts);
      providers.push(p);
      return p;
    },
    raw(pageId, auth) {
      const q = auth?.token ? `?token=${encodeURIComponent(auth.token)}` : '';
      const client = new RawClient(new WebSocket(`${url}/${pageId}${q}`, { headers: headersOf(auth) }));
      raws.push(client);
      return client;
    },
    async close() {
      for (const p of providers) {
        p.destroy();
        p.doc.destroy();
      }
      for (const r of raws) r.ws.terminate();
      await collab.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A stock y-websocket provider for `<url>/<pageId>` (the caller destroys it). */
export function connectProvider(url: string, pageId: string, auth: ClientAuth, opts: { doc?: Y.Doc; connect?: boolean } = {}): WebsocketProvider {
  const params: Record<string, string> = auth?.token ? { token: auth.token } : {};
  return new WebsocketProvider(url, pageId, opts.doc ?? new Y.Doc(), {
    connect: opts.connect ?? true,
    params,
    WebSocketPolyfill: webSocketWithHeaders(headersOf(auth)) as unknown as typeof globalThis.WebSocket,
    // Same-process providers would otherwise sync through BroadcastChannel, not the server.
    disableBc: true,
    maxBackoffTime: 200,
  });
}

/**
 * Resolves once everything the server sent this provider before now has arrived: sends a
 * SyncStep1 and waits for the SyncStep2 answering it (the server sends SyncStep2 only as an
 * answer; relays are Update messages).
 */
export function serverRoundTrip(p: WebsocketProvider): Promise<void> {
  const ws = socketOf(p);
  return new Promise((resolve, reject) => {
    const onMessage = (data: ArrayBuffer | Buffer) => {
      const bytes = new Uint8Array(data); // the provider asks for ArrayBuffers
      if (bytes[0] !== 0 || bytes[1] !== syncProtocol.messageYjsSyncStep2) return;
      ws.off('message', onMessage);
      resolve();
    };
    ws.on('message', onMessage);
    ws.once('close', () => reject(new Error('socket closed during round trip')));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, p.doc);
    ws.send(encoding.toUint8Array(e));
  });
}

export function synced(p: WebsocketProvider): Promise<void> {
  if (p.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const on = (s: boolean) => {
      if (!s) return;
      p.off('sync', on);
      resolve();
    };
    p.on('sync', on);
  });
}

/** The next time the server closes this provider's socket. */
export function nextClose(p: WebsocketProvider): Promise<Close> {
  return new Promise((resolve) => {
    const on = (event: { code: number; reason: string } | null) => {
      if (!event) return;
      p.off('connection-close', on as never);
      resolve({ code: event.code, reason: event.reason });
    };
    p.on('connection-close', on as never);
  });
}

/** The provider's socket, once open (a `ws` WebSocket in Node). */
export function socketOf(p: WebsocketProvider): WebSocket {
  if (!p.ws) throw new Error('provider has no socket');
  return p.ws as unknown as WebSocket;
}

// --- Document content shaped as y-prosemirror writes it ------------------------------------

export const BODY = 'default';

/** Appends a paragraph holding `text` to the body. */
export function addParagraph(doc: Y.Doc, text: string): Y.XmlText {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  doc.getXmlFragment(BODY).push([p]);
  return t;
}

const plain = (t: Y.XmlText): string =>
  (t.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');

/** The body's plain text (marks dropped), paragraphs joined by newlines. */
export function bodyText(doc: Y.Doc): string {
  const out: string[] = [];
  for (const node of doc.getXmlFragment(BODY).toArray()) {
    if (node instanceof Y.XmlElement) {
      out.push(
        node
          .toArray()
          .map((c) => (c instanceof Y.XmlText ? plain(c) : ''))
          .join(''),
      );
    }
  }
  return out.join('\n');
}

export function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** Every struct of `seen` is present in `doc` (state vector dominance). */
export function containsAll(doc: Y.Doc, seen: Y.Doc): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(seen))) {
    if ((have.get(client) ?? 0) < clock) return false;
  }
  return true;
}

export { awarenessProtocol };

/** The cast of most collaboration tests: Alice and Bob, members of one section. */
export function twoMembersOfASection(): { tree: Tree; alice: UserRow; bob: UserRow } {
  const tree = makeTree();
  const alice = makeUser();
  const bob = makeUser();
  addMembership(alice, tree.section);
  addMembership(bob, tree.section);
  return { tree, alice, bob };
}
