/**
 * The collaboration endpoint: `ws(s)://host/collab/<pageId>`, y-websocket protocol.
 * authenticate (session cookie, Bearer header or ?token=) → authorize through the policy →
 * join the page's room. Every refusal happens before any document byte is sent.
 */
import { READ_ONLY_NOW } from '@/lib/collab/close-codes';
import { env } from '@/server/env';
import { clientIp } from '@/server/http/client-ip';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadViewer } from '@/server/auth/load-viewer';
import { sessionTokenFromCookieHeader, userIdFromSessionToken } from '@/server/auth/session-cookie';
import { authenticateApiToken } from '@/server/users/api-tokens';
import { displayNameOf } from '@/server/users/display-name';
import { userColor } from '@/lib/editor/user-color';
import { accessTo, liveAccess, pageRefOf } from './access';
import type { Viewer } from '@/server/policy';
import { CLOSE, collabConfig, type CollabConfig } from './config';
import { Room, type Conn, type Credential, type DeriveFn } from './room';
import { InProcessRoomBus, type RoomBus } from './room-bus';
import type { RoomHooks } from './hooks';
import { registerLiveRooms, unregisterLiveRooms, type AccessScope, type LiveRooms } from '@/server/documents/live-rooms';
import { roomsChanged } from './idle-memory';
import { recoverUpdateLogs, type Recovery } from './recovery';
import { linkSourcesOf } from '@/server/links/backlinks';

const PAGE_PATH = /^\/collab\/([A-Za-z0-9_-]{1,64})\/?$/;

function credentialOf(req: IncomingMessage, url: URL): Credential | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m ? { kind: 'api', token: m[1]! } : { kind: 'api', token: '' };
  }
  const q = url.searchParams.get('token');
  if (q) return { kind: 'api', token: q };
  const session = sessionTokenFromCookieHeader(req.headers.cookie);
  return session ? { kind: 'session', token: session } : null;
}

/**
 * A browser sends its cookies with a websocket handshake whatever page opened it: a session
 * cookie counts only when the page that opens the socket is Coopol's own (Origin = AUTH_URL's
 * origin), so another site cannot open a member's documents in their browser (cross-site
 * websocket hijacking). Tokens are not sent by browsers on their own: no Origin rule for them.
 */
function sessionOriginAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: a browser always sends Origin on a websocket handshake
  try {
    return origin === new URL(env().AUTH_URL).origin;
  } catch {
    return false;
  }
}

/**
 * The browser is on this very server under another name than AUTH_URL's (127.0.0.1 for
 * localhost): its Origin names the host it sent the request to. Said apart from another site's
 * page, so the editor can point to the right address rather than say the session expired.
 */
function openedUnderAnotherName(req: IncomingMessage): boolean {
  try {
    return !!req.headers.host && new URL(req.headers.origin ?? '').host === req.headers.host;
  } catch {
    return false;
  }
}

function userIdFor(c: Credential): string | null {
  if (!c.token) return null;
  return c.kind === 'api' ? authenticateApiToken(c.token) : userIdFromSessionToken(c.token);
}

export type CollabServer = {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes sockets whose person lost the right to read, or to edit (with `READ_ONLY_NOW`), synchronously. */
  recheckAccess(scope?: AccessScope): void;
  /** Rooms open on pages that link to these pages are told (MESSAGE_LINK_TARGETS_CHANGED). */
  linkTargetsChanged(pageIds: readonly string[]): void;
  /** The room open on this page, if any, is told its amendments changed (MESSAGE_AMENDMENTS_CHANGED). */
  amendmentsChanged(pageId: string): void;
  /** Start-up: folds the update logs a crash left (recovery.ts), leaving open rooms theirs. Call before listening. */
  recoverUpdateLogs(): Recovery;
  rooms: Map<string, Room>;
  /** Derive and store everything pending, close every socket (SIGTERM). */
  shutdown(): Promise<void>;
};

export type CollabServerOptions = {
  config?: Partial<CollabConfig>;
  derive: DeriveFn;
  /** How rooms share updates (room-bus.ts); in-process by default. */
  bus?: RoomBus;
  /** Observers of each step of a document's life (hooks.ts). */
  hooks?: Partial<RoomHooks>;
};

export function createCollabServer(opts: CollabServerOptions): CollabServer {
  const cfg = collabConfig(opts.config);
  const bus = opts.bus ?? new InProcessRoomBus();
  const wss = new WebSocketServer({ noServer: true, maxPayload: cfg.maxMessageBytes, perMessageDeflate: false });
  const rooms = new Map<string, Room>();
  const perIp = new Map<string, number>();

  const roomFor = (pageId: string): Room => {
    let room = rooms.get(pageId);
    if (!room || room.destroyed) {
      room = new Room(pageId, {
        cfg,
        derive: opts.derive,
        bus,
        hooks: opts.hooks ?? {},
        onUnloaded: (r) => {
          if (rooms.get(r.pageId) === r) rooms.delete(r.pageId);
          roomsChanged(rooms.size);
        },
      });
      rooms.set(pageId, room);
      roomsChanged(rooms.size);
    }
    return room;
  };

  function onConnection(ws: WebSocket, req: IncomingMessage, url: URL, pageId: string): void {
    const credential = credentialOf(req, url);
    if (credential?.kind === 'session' && !sessionOriginAllowed(req)) {
      return openedUnderAnotherName(req) ? ws.close(CLOSE.wrongOrigin, new URL(env().AUTH_URL).origin) : ws.close(CLOSE.unauthenticated, 'origin not allowed');
    }
    const userId = credential ? userIdFor(credential) : null;
    const viewer = userId ? loadViewer(userId) : null;
    if (!credential || !viewer) return ws.close(CLOSE.unauthenticated, 'sign in');
    const access = liveAccess(viewer, pageId);
    if (!access) return ws.close(CLOSE.notFound, 'not found');
    const ip = clientIp(req, env().TRUST_PROXY);
    if ((perIp.get(ip) ?? 0) >= cfg.maxConnectionsPerIp) return ws.close(CLOSE.limit, 'too many connections');
    // Everything that may throw comes before the room is made: a room no socket joins is never unloaded.
    // Shown on this person's caret to everyone on the page: never their e-mail address.
    const name = displayNameOf(viewer.id);
    let room: Room;
    try {
      room = roomFor(pageId);
    } catch (e) {
      console.error('[collab] could not load a document:', e instanceof Error ? e.message : e);
      return ws.close(CLOSE.serverError, 'load failed');
    }
    if (room.conns.size >= cfg.maxConnectionsPerPage) return ws.close(CLOSE.limit, 'page is full');
    perIp.set(ip, (perIp.get(ip) ?? 0) + 1);
    ws.on('close', () => {
      const n = (perIp.get(ip) ?? 1) - 1;
      if (n <= 0) perIp.delete(ip);
      else perIp.set(ip, n);
    });
    const conn: Conn = {
      ws,
      userId: viewer.id,
      user: { id: viewer.id, name, color: userColor(viewer.id) },
      access,
      ip,
      credential,
      awarenessIds: new Set(),
      tokens: cfg.messageBurst,
      refilledAt: Date.now(),
    };
    room.connect(conn);
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/collab/')) return false;
    const m = PAGE_PATH.exec(url.pathname);
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!m) return ws.close(CLOSE.notFound, 'not found');
      try {
        onConnection(ws, req, url, m[1]!);
      } catch (e) {
        console.error('[collab] connection failed:', e instanceof Error ? e.message : e);
        ws.close(CLOSE.serverError, 'server error');
      }
    });
    return true;
  }

  function recheckAccess(scope: AccessScope = {}): void {
    const people = scope.userIds ? new Set(scope.userIds) : null;
    const targets = scope.pageIds ? scope.pageIds.flatMap((id) => rooms.get(id) ?? []) : [...rooms.values()];
    const viewers = new Map<string, Viewer>(); // each person and each page loaded once per re-check
    for (const room of targets) {
      let ref: ReturnType<typeof pageRefOf> | undefined;
      for (const conn of [...room.conns.values()]) {
        if (people && !people.has(conn.userId)) continue;
        const userId = userIdFor(conn.credential);
        if (userId !== conn.userId) {
          room.close(conn, CLOSE.unauthenticated, 'session ended');
          continue;
        }
        if (!viewers.has(userId)) viewers.set(userId, loadViewer(userId));
        ref = ref === undefined ? pageRefOf(room.pageId) : ref;
        const access = accessTo(viewers.get(userId)!, ref);
        if (!access) room.close(conn, CLOSE.forbidden, 'access withdrawn');
        // Closed rather than quietly muted: the editor would go on typing into a copy that is
        // never saved. It reconnects (after a reload) as a reader.
        else if (access === 'read' && conn.access === 'edit') room.close(conn, CLOSE.forbidden, READ_ONLY_NOW);
      }
    }
  }

  const timer = setInterval(() => {
    try {
      recheckAccess();
    } catch (e) {
      console.error('[collab] access recheck failed:', e instanceof Error ? e.message : e);
    }
  }, cfg.accessRecheckMs);
  timer.unref();

  const server: CollabServer = {
    handleUpgrade,
    recheckAccess,
    linkTargetsChanged(pageIds) {
      if (rooms.size === 0 || pageIds.length === 0) return;
      for (const sourceId of linkSourcesOf([...pageIds])) rooms.get(sourceId)?.linkTargetsChanged();
    },
    amendmentsChanged(pageId) {
      rooms.get(pageId)?.amendmentsChanged();
    },
    recoverUpdateLogs: () => recoverUpdateLogs({ isOpen: (pageId) => rooms.has(pageId) }),
    rooms,
    async shutdown() {
      clearInterval(timer);
      unregisterLiveRooms(port);
      for (const room of [...rooms.values()]) {
        try {
          room.flush();
        } catch (e) {
          console.error('[collab] flush failed:', e instanceof Error ? e.message : e);
        }
        for (const conn of [...room.conns.values()]) room.close(conn, CLOSE.restart, 'server restarting');
      }
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
  // The domain reaches open rooms through this port (server/documents/live-rooms.ts).
  const port: LiveRooms = {
    liveState: (pageId) => rooms.get(pageId)?.liveState() ?? null,
    applyStoredUpdate: (pageId, update, updateId, userId, clients) => {
      const room = rooms.get(pageId);
      if (!room || room.destroyed) return false;
      room.applyStoredUpdate(update, updateId, userId, clients);
      return true;
    },
    recheckAccess,
    linkTargetsChanged: (pageIds) => server.linkTargetsChanged(pageIds),
    amendmentsChanged: (pageId) => server.amendmentsChanged(pageId),
  };
  registerLiveRooms(port);
  return server;
}
