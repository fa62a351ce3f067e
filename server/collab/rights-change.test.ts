/**
 * Rights withdrawn during a session: the domain change (membership, visibility, status) reaches
 * open sockets through the bridge's `notifyAccessChanged`, with no manual re-check.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageUpdates } from '@/db/schema';
import { removeMember } from '@/server/spaces/space-service';
import { updatePage } from '@/server/pages/page-service';
import { revokeSession, sessionId } from '@/server/users/account-service';
import { CLOSE } from './config';
import { addParagraph, apiTokenFor, barrier, bodyText, nextClose, sessionFor, socketOf, startCollab, synced, until, type Harness } from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser, siteBuilder, viewerOf, type Tree, type UserRow } from '@/test/factories';

let h: Harness;
let tree: Tree;
let alice: UserRow;

beforeAll(async () => {
  h = await startCollab();
  tree = makeTree();
  alice = makeUser({ name: 'Alice' });
  addMembership(alice, tree.section);
});

afterAll(() => h.close());

describe('rights withdrawn during a session', () => {
  it('removing a member from the section closes their socket on a space page with 4403 within a second', async () => {
    const member = makeUser();
    addMembership(member, tree.section);
    const page = makePage(alice, tree.section, { visibility: 'space', status: 'published' });
    const p = h.provider(page.id, { token: apiTokenFor(member) });
    const other = h.provider(page.id, { token: apiTokenFor(alice) });
    await Promise.all([synced(p), synced(other)]);
    const closing = nextClose(p);
    const stopped = new Promise<{ code: number }>((resolve) => p.on('closed', (e) => resolve(e)));
    const start = Date.now();
    removeMember(viewerOf(siteBuilder()), tree.section.id, member.id);
    expect((await closing).code).toBe(CLOSE.forbidden);
    expect(Date.now() - start).toBeLessThan(1000);
    expect((await stopped).code).toBe(CLOSE.forbidden); // the provider does not retry
    // The one who still may read stays connected.
    addParagraph(other.doc, 'toujours là');
    await until(() => bodyText(h.collab.rooms.get(page.id)!.doc).includes('toujours là'), 'edit by the remaining member');
    expect(h.collab.rooms.get(page.id)!.conns.size).toBe(1);
  });

  it('making a page private closes the sockets of those who can no longer read it with 4403', async () => {
    const outsider = makeUser();
    addMembership(outsider, tree.otherSection);
    const page = makePage(alice, tree.section, { visibility: 'members', status: 'published' });
    const r = h.provider(page.id, { token: apiTokenFor(outsider) });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await Promise.all([synced(r), synced(a)]);
    const closing = nextClose(r);
    const start = Date.now();
    updatePage(viewerOf(alice), page.id, { visibility: 'space' });
    expect((await closing).code).toBe(CLOSE.forbidden);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(a.wsconnected).toBe(true);
  });

  it('an editor downgraded to reader has their later updates ignored', async () => {
    const bob = makeUser();
    addMembership(bob, tree.section);
    // Published for every party member: bob keeps reading after leaving the section.
    const page = makePage(alice, tree.section, { visibility: 'members', status: 'published' });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await Promise.all([synced(b), synced(a)]);
    const room = h.collab.rooms.get(page.id)!;
    const bobConn = () => [...room.conns.values()].find((c) => c.userId === bob.id);
    expect(bobConn()?.access).toBe('edit');
    removeMember(viewerOf(siteBuilder()), tree.section.id, bob.id);
    await until(() => bobConn()?.access === 'read', 'downgrade to read');
    addParagraph(b.doc, 'Plus le droit');
    await barrier(socketOf(b));
    addParagraph(a.doc, 'Alice écrit encore');
    await until(() => bodyText(b.doc).includes('Alice écrit encore'), 'reader still receives');
    expect(bodyText(room.doc)).not.toContain('Plus le droit');
    expect(bodyText(a.doc)).not.toContain('Plus le droit');
    expect(db().select().from(pageUpdates).where(eq(pageUpdates.userId, bob.id)).all()).toHaveLength(0);
    expect(b.wsconnected).toBe(true);
  });

  it('revoking the session a socket signed in with closes it with 4401', async () => {
    const page = makePage(alice, tree.section, { visibility: 'space', status: 'published' });
    const token = sessionFor(alice);
    const p = h.provider(page.id, { sessionToken: token });
    const other = h.provider(page.id, { token: apiTokenFor(alice) });
    await Promise.all([synced(p), synced(other)]);
    const closing = nextClose(p);
    revokeSession(alice.id, sessionId(token));
    expect((await closing).code).toBe(CLOSE.unauthenticated);
    expect(other.wsconnected).toBe(true); // the same person's token-signed socket stays
  });
});
