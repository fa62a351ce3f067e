'use client';
/**
 * The browser side of a page's collaboration: one Y.Doc, kept in IndexedDB (offline edits
 * survive a reload) and synced with the server through the stock y-websocket provider. Reports
 * the connection status, whether local edits wait for the server, why the server closed the
 * connection for good (44xx, 1009: the provider must stop retrying), and who is on the page.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { CLOSE, READ_ONLY_NOW, TERMINAL_BY_CODE } from '@/lib/collab/close-codes';
import { AMENDMENTS_CHANGED_EVENT, MESSAGE_AMENDMENTS_CHANGED, MESSAGE_LINK_TARGETS_CHANGED } from '@/lib/collab/messages';
import type { CloseReason, ConnectionStatus, EditorUser, Presence } from './types';

export type Collab = { ydoc: Y.Doc; provider: WebsocketProvider; persistence: IndexeddbPersistence };

/** Close codes of the collab server that mean "do not retry", with what the editor says of each. */
const TERMINAL: ReadonlyMap<number, CloseReason> = TERMINAL_BY_CODE;

/** `ws(s)://<this host>/collab`: the collab endpoint is served by the app's own process. */
export function collabBaseUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
}

/** One browser copy per page and per person: someone else signing in here never sees it. */
export const localStoreName = (pageId: string, userId: string) => `coopol-page-${pageId}-${userId}`;

type UserState = { id?: unknown; name?: unknown; color?: unknown };

function presenceOf(provider: WebsocketProvider, self: EditorUser): Presence[] {
  const seen = new Map<string, Presence>([[self.id, { key: self.id, name: self.name, color: self.color, isSelf: true }]]);
  for (const [clientId, state] of provider.awareness.getStates()) {
    if (clientId === provider.awareness.clientID) continue;
    const u = (state as { user?: UserState }).user;
    if (!u || typeof u.name !== 'string') continue;
    // The server stamps every awareness state with the person's id: one avatar per person,
    // however many tabs they have open.
    const key = typeof u.id === 'string' ? u.id : `client-${clientId}`;
    if (seen.has(key)) continue;
    seen.set(key, { key, name: u.name, color: typeof u.color === 'string' ? u.color : '#555', isSelf: false });
  }
  return [...seen.values()];
}

export type CollabState = {
  collab: Collab | null;
  status: ConnectionStatus;
  closeReason: CloseReason | null;
  /** With `wrongOrigin`: the address the server knows itself by, to open the page at. */
  serverOrigin: string | null;
  /** Local edits not yet sent to the server (kept in IndexedDB meanwhile). */
  hasPendingEdits: boolean;
  presence: Presence[];
  /** The document has something to show: synced with the server, or restored from this browser. */
  loaded: boolean;
  /** Counts the server's notices that pages this one links to changed (titles to ask again). */
  linkTargetsChanged: number;
};

export function useCollab(pageId: string, user: EditorUser): CollabState {
  const [collab, setCollab] = useState<Collab | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [closeReason, setCloseReason] = useState<CloseReason | null>(null);
  const [serverOrigin, setServerOrigin] = useState<string | null>(null);
  const [hasPendingEdits, setPending] = useState(false);
  const [presence, setPresence] = useState<Presence[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [linkTargetsChanged, setLinkTargetsChanged] = useState(0);
  const { id: userId, name: userName, color: userColor } = user;

  useEffect(() => {
    const self = { id: userId, name: userName, color: userColor };
    const ydoc = new Y.Doc();
    const persistence = new IndexeddbPersistence(localStoreName(pageId, userId), ydoc);
    const provider = new WebsocketProvider(collabBaseUrl(), pageId, ydoc, {
      // Other tabs of this browser go through the server too: it alone decides who may write.
      disableBc: true,
      shouldReconnect: (event) => !TERMINAL.has(event.code),
    });
    provider.awareness.setLocalStateField('user', self);
    // Coopol's own message (lib/collab/messages.ts): it carries nothing and needs no answer.
    provider.messageHandlers[MESSAGE_LINK_TARGETS_CHANGED] = () => setLinkTargetsChanged((n) => n + 1);
    // The amendments' screens (outside the editor) hear of it as a window event.
    provider.messageHandlers[MESSAGE_AMENDMENTS_CHANGED] = () => window.dispatchEvent(new CustomEvent(AMENDMENTS_CHANGED_EVENT, { detail: { pageId } }));
    let terminal = false;
    let synced = false;
    /** Once synced, or once an attempt failed, we are reconnecting rather than connecting. */
    let everTried = false;

    const refresh = () => {
      if (terminal) setStatus('closed');
      else if (!navigator.onLine) setStatus('offline');
      else if (provider.wsconnected && synced) setStatus('connected');
      else setStatus(everTried ? 'reconnecting' : 'connecting');
    };
    const onStatus = ({ status: s }: { status: string }) => {
      if (s !== 'connected') synced = false;
      if (s === 'disconnected') everTried = true;
      refresh();
    };
    const onSync = (isSynced: boolean) => {
      synced = isSynced;
      if (isSynced) {
        everTried = true;
        setLoaded(true);
        // Sync step 2 carried everything the server lacked, local edits included.
        setPending(false);
      }
      refresh();
    };
    const onClosed = ({ code, reason }: { code: number; reason: string }) => {
      terminal = true;
      provider.disconnect();
      setCloseReason(code === CLOSE.forbidden && reason === READ_ONLY_NOW ? 'readOnlyNow' : (TERMINAL.get(code) ?? 'forbidden'));
      if (code === CLOSE.wrongOrigin) setServerOrigin(reason);
      refresh();
      // Someone who lost access keeps no copy of the text in this browser; someone who may only
      // read now keeps none of the edits the server will never take.
      // A refused document would be sent again from the browser's copy at every reload: drop it.
      if (code === CLOSE.forbidden || code === CLOSE.notFound || code === CLOSE.invalidDocument) void persistence.clearData();
    };
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin !== provider && origin !== persistence && !(provider.wsconnected && synced)) setPending(true);
    };
    const onAwareness = () => setPresence(presenceOf(provider, self));
    const onOnline = () => {
      if (terminal) return;
      // Reconnect at once rather than after the provider's backoff or watchdog.
      provider.disconnect();
      provider.connect();
    };
    // The browser knows it lost the network: the socket is dead or about to be. Close it now
    // rather than wait for the provider's watchdog (edits go on into IndexedDB meanwhile);
    // `online` reconnects at once.
    const onOffline = () => {
      if (!terminal) provider.disconnect();
      refresh();
    };

    // Offline (or the server slow to answer): show what this browser kept of the page.
    const onLocalLoaded = () => {
      if (ydoc.isDestroyed) return;
      if (!navigator.onLine || ydoc.getXmlFragment(BODY_FRAGMENT).length > 0) setLoaded(true);
    };
    void persistence.whenSynced.then(onLocalLoaded);

    const onConnectionClose = () => {
      everTried = true;
      refresh();
    };

    provider.on('status', onStatus);
    provider.on('connection-close', onConnectionClose);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    provider.awareness.on('change', onAwareness);
    ydoc.on('update', onUpdate);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    onAwareness();
    // The document lives in the browser only (IndexedDB, WebSocket): it can only be made after
    // mount, and the editor renders once it exists.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCollab({ ydoc, provider, persistence });

    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      provider.awareness.off('change', onAwareness);
      provider.off('status', onStatus);
      provider.off('connection-close', onConnectionClose);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      ydoc.off('update', onUpdate);
      provider.destroy();
      void persistence.destroy();
      ydoc.destroy();
      setCollab(null);
      setLoaded(false);
    };
  }, [pageId, userId, userName, userColor]);

  return { collab, status, closeReason, serverOrigin, hasPendingEdits, presence, loaded, linkTargetsChanged };
}
