/**
 * The document's life, one hook at a time, against a real server on port 0 with stock
 * y-websocket clients (as Hocuspocus tests its hooks): load, connect, change, store, disconnect,
 * unload each fire once their step is done, with what it did.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { addParagraph, apiTokenFor, bodyText, docOf, startCollab, synced, twoMembersOfASection, until, type Harness } from '@/test/collab-harness';
import { makePage } from '@/test/factories';
import { loadDocState, logLength } from '@/server/documents/store';
import { transactDocument } from '@/server/documents/transact';
import type { RoomHooks } from './hooks';

let h: Harness | null = null;
const { tree, alice, bob } = twoMembersOfASection();
afterEach(async () => {
  await h?.close();
  h = null;
});

const newPage = () => makePage(alice, tree.section, { status: 'published', visibility: 'space' });
type Seen = { [K in keyof RoomHooks]: Parameters<RoomHooks[K]>[0][] };
/** A server whose hooks record every call. */
async function recording(config = {}): Promise<Seen> {
  const seen: Seen = { onLoad: [], onConnect: [], onChange: [], onStore: [], onDisconnect: [], onUnload: [] };
  const hooks: Partial<RoomHooks> = {};
  for (const name of Object.keys(seen) as (keyof RoomHooks)[]) hooks[name] = (e: never) => void seen[name].push(e);
  h = await startCollab(config, undefined, { hooks });
  return seen;
}

describe('room hooks', () => {
  it('onLoad: once per room, when the first client opens the page, with the log it replayed', async () => {
    const seen = await recording();
    const page = newPage();
    const before = logLength(page.id);
    const a = h!.provider(page.id, { token: apiTokenFor(alice) });
    const b = h!.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    expect(seen.onLoad).toEqual([{ pageId: page.id, logLength: before }]);
  });

  it('onConnect: each socket, with its access', async () => {
    const seen = await recording();
    const page = newPage();
    await synced(h!.provider(page.id, { token: apiTokenFor(alice) }));
    expect(seen.onConnect).toEqual([{ pageId: page.id, userId: alice.id, access: 'edit' }]);
  });

  it('onChange: each stored update, from a client or from transactDocument, with its id and author', async () => {
    const seen = await recording();
    const page = newPage();
    const doc = docOf(loadDocState(page.id).state);
    const a = h!.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    addParagraph(a.doc, 'Tapé');
    await until(() => seen.onChange.length === 1, 'client change');
    transactDocument(page.id, bob.id, (doc) => void addParagraph(doc, 'Inséré'));
    expect(seen.onChange.map((e) => e.userId)).toEqual([alice.id, bob.id]);
    expect(seen.onChange[1]!.updateId).toBeGreaterThan(seen.onChange[0]!.updateId);
    for (const e of seen.onChange) Y.applyUpdate(doc, e.update);
    expect(bodyText(doc)).toContain('Tapé\nInséré');
  });

  it('onStore: the log folded into the stored state, up to the last update', async () => {
    const seen = await recording({ compactEvery: 3, deriveDebounceMs: 20 });
    const page = newPage();
    const a = h!.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    for (const [i, word] of ['un', 'deux', 'trois'].entries()) {
      addParagraph(a.doc, word);
      await until(() => seen.onChange.length === i + 1, word);
    }
    await until(() => seen.onStore.length > 0, 'stored');
    expect(seen.onStore[0]).toEqual({ pageId: page.id, upToId: seen.onChange.at(-1)!.updateId });
    expect(bodyText(docOf(loadDocState(page.id).state))).toContain('trois');
  });

  it('onDisconnect: a socket that leaves', async () => {
    const seen = await recording();
    const page = newPage();
    const a = h!.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    a.disconnect();
    await until(() => seen.onDisconnect.length === 1, 'disconnect');
    expect(seen.onDisconnect).toEqual([{ pageId: page.id, userId: alice.id }]);
  });

  it('onUnload: after the last socket left, once what was pending is stored', async () => {
    const seen = await recording({ idleUnloadMs: 30 });
    const page = newPage();
    const a = h!.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    addParagraph(a.doc, 'Avant de partir');
    await until(() => seen.onChange.length === 1, 'change');
    a.disconnect();
    await until(() => seen.onUnload.length === 1, 'unload');
    expect(seen.onUnload).toEqual([{ pageId: page.id }]);
    expect(seen.onStore).toHaveLength(1); // stored before the room went
    expect(logLength(page.id)).toBe(0);
  });
});
