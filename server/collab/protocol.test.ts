/** The wire format alone: what the stock y-protocols encoders write is read back, and the server's messages read as y-protocols reads them. */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import { addParagraph, bodyText } from '@/test/collab-harness';
import { readClientMessage, syncStep2From, updateMessage } from './protocol';

const message = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

describe('protocol', () => {
  it('reads a client’s SyncStep1, SyncStep2, Update, awareness and unknown messages; refuses an unknown sync kind', () => {
    const doc = new Y.Doc();
    addParagraph(doc, 'Bonjour');
    const step1 = message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc)));
    expect(readClientMessage(step1)).toEqual({ kind: 'syncStep1', vector: Y.encodeStateVector(doc) });
    const step2 = message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, doc)));
    expect(readClientMessage(step2).kind).toBe('update');
    const update = message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc))));
    expect(readClientMessage(update)).toEqual({ kind: 'update', update: Y.encodeStateAsUpdate(doc) });
    expect(readClientMessage(message((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, new Uint8Array([0])))))).toEqual({ kind: 'awareness', update: new Uint8Array([0]) });
    expect(readClientMessage(message((e) => encoding.writeVarUint(e, 3)))).toEqual({ kind: 'queryAwareness' });
    expect(readClientMessage(message((e) => encoding.writeVarUint(e, 2)))).toEqual({ kind: 'ignored' });
    expect(() => readClientMessage(message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 9))))).toThrow();
  });

  it('a SyncStep2 and an update from the server bring a client what it lacks', () => {
    const server = new Y.Doc();
    addParagraph(server, 'Du serveur');
    const client = new Y.Doc();
    for (const bytes of [syncStep2From(server, Y.encodeStateVector(client)), updateMessage(Y.encodeStateAsUpdate(server))]) {
      const d = decoding.createDecoder(bytes);
      expect(decoding.readVarUint(d)).toBe(0);
      syncProtocol.readSyncMessage(d, encoding.createEncoder(), client, null);
    }
    expect(bodyText(client)).toBe('Du serveur');
  });
});
