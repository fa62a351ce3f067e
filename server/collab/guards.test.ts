/**
 * Guards: each closes only the offending socket, with its code, and the others keep working.
 */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { logLength } from '@/server/documents/store';
import { CLOSE } from './config';
import type { CollabConfig } from './config';
import { addParagraph, apiTokenFor, bodyText, startCollab, synced, until, twoMembersOfASection, type Harness } from '@/test/collab-harness';
import { makePage, type PageRow } from '@/test/factories';

let h: Harness | null = null;
const { tree, alice, bob } = twoMembersOfASection();

afterEach(async () => {
  await h?.close();
  h = null;
});

const newPage = (): PageRow => makePage(alice, tree.section, { status: 'published', visibility: 'space' });

/** Two synced editors on a fresh page, and a server with these limits. */
async function pair(config: Partial<CollabConfig>) {
  h = await startCollab(config);
  const page = newPage();
  const a = h.provider(page.id, { token: apiTokenFor(alice) });
  const b = h.provider(page.id, { token: apiTokenFor(bob) });
  await Promise.all([synced(a), synced(b)]);
  return { h, page, a, b };
}

/** A typed edit from `a` reaches `b`: the room still works for them. */
async function stillWorks(a: { doc: Y.Doc }, b: { doc: Y.Doc }, text: string) {
  addParagraph(a.doc, text);
  await until(() => bodyText(b.doc).includes(text), `"${text}" relayed`);
}

function syncFrame(sub: number, payload: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  for (const byte of payload) encoding.writeUint8(e, byte);
  return encoding.toUint8Array(e);
}

describe('guards', () => {
  it('a message above the size limit closes that socket with 1009, the others keep working', async () => {
    const { h, page, a, b } = await pair({ maxMessageBytes: 4096 });
    const big = h.raw(page.id, { token: apiTokenFor(bob) });
    await big.opened;
    const doc = new Y.Doc();
    addParagraph(doc, 'x'.repeat(10_000));
    big.sendUpdate(Y.encodeStateAsUpdate(doc));
    expect((await big.closed).code).toBe(CLOSE.tooLarge);
    await stillWorks(a, b, 'après le gros message');
    expect(bodyText(h.collab.rooms.get(page.id)!.doc)).not.toContain('xxx');
  });

  it('malformed frames close that socket with 1007, store nothing, and the others keep working', async () => {
    const { h, page, a, b } = await pair({});
    const valid = new Y.Doc();
    addParagraph(valid, 'contenu valide');
    const update = Y.encodeStateAsUpdate(valid);
    const frames: { what: string; data: Uint8Array | string }[] = [
      { what: 'random bytes', data: new Uint8Array([0, 0xf3, 0x9a, 0x11, 0x42, 0x07, 0xee, 0x5c]) },
      { what: 'random bytes after a sync header', data: new Uint8Array([0, 2, ...crypto.createHash('sha256').update('seed').digest()]) },
      { what: 'truncated awareness', data: new Uint8Array([1, 40, 1, 2, 3]) },
      // Declares the whole update's length but carries only half of it.
      { what: 'truncated sync update', data: syncFrame(2, [...encodeLength(update.length), ...update.subarray(0, update.length >> 1)]) },
      { what: 'text frame', data: 'hello' },
      { what: 'awareness with bad JSON', data: awarenessJsonFrame('{not json') },
    ];
    const before = logLength(page.id);
    for (const { what, data } of frames) {
      const bad = h.raw(page.id, { token: apiTokenFor(bob) });
      await bad.opened;
      bad.send(data);
      const closed = await bad.closed;
      expect(closed.code, what).toBe(CLOSE.invalidPayload);
      await stillWorks(a, b, `encore après ${what}`);
    }
    expect(bodyText(h.collab.rooms.get(page.id)!.doc)).not.toContain('contenu valide');
    expect(logLength(page.id)).toBe(before + frames.length); // one per stillWorks edit, none from the bad frames
  });

  it('a truncated update is refused even when more bytes follow it on the wire', async () => {
    const { h, page, a, b } = await pair({});
    const valid = new Y.Doc();
    addParagraph(valid, 'moitié');
    const update = Y.encodeStateAsUpdate(valid);
    const bad = h.raw(page.id, { token: apiTokenFor(bob) });
    await bad.opened;
    const half = syncFrame(2, [...encodeLength(update.length), ...update.subarray(0, update.length >> 1)]);
    // Corked: the truncated frame and the rest of the update leave in one TCP segment.
    const socket = (bad.ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.cork();
    bad.send(half);
    bad.send(update.subarray(update.length >> 1));
    socket.uncork();
    expect((await bad.closed).code).toBe(CLOSE.invalidPayload);
    await stillWorks(a, b, 'toujours là');
    expect(bodyText(h.collab.rooms.get(page.id)!.doc)).not.toContain('moitié');
  });

  it('per-page connection limit closes the extra socket with 4429', async () => {
    h = await startCollab({ maxConnectionsPerPage: 2 });
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    const third = h.raw(page.id, { token: apiTokenFor(bob) });
    expect((await third.closed).code).toBe(CLOSE.limit);
    expect(third.messages).toHaveLength(0);
    // Another page is not full.
    const other = h.provider(newPage().id, { token: apiTokenFor(bob) });
    await synced(other);
    await stillWorks(a, b, 'deux suffisent');
  });

  it('per-IP connection limit closes the extra socket with 4429, and frees the slot on close', async () => {
    h = await startCollab({ maxConnectionsPerIp: 2 });
    const a = h.provider(newPage().id, { token: apiTokenFor(alice) });
    const b = h.provider(newPage().id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    const third = h.raw(newPage().id, { token: apiTokenFor(bob) });
    expect((await third.closed).code).toBe(CLOSE.limit);
    a.disconnect();
    const h2 = h;
    await until(() => [...h2.collab.rooms.values()].reduce((n, r) => n + r.conns.size, 0) === 1, 'slot freed');
    const fourth = h.provider(newPage().id, { token: apiTokenFor(bob) });
    await synced(fourth);
  });

  it('message rate per connection: a flood closes that socket with 4429', async () => {
    const { h, page, a, b } = await pair({ messageRate: 5, messageBurst: 10 });
    const flood = h.raw(page.id, { token: apiTokenFor(bob) });
    await flood.opened;
    const query = new Uint8Array([3]); // query awareness: cheap, valid
    for (let i = 0; i < 50; i++) flood.send(query);
    expect((await flood.closed).code).toBe(CLOSE.limit);
    await stillWorks(a, b, 'au calme');
  });
});

function encodeLength(n: number): number[] {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  return [...encoding.toUint8Array(e)];
}

function awarenessJsonFrame(json: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, 12345);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, json);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}
