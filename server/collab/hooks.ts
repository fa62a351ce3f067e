/**
 * The life of a page's document in a room, named as in Hocuspocus: load → connect → change
 * (stored, then applied and relayed) → store (the log folded) → disconnect → unload. The steps
 * themselves are the room's (room.ts); these observers are told after each one (tests, metrics).
 * A hook that throws is logged and never stops the room.
 */
export type RoomHooks = {
  /** The stored document was read into a new room (`logLength` updates replayed or pending). */
  onLoad(e: { pageId: string; logLength: number }): void;
  /** A socket joined the room. */
  onConnect(e: { pageId: string; userId: string; access: 'edit' | 'read' }): void;
  /** An update was stored (as `updateId`) and applied; it is relayed on the next turn. */
  onChange(e: { pageId: string; update: Uint8Array; userId: string | null; updateId: number }): void;
  /** The update log was folded into the stored state, up to `upToId`. */
  onStore(e: { pageId: string; upToId: number }): void;
  /** A socket left the room (closed by either side). */
  onDisconnect(e: { pageId: string; userId: string }): void;
  /** The room was dropped, after storing what was pending. */
  onUnload(e: { pageId: string }): void;
};

/** Calls `hooks[name]` if set, logging what it throws. */
export function callHook<K extends keyof RoomHooks>(hooks: Partial<RoomHooks>, name: K, event: Parameters<RoomHooks[K]>[0]): void {
  const hook = hooks[name] as ((e: typeof event) => void) | undefined;
  if (!hook) return;
  try {
    hook(event);
  } catch (e) {
    console.error(`[collab] ${name} hook failed:`, e instanceof Error ? e.message : e);
  }
}
