/**
 * A compacted page opens without decoding its document: the first client gets the stored bytes
 * and state vector as they are; the document is built when something needs its content.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { pageDocs } from '@/db/schema';
import { CLOSE } from './config';
import { logLength } from '@/server/documents/store';
import { addParagraph, apiTokenFor, bodyText, startCollab, synced, until, type Harness } from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser, type Tree, type UserRow } from '@/test/factories';

let h: Harness | null = null;
let tree: Tree;
let alice: UserRow;

beforeAll(() => {
  tree = makeTree();
  alice = makeUser({ name: 'Alice Martin' });
  addMembership(alice, tree.section);
});

afterEach(async () => {
  await h?.close();
  h = null;
});

const storedDoc = (pageId: string) => db().select().from(pageDocs).where(eq(pageDocs.pageId, pageId)).get()!;

/** A page edited once through a room, then unloaded: its state and state vector are stored, its log is empty. */
async function compactedPage(text: string) {
  const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
  const writer = h!.provider(page.id, { token: apiTokenFor(alice) });
  await synced(writer);
  addParagraph(writer.doc, text);
  await until(() => logLength(page.id) > 0, 'update stored');
  writer.destroy();
  await until(() => !h!.collab.rooms.has(page.id), 'room unloaded');
  expect(logLength(page.id)).toBe(0);
  expect(storedDoc(page.id).stateVector).not.toBeNull();
  return page;
}

/** The sync messages a raw client received: [sub type, payload]. */
function syncMessages(messages: Uint8Array[]): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = [];
  for (const m of messages) {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== 0) continue;
    out.push([decoding.readVarUint(d), decoding.readVarUint8Array(d)]);
  }
  return out;
}

describe('opening a compacted page', () => {
  it('answers a fresh client with the stored state and vector as they are, then builds the document on the first edit', async () => {
    h = await startCollab({ idleUnloadMs: 20 });
    const page = await compactedPage('Texte déjà rangé');
    const stored = storedDoc(page.id);

    const raw = h.raw(page.id, { token: apiTokenFor(alice) });
    await raw.opened;
    raw.sendSync((e) => syncProtocol.writeSyncStep1(e, new Y.Doc()));
    await until(() => syncMessages(raw.messages).some(([sub]) => sub === syncProtocol.messageYjsSyncStep2), 'SyncStep2');
    const [step1, step2] = [syncProtocol.messageYjsSyncStep1, syncProtocol.messageYjsSyncStep2].map((sub) => syncMessages(raw.messages).find(([s]) => s === sub)![1]);
    expect(Buffer.compare(Buffer.from(step1!), stored.stateVector!)).toBe(0);
    expect(Buffer.compare(Buffer.from(step2!), stored.state)).toBe(0);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, step2!);
    expect(bodyText(copy)).toContain('Texte déjà rangé');

    // A provider edits: the room builds the document, stores the change and relays it.
    const editor = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(editor);
    expect(bodyText(editor.doc)).toContain('Texte déjà rangé');
    const before = raw.messages.length;
    addParagraph(editor.doc, 'Suite écrite ensuite');
    await until(() => raw.messages.length > before, 'relayed edit');
    for (const [sub, update] of syncMessages(raw.messages.slice(before))) if (sub === syncProtocol.messageYjsUpdate) Y.applyUpdate(copy, update);
    expect(bodyText(copy)).toContain('Suite écrite ensuite');
    expect(logLength(page.id)).toBe(1);
    const room = h.collab.rooms.get(page.id)!;
    expect(bodyText(room.doc)).toContain('Texte déjà rangé');
    expect(bodyText(room.doc)).toContain('Suite écrite ensuite');
  });

  it('gives a client that already holds part of the document only what it lacks, and stores nothing', async () => {
    h = await startCollab({ idleUnloadMs: 20 });
    const page = await compactedPage('Premier paragraphe');
    const cached = new Y.Doc();
    Y.applyUpdate(cached, storedDoc(page.id).state);
    const c = h.provider(page.id, { token: apiTokenFor(alice) }, { doc: cached });
    await synced(c);
    expect(bodyText(c.doc)).toContain('Premier paragraphe');
    expect(bodyText(c.doc).match(/Premier paragraphe/g)).toHaveLength(1);
    expect(logLength(page.id)).toBe(0);
  });

  it('closes the room 1011 and stores nothing when the stored state turns out undecodable', async () => {
    h = await startCollab({ idleUnloadMs: 20 });
    const page = await compactedPage('Texte précieux');
    const corrupt = Buffer.from('not a yjs update at all');
    // With a vector of its own (a write of the state alone drops the stored vector: next test).
    db()
      .update(pageDocs)
      .set({ state: corrupt, stateVector: Buffer.from(Y.encodeStateVector(new Y.Doc())) })
      .where(eq(pageDocs.pageId, page.id))
      .run();
    const raw = h.raw(page.id, { token: apiTokenFor(alice) });
    await raw.opened;
    // An edit needs the document: building it fails.
    const edit = new Y.Doc();
    addParagraph(edit, 'Écrit sur un document illisible');
    raw.sendSync((e: encoding.Encoder) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(edit)));
    expect((await raw.closed).code).toBe(CLOSE.serverError);
    expect(h.collab.rooms.has(page.id)).toBe(false);
    expect(logLength(page.id)).toBe(0);
    expect(Buffer.compare(storedDoc(page.id).state, corrupt)).toBe(0);
  });

  it('never trusts a stored vector that a write of the state alone left behind', async () => {
    h = await startCollab({ idleUnloadMs: 20 });
    const page = await compactedPage('Version rangée');
    // Another writer replaces the state without the vector: the vector is dropped with it.
    const other = new Y.Doc();
    addParagraph(other, 'Écrit ailleurs');
    db().update(pageDocs).set({ state: Buffer.from(Y.encodeStateAsUpdate(other)) }).where(eq(pageDocs.pageId, page.id)).run();
    expect(storedDoc(page.id).stateVector).toBeNull();
    // The room advertises the vector of what it holds, not the dropped one.
    const raw = h.raw(page.id, { token: apiTokenFor(alice) });
    await until(() => syncMessages(raw.messages).some(([sub]) => sub === syncProtocol.messageYjsSyncStep1), 'SyncStep1');
    const vector = Y.decodeStateVector(syncMessages(raw.messages).find(([sub]) => sub === syncProtocol.messageYjsSyncStep1)![1]);
    expect([...vector.keys()]).toEqual([other.clientID]);
    const c = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(c);
    expect(bodyText(c.doc)).toContain('Écrit ailleurs');
    expect(bodyText(c.doc)).not.toContain('Version rangée');
  });
});
