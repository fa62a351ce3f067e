/**
 * Who wrote what: each Yjs client id with content in an accepted update belongs to the person who
 * sent it first (page_doc_clients), through a room or a write without one; never re-assigned.
 */
import * as Y from 'yjs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageDocClients } from '@/db/schema';
import { applyMarkdown } from '@/server/pages/body';
import { writeDocument } from '@/server/pages/write-document';
import { addParagraph, apiTokenFor, barrier, bodyText, startCollab, synced, twoMembersOfASection, until, type Harness } from '@/test/collab-harness';
import { makePage } from '@/test/factories';

let h: Harness;
const { tree, alice, bob } = twoMembersOfASection();

beforeAll(async () => {
  h = await startCollab();
});
afterAll(() => h.close());

const newPage = () => makePage(alice, tree.section, { status: 'published', visibility: 'space' });
const ownerOf = (pageId: string, clientId: number) =>
  db()
    .select({ userId: pageDocClients.userId })
    .from(pageDocClients)
    .where(and(eq(pageDocClients.pageId, pageId), eq(pageDocClients.clientId, clientId)))
    .get()?.userId;
const clientsOf = (pageId: string) => db().select().from(pageDocClients).where(eq(pageDocClients.pageId, pageId)).all();

describe('page_doc_clients', () => {
  it('records the sender of each new client id, through a room; first owner wins', async () => {
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    addParagraph(a.doc, 'Alice écrit');
    await until(() => bodyText(b.doc).includes('Alice écrit'), 'alice relayed');
    addParagraph(b.doc, 'Bob écrit');
    await until(() => bodyText(a.doc).includes('Bob écrit'), 'bob relayed');
    expect(ownerOf(page.id, a.doc.clientID)).toBe(alice.id);
    expect(ownerOf(page.id, b.doc.clientID)).toBe(bob.id);

    // Bob sends content under Alice's client id: stored (it is an edit) but Alice stays its owner,
    // and Bob does not become the owner of anything he did not open.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(a.doc));
    forged.clientID = a.doc.clientID;
    const before = Y.encodeStateVector(forged);
    addParagraph(forged, 'au nom d’Alice');
    const raw = h.raw(page.id, { token: apiTokenFor(bob) });
    await raw.opened;
    raw.sendUpdate(Y.encodeStateAsUpdate(forged, before));
    await barrier(raw.ws);
    expect(bodyText(h.collab.rooms.get(page.id)!.doc)).toContain('au nom d’Alice');
    expect(ownerOf(page.id, a.doc.clientID)).toBe(alice.id);
    expect(clientsOf(page.id).filter((c) => c.userId === bob.id).map((c) => c.clientId)).toEqual([b.doc.clientID]);
  });

  it('records the writer of a write without a room (the append path)', () => {
    const page = newPage();
    expect(h.collab.rooms.has(page.id)).toBe(false);
    const before = new Set(clientsOf(page.id).map((c) => c.clientId));
    writeDocument(page.id, bob.id, (s) => applyMarkdown(s, 'Par l’API', 'append'));
    const added = clientsOf(page.id).filter((c) => !before.has(c.clientId));
    expect(added.map((c) => c.userId)).toEqual([bob.id]);
  });

  it('the creator owns the client id of the text a page is created with', () => {
    const page = makePage(alice, tree.section, { markdown: 'Premier jet' });
    expect(clientsOf(page.id).map((c) => c.userId)).toEqual([alice.id]);
  });
});
