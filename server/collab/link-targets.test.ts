/**
 * Renaming, hiding or trashing a page tells the rooms of the pages that link to it, at once; the
 * notice carries no title (each client asks again through the permission-checked route).
 */
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageLinks } from '@/db/schema';
import { MESSAGE_LINK_TARGETS_CHANGED } from '@/lib/collab/messages';
import { deletePage, updatePage } from '@/server/pages/page-service';
import { apiTokenFor, barrier, startCollab, until, type Harness, type RawClient } from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser, viewerOf, type Tree, type UserRow } from '@/test/factories';

let h: Harness;
let tree: Tree;
let alice: UserRow;

beforeAll(async () => {
  h = await startCollab();
  tree = makeTree();
  alice = makeUser();
  addMembership(alice, tree.section, 'secretary');
});

afterAll(() => h.close());

const notices = (c: RawClient) => c.messages.filter((m) => decoding.readVarUint(decoding.createDecoder(m)) === MESSAGE_LINK_TARGETS_CHANGED);
const newPage = (title: string) => makePage(alice, tree.section, { title, status: 'published', visibility: 'space' });

describe('link targets changed', () => {
  it('reaches the rooms of the pages linking to a renamed, re-published or trashed page, and no other', async () => {
    const source = newPage('Programme');
    const target = newPage('Chapitre eau');
    const unrelated = newPage('Autre page');
    db().insert(pageLinks).values({ sourceId: source.id, targetId: target.id, snippet: '' }).run();
    const a = h.raw(source.id, { token: apiTokenFor(alice) });
    const c = h.raw(unrelated.id, { token: apiTokenFor(alice) });
    await Promise.all([a.opened, c.opened]);
    await Promise.all([barrier(a.ws), barrier(c.ws)]);

    updatePage(viewerOf(alice), target.id, { title: 'Chapitre eau et assainissement' });
    await until(() => notices(a).length === 1, 'notice after the rename');
    const notice = notices(a)[0]!;
    expect(notice.byteLength).toBe(1); // the type alone: no title, no id

    updatePage(viewerOf(alice), target.id, { visibility: 'members' });
    await until(() => notices(a).length === 2, 'notice after the visibility change');
    deletePage(viewerOf(alice), target.id);
    await until(() => notices(a).length === 3, 'notice after the deletion');

    await barrier(c.ws);
    expect(notices(c)).toHaveLength(0);
    expect(a.isOpen()).toBe(true);
  });
});
