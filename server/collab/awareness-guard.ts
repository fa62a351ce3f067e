/**
 * Presence as the server lets it through: identity comes from the session, never from the
 * client; a socket speaks only for its own client ids (a few, for reconnection races); readers
 * have no caret; an oversized state is dropped rather than copied to every client.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** Client ids one socket may hold presences for (a tab has one; a few for reconnection races). */
export const AWARENESS_IDS_PER_SOCKET = 4;

/** The socket whose awareness update is guarded. */
export type AwarenessSender = {
  user: { id: string; name: string; color: string };
  access: 'edit' | 'read';
  /** Awareness client ids this socket already speaks for. */
  awarenessIds: ReadonlySet<number>;
};

/**
 * Rewrites a client's awareness update: each state gets the sender's `user`, loses its cursor
 * when the sender only reads; states for client ids another socket holds (`heldByOther`), over
 * `maxStateBytes`, or new ids past AWARENESS_IDS_PER_SOCKET are left out. Throws on malformed bytes.
 */
export function guardAwarenessUpdate(update: Uint8Array, sender: AwarenessSender, heldByOther: (clientId: number) => boolean, maxStateBytes: number): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: { id: number; clock: number; state: string }[] = [];
  let claimed = sender.awarenessIds.size;
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    // A caret is a few hundred bytes: a larger state would be copied to every client (refused, not relayed).
    if (Buffer.byteLength(json) > maxStateBytes) continue;
    const raw = JSON.parse(json) as Record<string, unknown> | null;
    if (heldByOther(id)) continue;
    // A browser tab speaks for one client id; a socket inventing thousands would fill every
    // other client's memory with presences.
    if (!sender.awarenessIds.has(id)) {
      if (raw === null || claimed >= AWARENESS_IDS_PER_SOCKET) continue;
      claimed++;
    }
    let state: Record<string, unknown> | null = raw;
    if (raw && typeof raw === 'object') {
      state = { ...raw, user: sender.user };
      if (sender.access !== 'edit') delete state.cursor;
    }
    entries.push({ id, clock, state: JSON.stringify(state) });
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.id);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}
