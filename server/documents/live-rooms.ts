/**
 * The port from the domain to the open rooms: what domain code may ask of live documents,
 * without knowing how rooms work. The collaboration server (server/collab, the top floor)
 * implements it and registers it at start; with no server (the CLI, a script, most tests) there
 * are no open rooms and every call is a no-op.
 *
 * Next.js bundles route code apart from the custom server, so the two hold separate module
 * instances in one process: the registration lives on globalThis, and only bytes and ids cross it.
 */

/** Which sockets a re-check looks at: those on these pages, of these people (both: both hold); all by default. */
export type AccessScope = { pageIds?: readonly string[]; userIds?: readonly string[] };

export type LiveRooms = {
  /** The open room's document as one update, or null when no room holds the page. */
  liveState(pageId: string): Uint8Array | null;
  /**
   * Applies to the open room an update already stored (appended as `updateId`, its new client ids
   * `clients` recorded as `userId`'s) and relays it. False when no room holds the page.
   */
  applyStoredUpdate(pageId: string, update: Uint8Array, updateId: number, userId: string | null, clients: readonly number[]): boolean;
  /** Closes sockets whose person lost the right to read, or to edit, synchronously. */
  recheckAccess(scope?: AccessScope): void;
  /** Rooms open on pages that link to these pages are told (MESSAGE_LINK_TARGETS_CHANGED). */
  linkTargetsChanged(pageIds: readonly string[]): void;
  /** The room open on this page, if any, is told its amendments changed (MESSAGE_AMENDMENTS_CHANGED). */
  amendmentsChanged(pageId: string): void;
};

const g = globalThis as unknown as { __coopolLiveRooms?: LiveRooms };

/** The collaboration server registers itself here at start (one per process; the last one wins). */
export function registerLiveRooms(rooms: LiveRooms): void {
  g.__coopolLiveRooms = rooms;
}

/** Unregisters `rooms` if it is the one registered (a server that shut down). */
export function unregisterLiveRooms(rooms: LiveRooms): void {
  if (g.__coopolLiveRooms === rooms) g.__coopolLiveRooms = undefined;
}

export function liveRooms(): LiveRooms | null {
  return g.__coopolLiveRooms ?? null;
}

/**
 * These pages were renamed, or their visibility, status or trash changed: the editors open on
 * pages linking to them ask for the titles again at once (a rename shows everywhere).
 */
export function notifyLinkTargetsChanged(pageIds: string[]): void {
  try {
    liveRooms()?.linkTargetsChanged(pageIds);
  } catch (e) {
    console.error('[documents] link targets notice failed:', e instanceof Error ? e.message : e);
  }
}

const amendmentNotices = new Set<string>();

/**
 * This text's amendments changed (one proposed, supported, decided, put to the vote): the
 * readers who have it open ask for the list again at once, instead of at their next poll. The
 * notice leaves once the current synchronous work is over — after the transaction it may be
 * called from has committed — and once per page however many amendments changed (a passage's
 * vote deciding all its rivals).
 */
export function notifyAmendmentsChanged(pageId: string): void {
  if (amendmentNotices.size === 0) queueMicrotask(flushAmendmentNotices);
  amendmentNotices.add(pageId);
}

function flushAmendmentNotices(): void {
  const pageIds = [...amendmentNotices];
  amendmentNotices.clear();
  for (const pageId of pageIds) {
    try {
      liveRooms()?.amendmentsChanged(pageId);
    } catch (e) {
      console.error('[documents] amendments notice failed:', e instanceof Error ? e.message : e);
    }
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
    liveRooms()?.recheckAccess(scope);
  } catch (e) {
    console.error('[documents] access recheck failed:', e instanceof Error ? e.message : e);
  }
}
