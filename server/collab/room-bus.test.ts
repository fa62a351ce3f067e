/**
 * The room bus: rooms relay what the bus carries, so a room of another process (simulated here
 * by publishing on the bus directly) reaches the sockets of this one, and a room's own updates go
 * out through it.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParagraph, apiTokenFor, bodyText, docOf, startCollab, synced, twoMembersOfASection, until, type Harness } from '@/test/collab-harness';
import { makePage } from '@/test/factories';
import { liveDocState } from '@/server/documents/live-state';
import { InProcessRoomBus } from './room-bus';

describe('InProcessRoomBus', () => {
  it('delivers a page’s updates to its listeners only, until they unsubscribe', () => {
    const bus = new InProcessRoomBus();
    const got: string[] = [];
    const stop = bus.subscribe('p1', (u) => got.push(`a:${u[0]}`));
    bus.subscribe('p2', (u) => got.push(`b:${u[0]}`));
    bus.publish('p1', new Uint8Array([1]));
    stop();
    bus.publish('p1', new Uint8Array([2]));
    bus.publish('p2', new Uint8Array([3]));
    expect(got).toEqual(['a:1', 'b:3']);
  });
});

describe('rooms on the bus', () => {
  const bus = new InProcessRoomBus();
  let h: Harness;
  const { tree, alice, bob } = twoMembersOfASection();
  beforeAll(async () => {
    h = await startCollab({}, undefined, { bus });
  });
  afterAll(() => h.close());

  it('publishes each applied update, and relays what another room published', async () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
    const published = docOf(liveDocState(page.id));
    bus.subscribe(page.id, (u) => Y.applyUpdate(published, u));
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    addParagraph(a.doc, 'Depuis ce processus');
    await until(() => bodyText(b.doc).includes('Depuis ce processus'), 'relayed');
    expect(bodyText(published)).toContain('Depuis ce processus');
    // Another process's room stored this update and published it: this room applies and relays it.
    const elsewhere = docOf(liveDocState(page.id));
    const before = Y.encodeStateVector(elsewhere);
    addParagraph(elsewhere, 'Depuis un autre processus');
    bus.publish(page.id, Y.encodeStateAsUpdate(elsewhere, before));
    await until(() => bodyText(a.doc).includes('Depuis un autre processus') && bodyText(b.doc).includes('Depuis un autre processus'), 'foreign update relayed');
    expect(bodyText(docOf(liveDocState(page.id)))).toContain('Depuis un autre processus');
  });
});
