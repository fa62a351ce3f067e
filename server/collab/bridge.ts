/**
 * Next.js bundles route code apart from the custom server, so the two hold separate module
 * instances. The collaboration server publishes a small bridge on globalThis, passing only bytes
 * and ids across, so that API writes reach open rooms and permission changes close sockets.
 */
import type { AccessScope, CollabServer } from './server';

type Bridge = {
  liveState(pageId: string): Uint8Array | null;
  applyUpdate(pageId: string, update: Uint8Array, userId: string | null): boolean;
  recheckAccess(scope?: AccessScope): void;
  /** Rooms open on pages that link to these pages get MESSAGE_LINK_TARGETS_CHANGED. */
  linkTargetsChanged(pageIds: string[]): void;
};

const g = globalThis as unknown as { __coopolCollab?: Bridge };

export function installCollabBridge(server: CollabServer): void {
  g.__coopolCollab = {
    liveState: (pageId) => server.rooms.get(pageId)?.liveState() ?? null,
    applyUpdate: (pageId, update, userId) => {
      const room = server.rooms.get(pageId);
      if (!room || room.destroyed) return false;
      room.applyClientUpdate(update, userId, null);
      return true;
    },
    recheckAccess: (scope) => server.recheckAccess(scope),
    linkTargetsChanged: (pageIds) => server.linkTargetsChanged(pageIds),
  };
}

export function collabBridge(): Bridge | null {
  return g.__coopolCollab ?? null;
}

/**
 * These pages were renamed, or their visibility, status or trash changed: the editors open on
 * pages linking to them ask for the titles again at once (a rename shows everywhere).
 */
export function notifyLinkTargetsChanged(pageIds: string[]): void {
  try {
    collabBridge()?.linkTargetsChanged(pageIds);
  } catch (e) {
    console.error('[collab] link targets notice failed:', e instanceof Error ? e.message : e);
  }
}

/**
 * Rights may have changed (membership, visibility, status, deletion, a session or token ended):
 * open sockets are re-checked now, before the change that withdrew a right answers — the rooms
 * are in this process, so a withdrawn reader receives nothing typed after it. `scope` narrows
 * the re-check to the rooms of these pages and/or the sockets of these people; without it,
 * every socket is re-checked.
 */
export function notifyAccessChanged(scope?: AccessScope): void {
  try {
    collabBridge()?.recheckAccess(scope);
  } catch (e) {
    console.error('[collab] access recheck failed:', e instanceof Error ? e.message : e);
  }
}
