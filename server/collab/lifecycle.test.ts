/**
 * The life of a room: load (shared by simultaneous clients), unload when idle (compacted, and
 * nothing lost to a client reconnecting meanwhile), shutdown, and clients that stop reading.
 */
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageDocs, pages } from '@/db/schema';
import { CLOSE } from './config';
import { appendUpdate, loadDocState, logLength } from '@/server/documents/store';
import { addParagraph, apiTokenFor, bodyText, docOf, nextClose, startCollab, synced, until, twoMembersOfASection, type Harness } from '@/test/collab-harness';
import { makePage } from '@/test/factories';

let h: Harness | null = null;
const { tree, alice, bob } = twoMembersOfASection();

afterEach(async () => {
  await h?.close();
  h = null;
});

const newPage = () => makePage(alice, tree.section, { status: 'published', visibility: 'space' });

describe('room lifecycle', () => {
  it('an idle room is unloaded after its last client leaves, its log compacted into page_docs', async () => {
    h = await startCollab({ idleUnloadMs: 50 });
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    addParagraph(a.doc, 'Avant de partir');
    const room = h.collab.rooms.get(page.id)!;
    await until(() => bodyText(room.doc).includes('Avant de partir'), 'edit applied');
    expect(logLength(page.id)).toBeGreaterThan(0);
    a.disconnect();
    const collab = h.collab;
    await until(() => !collab.rooms.has(page.id), 'room unloaded');
    expect(room.destroyed).toBe(true);
    expect(logLength(page.id)).toBe(0);
    const stored = db().select().from(pageDocs).where(eq(pageDocs.pageId, page.id)).get()!;
    expect(bodyText(docOf(new Uint8Array(stored.state)))).toContain('Avant de partir');
    // Derivation ran on the way out.
    expect(db().select({ text: pages.text }).from(pages).where(eq(pages.id, page.id)).get()!.text).toContain('Avant de partir');
  });

  it('two clients connecting at once share one room and both get the whole stored history', async () => {
    h = await startCollab();
    const page = newPage();
    // A long uncompacted history, so loading takes a while.
    const writer = new Y.Doc();
    Y.applyUpdate(writer, loadDocState(page.id).state);
    let sv = Y.encodeStateVector(writer);
    const t = addParagraph(writer, '');
    for (let i = 0; i < 3000; i++) {
      t.insert(t.length, String(i % 10));
      appendUpdate(page.id, Y.encodeStateAsUpdate(writer, sv), alice.id);
      sv = Y.encodeStateVector(writer);
    }
    const expected = bodyText(writer);
    expect(expected).toHaveLength(3001);
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    expect(bodyText(a.doc)).toBe(expected);
    expect(bodyText(b.doc)).toBe(expected);
    const rooms = [...h.collab.rooms.values()].filter((r) => r.pageId === page.id);
    expect(rooms).toHaveLength(1);
    expect(rooms[0]!.conns.size).toBe(2);
  });

  it('a client reconnecting while the room unloads loses nothing', async () => {
    h = await startCollab({ idleUnloadMs: 1 });
    const page = newPage();
    const words: string[] = [];
    const harness = h;
    for (let i = 0; i < 25; i++) {
      const p = harness.provider(page.id, { token: apiTokenFor(i % 2 ? alice : bob) });
      await synced(p);
      for (const w of words) expect(bodyText(p.doc)).toContain(w);
      const word = `mot${i}`;
      words.push(word);
      addParagraph(p.doc, word);
      await until(() => bodyText(harness.collab.rooms.get(page.id)?.doc ?? new Y.Doc()).includes(word), `${word} applied`);
      p.destroy();
      // Reconnect at various moments around the unload (1 ms after the last close).
      await new Promise((r) => setTimeout(r, i % 4));
    }
    await until(() => !harness.collab.rooms.has(page.id), 'final unload');
    const stored = bodyText(docOf(loadDocState(page.id).state));
    for (const w of words) expect(stored).toContain(w);
  });

  it('shutdown derives pending changes and closes sockets with 1012', async () => {
    h = await startCollab({ deriveDebounceMs: 60_000, deriveMaxWaitMs: 60_000 });
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    addParagraph(a.doc, 'Pas encore dérivé');
    const room = h.collab.rooms.get(page.id)!;
    await until(() => bodyText(room.doc).includes('Pas encore dérivé'), 'edit applied');
    const text = () => db().select({ text: pages.text }).from(pages).where(eq(pages.id, page.id)).get()!.text;
    expect(text()).not.toContain('Pas encore dérivé');
    const closing = nextClose(a);
    await h.collab.shutdown();
    expect(text()).toContain('Pas encore dérivé');
    expect((await closing).code).toBe(CLOSE.restart);
    expect(logLength(page.id)).toBe(0); // compacted too
  });

  it('a client that stops reading is closed once its send buffer is full, without slowing the others', async () => {
    h = await startCollab({ maxBufferedBytes: 256 * 1024 });
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    const slow = h.raw(page.id, { token: apiTokenFor(bob) });
    await slow.messageCount(1); // joined
    const socket = (slow.ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.pause();
    const room = h.collab.rooms.get(page.id)!;
    const chunk = 'x'.repeat(400 * 1024);
    let sent = 0;
    while (room.conns.size === 3 && sent < 80) {
      addParagraph(a.doc, `${sent}:${chunk}`);
      const marker = `${sent}:`;
      sent++;
      await until(() => bodyText(b.doc).includes(marker), 'the other reader keeps up', 10_000);
    }
    expect(room.conns.size).toBe(2); // the slow one was dropped
    addParagraph(a.doc, 'fin');
    await until(() => bodyText(b.doc).endsWith('fin'), 'still relaying');
    socket.resume();
    expect(await slow.closed).toEqual({ code: CLOSE.limit, reason: 'send buffer full' });
  });
});
