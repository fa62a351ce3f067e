/**
 * Rights withdrawn during a session: the domain change (membership, visibility, status) reaches
 * open sockets through `notifyAccessChanged` (the live-rooms port), with no manual re-check, before the
 * change returns.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageUpdates } from '@/db/schema';
import { joinGroup, leaveGroup, removeMember } from '@/server/spaces/space-service';
import { READ_ONLY_NOW } from '@/lib/collab/close-codes';
import { deletePage, updatePage } from '@/server/pages/page-service';
import { revokeSession, sessionId } from '@/server/users/account-service';
import { CLOSE } from './config';
import { addParagraph, apiTokenFor, barrier, bodyText, nextClose, serverRoundTrip, sessionFor, socketOf, startCollab, synced, until, type Harness } from '@/test/collab-harness';
import { addMembership, makeGroup, makePage, makeTree, makeUser, siteBuilder, viewerOf, type Tree, type UserRow } from '@/test/factories';

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

  it('the right is withdrawn before the change answers: closed at once, and nothing typed after it reaches the outsider', async () => {
    const outsider = makeUser();
    addMembership(outsider, tree.otherSection);
    const page = makePage(alice, tree.section, { visibility: 'members', status: 'published' });
    const r = h.provider(page.id, { token: apiTokenFor(outsider) });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await Promise.all([synced(r), synced(a)]);
    const room = h.collab.rooms.get(page.id)!;
    const closing = nextClose(r);
    updatePage(viewerOf(alice), page.id, { visibility: 'space' });
    // Synchronously: by the time the change returns, the outsider is out of the room.
    expect([...room.conns.values()].map((c) => c.userId)).toEqual([alice.id]);
    addParagraph(a.doc, 'Réservé à la section');
    await until(() => bodyText(room.doc).includes('Réservé à la section'), 'typed after the change reaches the room');
    await serverRoundTrip(a); // the room has relayed it to everyone still there
    expect((await closing).code).toBe(CLOSE.forbidden);
    expect(bodyText(r.doc)).not.toContain('Réservé à la section');
  });

  it('a page moved to the trash closes its readers before deletePage returns; other pages stay open', async () => {
    const member = makeUser();
    addMembership(member, tree.section);
    const trashed = makePage(alice, tree.section, { visibility: 'space', status: 'published' });
    const kept = makePage(alice, tree.section, { visibility: 'space', status: 'published' });
    const p1 = h.provider(trashed.id, { token: apiTokenFor(member) });
    const p2 = h.provider(kept.id, { token: apiTokenFor(member) });
    await Promise.all([synced(p1), synced(p2)]);
    const closing = nextClose(p1);
    deletePage(viewerOf(alice), trashed.id);
    expect(h.collab.rooms.get(trashed.id)?.conns.size ?? 0).toBe(0);
    expect(h.collab.rooms.get(kept.id)!.conns.size).toBe(1);
    expect((await closing).code).toBe(CLOSE.forbidden);
  });

  it('an editor who may now only read is closed with 4403 "read only", and reconnects as a reader whose updates are ignored', async () => {
    const bob = makeUser();
    addMembership(bob, tree.otherSection);
    const group = makeGroup(alice);
    joinGroup(viewerOf(bob), group.id);
    // Published for every party member: bob keeps reading after leaving the group.
    const page = makePage(alice, group, { visibility: 'members', status: 'published' });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await Promise.all([synced(b), synced(a)]);
    const room = h.collab.rooms.get(page.id)!;
    expect([...room.conns.values()].find((c) => c.userId === bob.id)?.access).toBe('edit');
    const stopped = new Promise<{ code: number; reason: string }>((resolve) => b.on('closed', (e) => resolve(e)));
    leaveGroup(viewerOf(bob), group.id);
    expect(await stopped).toEqual({ code: CLOSE.forbidden, reason: READ_ONLY_NOW });
    expect(a.wsconnected).toBe(true);
    // Back as a reader: receives the text, and nothing it sends is applied or stored.
    const r = h.provider(page.id, { token: apiTokenFor(bob) });
    await synced(r);
    expect([...room.conns.values()].find((c) => c.userId === bob.id)?.access).toBe('read');
    addParagraph(r.doc, 'Plus le droit');
    await barrier(socketOf(r));
    addParagraph(a.doc, 'Alice écrit encore');
    await until(() => bodyText(r.doc).includes('Alice écrit encore'), 'reader still receives');
    expect(bodyText(room.doc)).not.toContain('Plus le droit');
    expect(bodyText(a.doc)).not.toContain('Plus le droit');
    expect(db().select().from(pageUpdates).where(eq(pageUpdates.userId, bob.id)).all()).toHaveLength(0);
    expect(r.wsconnected).toBe(true);
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
