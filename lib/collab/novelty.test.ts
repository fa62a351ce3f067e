import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { bringsNothingNew } from './novelty';

const copy = (doc: Y.Doc) => {
  const c = new Y.Doc();
  Y.applyUpdate(c, Y.encodeStateAsUpdate(doc));
  return c;
};
const check = (server: Y.Doc, update: Uint8Array) => bringsNothingNew(server, Y.decodeUpdate(update));

describe('bringsNothingNew', () => {
  it('tells a repeated state (items and deletions already held) from a change', () => {
    const client = new Y.Doc();
    const text = client.getText('t');
    text.insert(0, 'bonjour la section');
    text.delete(0, 8);
    const server = copy(client);
    // What a reconnecting client sends: the diff against the server's state vector.
    expect(check(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(true);
    expect(check(server, Y.encodeStateAsUpdate(client))).toBe(true);

    const before = Y.encodeStateVector(client);
    text.insert(0, 'x');
    expect(check(server, Y.encodeStateAsUpdate(client, before))).toBe(false); // a new item

    const del = new Y.Doc();
    Y.applyUpdate(del, Y.encodeStateAsUpdate(server));
    let update: Uint8Array | null = null;
    del.on('update', (u: Uint8Array) => (update = u));
    del.getText('t').delete(2, 1); // a deletion only, of a char the server still shows
    expect(check(server, update!)).toBe(false);
  });

  it('a deletion of items the document has not received is news', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'abc');
    const server = new Y.Doc();
    let update: Uint8Array | null = null;
    const b = copy(a);
    b.on('update', (u: Uint8Array) => (update = u));
    b.getText('t').delete(0, 1);
    expect(check(server, update!)).toBe(false);
  });

  it('judges an empty update without the document, and asks for it only when there is something to compare', () => {
    let asked = 0;
    const server = new Y.Doc();
    const lazily = () => (asked++, server);
    expect(bringsNothingNew(lazily, Y.decodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())))).toBe(true);
    expect(asked).toBe(0);
    const client = new Y.Doc();
    client.getText('t').insert(0, 'nouveau');
    expect(bringsNothingNew(lazily, Y.decodeUpdate(Y.encodeStateAsUpdate(client)))).toBe(false);
    expect(asked).toBe(1);
  });
});
