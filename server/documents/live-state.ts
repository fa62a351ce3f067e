/**
 * A page's document as it stands: the open room's when one holds the page (it may hold updates
 * the stored state has too, never fewer), else the stored one.
 */
import { liveRooms } from './live-rooms';
import { loadDocState } from './store';

/** The document as one update, and the length of its stored log when it was read from storage (null: from a room). */
export function currentDoc(pageId: string): { state: Uint8Array; logLength: number | null } {
  const live = liveRooms()?.liveState(pageId);
  return live ? { state: live, logLength: null } : loadDocState(pageId);
}

/** The document as one update: the open room's, else the stored one. Throws on a read error. */
export function liveDocState(pageId: string): Uint8Array {
  return currentDoc(pageId).state;
}
