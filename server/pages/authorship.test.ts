/**
 * Authorship from text still there, with real y-websocket clients: a letter typed and deleted
 * makes nobody an author and changes nothing; text that stays (or stood in a saved version)
 * does; versions record who had text in them and the page's visibility then.
 */
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageAuthors } from '@/db/schema';
import { getPage, updatePage } from './page-service';
import { saveNamedVersion } from '@/server/versions/version-service';
import { lastVersion } from '@/server/versions/versions';
import { addParagraph, apiTokenFor, bodyText, startCollab, synced, twoMembersOfASection, until, BODY, type Harness } from '@/test/collab-harness';
import { makePage, storedPage, viewerOf } from '@/test/factories';
import type { WebsocketProvider } from 'y-websocket';

let h: Harness;
const { tree, alice, bob } = twoMembersOfASection();

beforeAll(async () => {
  h = await startCollab({ deriveDebounceMs: 60_000, deriveMaxWaitMs: 60_000 });
});
afterAll(() => h.close());

const authorsOf = (pageId: string) =>
  db()
    .select({ id: pageAuthors.userId })
    .from(pageAuthors)
    .where(eq(pageAuthors.pageId, pageId))
    .all()
    .map((r) => r.id)
    .sort();
const rowOf = (pageId: string) => storedPage(pageId)!;

/** Alice's published page open in Alice's and Bob's editors. */
async function openPage(markdown = 'Texte d’Alice.') {
  const page = makePage(alice, tree.section, { status: 'published', visibility: 'members', markdown });
  const a = h.provider(page.id, { token: apiTokenFor(alice) });
  const b = h.provider(page.id, { token: apiTokenFor(bob) });
  await Promise.all([synced(a), synced(b)]);
  return { page, a, b, room: () => h.collab.rooms.get(page.id)! };
}

/** The first paragraph's text node, as the editor holds it. */
const firstText = (p: WebsocketProvider) => (p.doc.getXmlFragment(BODY).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Waits until the room holds what `from` holds (items and deletions), then derives at once. */
async function settle(room: () => { doc: Y.Doc; runDerive(): void }, from: WebsocketProvider) {
  const same = () =>
    Buffer.from(Y.encodeStateVector(room().doc)).equals(Buffer.from(Y.encodeStateVector(from.doc))) &&
    room().doc.getXmlFragment(BODY).toString() === from.doc.getXmlFragment(BODY).toString();
  await until(same, 'room caught up');
  room().runDerive();
}

describe('authorship comes from text still there', () => {
  it('a letter typed and deleted makes nobody an author, and the page is not "modified since publication"', async () => {
    const { page, b, room } = await openPage();
    const before = rowOf(page.id);
    const t = firstText(b);
    t.insert(t.length, 'x');
    await settle(room, b);
    expect(authorsOf(page.id)).toContain(bob.id); // the letter stands: Bob wrote something
    t.delete(t.length - 1, 1);
    await settle(room, b);
    expect(authorsOf(page.id)).toEqual([alice.id]);
    expect(rowOf(page.id).contentUpdatedAt).toEqual(before.contentUpdatedAt);
    expect(getPage(viewerOf(alice), page.id).publication?.changedSince).toBe(false);
  });

  it('both typed in one go and deleted between two derivations: no author, no change, no version', async () => {
    const { page, b, room } = await openPage();
    const before = rowOf(page.id);
    const t = firstText(b);
    t.insert(0, 'Oups ');
    t.delete(0, 5);
    await settle(room, b);
    expect(authorsOf(page.id)).toEqual([alice.id]);
    expect(rowOf(page.id)).toMatchObject({ contentUpdatedAt: before.contentUpdatedAt, updatedAt: before.updatedAt, updatedBy: alice.id });
  });

  it('text that stays makes an author; once all of it is gone (and no version held it), no longer', async () => {
    const { page, a, b, room } = await openPage();
    const before = rowOf(page.id);
    addParagraph(b.doc, 'La contribution de Bob.');
    await settle(room, b);
    expect(authorsOf(page.id)).toEqual([alice.id, bob.id].sort());
    expect(rowOf(page.id).contentUpdatedAt!.getTime()).toBeGreaterThan(before.contentUpdatedAt!.getTime());
    expect(getPage(viewerOf(alice), page.id).publication?.changedSince).toBe(true);
    // Alice removes Bob's paragraph.
    await until(() => bodyText(a.doc).includes('La contribution de Bob.'), 'relayed to Alice');
    a.doc.getXmlFragment(BODY).delete(1, 1);
    await settle(room, a);
    expect(authorsOf(page.id)).toEqual([alice.id]);
  });

  it('text that stood in a saved version keeps its writer an author; the version records them and the visibility then', async () => {
    const { page, a, b, room } = await openPage();
    addParagraph(b.doc, 'Bob, dans la version.');
    await settle(room, b);
    saveNamedVersion(viewerOf(alice), page.id, 'Avec Bob');
    const v = lastVersion(page.id)!;
    expect(v.authorIds.sort()).toEqual([alice.id, bob.id].sort());
    expect(v.visibility).toBe('members');
    await until(() => bodyText(a.doc).includes('Bob, dans la version.'), 'relayed to Alice');
    a.doc.getXmlFragment(BODY).delete(1, 1);
    await settle(room, a);
    expect(authorsOf(page.id)).toEqual([alice.id, bob.id].sort());
    // A version taken now has no text of Bob's, and the page's current visibility.
    updatePage(viewerOf(alice), page.id, { visibility: 'space' });
    saveNamedVersion(viewerOf(alice), page.id, 'Sans Bob');
    expect(lastVersion(page.id)).toMatchObject({ authorIds: [alice.id], visibility: 'space' });
  });

});
