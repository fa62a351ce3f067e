/** The awareness guard alone: identity from the session, own ids only, no caret for readers, no oversized state. */
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { awarenessUpdate } from '@/test/collab-harness';
import { AWARENESS_IDS_PER_SOCKET, guardAwarenessUpdate, type AwarenessSender } from './awareness-guard';

const user = { id: 'u1', name: 'Alice', color: '#123456' };
const sender = (over: Partial<AwarenessSender> = {}): AwarenessSender => ({ user, access: 'edit', awarenessIds: new Set(), ...over });

/** The states an awareness update carries, by client id. */
function statesOf(update: Uint8Array): Map<number, unknown> {
  const d = decoding.createDecoder(update);
  const out = new Map<number, unknown>();
  for (let n = decoding.readVarUint(d); n > 0; n--) {
    const id = decoding.readVarUint(d);
    decoding.readVarUint(d);
    out.set(id, JSON.parse(decoding.readVarString(d)));
  }
  return out;
}

describe('guardAwarenessUpdate', () => {
  it('puts the session’s user in place of the one the client claims', () => {
    const out = guardAwarenessUpdate(awarenessUpdate(7, 1, { user: { name: 'admin@coopol.test' }, cursor: { a: 1 } }), sender(), () => false, 4096);
    expect(statesOf(out).get(7)).toEqual({ user, cursor: { a: 1 } });
  });

  it('drops a reader’s caret, a state too large, and an id another socket holds', () => {
    expect(statesOf(guardAwarenessUpdate(awarenessUpdate(7, 1, { cursor: { a: 1 } }), sender({ access: 'read' }), () => false, 4096)).get(7)).toEqual({ user });
    expect(statesOf(guardAwarenessUpdate(awarenessUpdate(7, 1, { pad: 'x'.repeat(5000) }), sender(), () => false, 4096)).size).toBe(0);
    expect(statesOf(guardAwarenessUpdate(awarenessUpdate(7, 1, {}), sender(), (id) => id === 7, 4096)).size).toBe(0);
  });

  it('lets a socket claim a few new ids, no more', () => {
    const held = new Set(Array.from({ length: AWARENESS_IDS_PER_SOCKET }, (_, i) => i + 1));
    expect(statesOf(guardAwarenessUpdate(awarenessUpdate(99, 1, {}), sender({ awarenessIds: held }), () => false, 4096)).size).toBe(0);
    expect(statesOf(guardAwarenessUpdate(awarenessUpdate(1, 2, {}), sender({ awarenessIds: held }), () => false, 4096)).size).toBe(1);
  });
});
