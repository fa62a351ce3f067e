/**
 * Sync between stock providers, read-only connections, and awareness rewritten from the session.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { pages, pageUpdates } from '@/db/schema';
import { loadDocState } from '@/server/documents/store';
import { AWARENESS_IDS_PER_SOCKET } from './awareness-guard';
import {
  addParagraph,
  apiTokenFor,
  awarenessUpdate,
  barrier,
  bodyText,
  containsAll,
  docOf,
  serverRoundTrip,
  socketOf,
  startCollab,
  synced,
  until,
  type Harness,
} from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser, type Tree, type UserRow } from '@/test/factories';

let h: Harness;
let tree: Tree;
let alice: UserRow;
let bob: UserRow;
let reader: UserRow;

beforeAll(async () => {
  h = await startCollab({ deriveDebounceMs: 50 });
  tree = makeTree();
  alice = makeUser({ name: 'Alice Martin' });
  bob = makeUser({ name: 'Bob Durand' });
  reader = makeUser({ name: 'Rita Lectrice' });
  addMembership(alice, tree.section);
  addMembership(bob, tree.section);
  addMembership(reader, tree.otherSection);
});

afterAll(() => h.close());

const fragmentsEqual = (a: Y.Doc, b: Y.Doc) => a.getXmlFragment('default').toJSON() === b.getXmlFragment('default').toJSON();

describe('sync', () => {
  it('two providers converge, and a third client joining later gets the full state', async () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    addParagraph(a.doc, 'De Alice');
    addParagraph(b.doc, 'De Bob');
    await until(() => fragmentsEqual(a.doc, b.doc) && bodyText(a.doc).includes('De Bob') && bodyText(b.doc).includes('De Alice'), 'convergence');
    const c = h.provider(page.id, { token: apiTokenFor(bob) });
    await synced(c);
    await until(() => fragmentsEqual(a.doc, c.doc), 'late joiner');
    expect(bodyText(c.doc)).toContain('De Alice');
    expect(bodyText(c.doc)).toContain('De Bob');
    // Everything the clients saw is stored.
    expect(containsAll(docOf(loadDocState(page.id).state), c.doc)).toBe(true);
  });

  it('every relayed update is in SQLite', async () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    const t = addParagraph(a.doc, '');
    for (let i = 0; i < 30; i++) t.insert(t.length, String(i % 10)); // one update each
    const typed = '012345678901234567890123456789';
    await until(() => bodyText(b.doc).endsWith(typed), 'relay');
    const stored = docOf(loadDocState(page.id).state);
    expect(containsAll(stored, b.doc)).toBe(true);
    expect(bodyText(stored)).toBe(bodyText(b.doc));
    const rows = db().select({ userId: pageUpdates.userId }).from(pageUpdates).where(eq(pageUpdates.pageId, page.id)).all();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([alice.id]));
  });
});

describe('read-only connections', () => {
  it('a reader receives updates live, but what it sends is neither applied, relayed nor stored', async () => {
    // Published for all party members, in a section the reader does not belong to.
    const page = makePage(alice, tree.section, { visibility: 'members', status: 'published', markdown: 'Texte' });
    const writer = h.provider(page.id, { token: apiTokenFor(alice) });
    const r = h.provider(page.id, { token: apiTokenFor(reader) });
    await Promise.all([synced(writer), synced(r)]);
    const room = h.collab.rooms.get(page.id)!;
    expect([...room.conns.values()].find((c) => c.userId === reader.id)?.access).toBe('read');

    addParagraph(writer.doc, 'Écrit par Alice');
    await until(() => bodyText(r.doc).includes('Écrit par Alice'), 'live update to the reader');

    addParagraph(r.doc, 'Intrusion');
    await barrier(socketOf(r)); // the server has handled the reader's update
    // A later change reaches the writer after anything the server would have relayed before it.
    addParagraph(writer.doc, 'Après');
    await until(() => bodyText(r.doc).includes('Après'), 'later update');
    await until(() => bodyText(room.doc).includes('Après'), 'server doc');
    expect(bodyText(room.doc)).not.toContain('Intrusion');
    expect(bodyText(writer.doc)).not.toContain('Intrusion');
    expect(bodyText(docOf(loadDocState(page.id).state))).not.toContain('Intrusion');
    const byReader = db().select().from(pageUpdates).where(eq(pageUpdates.userId, reader.id)).all();
    expect(byReader).toHaveLength(0);
  });
});

describe('a visit is not an edit', () => {
  it('a client that already holds the text (cache, reconnection) stores nothing and changes no date', async () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
    const created = contentDate(page.id)?.getTime();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    const t = addParagraph(a.doc, 'Un texte dont on retire la fin');
    t.delete(t.length - 8, 8); // the doc now has a delete set, which every SyncStep2 carries
    await serverRoundTrip(a);
    await until(() => rowsOf(page.id) > 0, 'stored');
    await until(() => contentDate(page.id)?.getTime() !== created, 'derived', 3000);
    const rows = rowsOf(page.id);
    const date = contentDate(page.id);
    // The same person comes back with the document in their browser (y-indexeddb) and the socket
    // reconnects: their SyncStep2 holds the whole delete set and no new item.
    const cached = new Y.Doc();
    Y.applyUpdate(cached, Y.encodeStateAsUpdate(a.doc));
    a.destroy();
    const b = h.provider(page.id, { token: apiTokenFor(alice) }, { doc: cached });
    await synced(b);
    await serverRoundTrip(b);
    await new Promise((r) => setTimeout(r, 200)); // past the derivation debounce
    expect(rowsOf(page.id)).toBe(rows);
    expect(contentDate(page.id)).toEqual(date);
    // A real deletion still counts.
    const body = b.doc.getXmlFragment('default');
    const again = body.get(body.length - 1) as Y.XmlElement;
    (again.get(0) as Y.XmlText).delete(0, 3);
    await serverRoundTrip(b);
    expect(rowsOf(page.id)).toBe(rows + 1);
  });
});

const rowsOf = (pageId: string) => db().select({ id: pageUpdates.id }).from(pageUpdates).where(eq(pageUpdates.pageId, pageId)).all().length;
const contentDate = (pageId: string) => db().select({ at: pages.contentUpdatedAt }).from(pages).where(eq(pages.id, pageId)).get()?.at ?? null;

describe('awareness', () => {
  type State = { user?: { name?: string; id?: string }; cursor?: unknown } | undefined;

  it('user fields come from the session, not from the client', async () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    a.awareness.setLocalStateField('user', { name: 'Fake', id: bob.id, color: '#000' });
    await until(() => (b.awareness.getStates().get(a.doc.clientID) as State)?.user?.name === 'Alice Martin', 'rewritten awareness');
    const seen = b.awareness.getStates().get(a.doc.clientID) as State;
    expect(seen?.user?.id).toBe(alice.id);
  });

  it("a socket cannot overwrite another client's awareness state", async () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    a.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    await until(() => (b.awareness.getStates().get(a.doc.clientID) as State)?.cursor !== undefined, "alice's caret");
    const mallory = h.raw(page.id, { token: apiTokenFor(bob) });
    await mallory.opened;
    // Claims Alice's client id with a newer clock, then removes it.
    mallory.sendAwareness(awarenessUpdate(a.doc.clientID, 1000, { cursor: { anchor: 99, head: 99 } }));
    mallory.sendAwareness(awarenessUpdate(a.doc.clientID, 1001, null));
    await barrier(mallory.ws);
    // Alice changes her caret: the observer sees Alice's own state, still Alice's.
    a.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 });
    await until(() => ((b.awareness.getStates().get(a.doc.clientID) as State)?.cursor as { anchor?: number })?.anchor === 2, 'new caret');
    const room = h.collab.rooms.get(page.id)!;
    const onServer = room.awareness.getStates().get(a.doc.clientID) as State;
    expect(onServer?.user?.name).toBe('Alice Martin');
    expect((onServer?.cursor as { anchor: number }).anchor).toBe(2);
    expect(mallory.isOpen()).toBe(true);
  });

  it("a reader's awareness carries no caret", async () => {
    const page = makePage(alice, tree.section, { visibility: 'members', status: 'published' });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const r = h.provider(page.id, { token: apiTokenFor(reader) });
    await Promise.all([synced(a), synced(r)]);
    r.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    await until(() => (a.awareness.getStates().get(r.doc.clientID) as State)?.user?.name === 'Rita Lectrice', "reader's presence");
    const seen = a.awareness.getStates().get(r.doc.clientID) as State;
    expect(seen?.cursor).toBeUndefined();
  });

  it('one socket holds presences for a few client ids at most', async () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
    const observer = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(observer);
    const flood = h.raw(page.id, { token: apiTokenFor(bob) });
    await flood.opened;
    for (let id = 1; id <= 50; id++) flood.sendAwareness(awarenessUpdate(900_000 + id, 1, { cursor: null }));
    await barrier(flood.ws);
    const room = h.collab.rooms.get(page.id)!;
    const fromFlood = [...room.awareness.getStates().keys()].filter((id) => id > 900_000);
    expect(fromFlood).toHaveLength(AWARENESS_IDS_PER_SOCKET);
    // Giving one up frees its place.
    flood.sendAwareness(awarenessUpdate(900_001, 2, null));
    flood.sendAwareness(awarenessUpdate(900_077, 1, { cursor: null }));
    await barrier(flood.ws);
    const now = [...room.awareness.getStates().keys()].filter((id) => id > 900_000).sort();
    expect(now).toEqual([900_002, 900_003, 900_004, 900_077]);
    expect(flood.isOpen()).toBe(true);
  });
});
