/**
 * How rooms share document updates. A room publishes every update it applied; every room open on
 * that page — today the one room of this process — receives it and relays it to its sockets.
 *
 * Today the bus is in-process and synchronous. To run rooms for one page in several processes,
 * a Redis implementation can take its place (the y-redis design: one stream per page, XADD on
 * publish, XREAD from each process's subscription, routing by page id): subscribers then receive
 * their own publications back later, and a room applies what it receives (Yjs ignores what it
 * already holds) before relaying. Updates are stored before they are published, so a bus that
 * loses a message loses no word: a room catches up from storage.
 */
export type RoomBusListener = (update: Uint8Array) => void;

export type RoomBus = {
  publish(pageId: string, update: Uint8Array): void;
  /** Listens to a page's updates; returns the unsubscribe. */
  subscribe(pageId: string, listener: RoomBusListener): () => void;
};

/** Delivers each publication at once to the page's listeners in this process. */
export class InProcessRoomBus implements RoomBus {
  private readonly listeners = new Map<string, Set<RoomBusListener>>();

  publish(pageId: string, update: Uint8Array): void {
    // Runs on every keystroke: the set itself, no copy (a listener removed meanwhile is skipped).
    const set = this.listeners.get(pageId);
    if (set) for (const listener of set) listener(update);
  }

  subscribe(pageId: string, listener: RoomBusListener): () => void {
    let set = this.listeners.get(pageId);
    if (!set) this.listeners.set(pageId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(pageId) === set) this.listeners.delete(pageId);
    };
  }
}
