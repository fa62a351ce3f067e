/**
 * Named co-authors: the creator or an animator names party members who may read the page; a
 * nomination gives steering (publish, archive, delete, visibility), typing never does.
 */
import { describe, expect, it } from 'vitest';
import { canPage } from '@/server/policy';
import { addMembership, expectAppError, makeGroup, makePage, makeTree, makeUser, typeAndDelete, viewerOf } from '@/test/factories';
import { loadPage } from './load-page';
import { updatePage } from './page-service';
import { addSteward, listStewards, removeSteward } from './stewards';

const tree = makeTree();
const creator = makeUser({ name: 'Claire Créatrice' });
const colleague = makeUser({ name: 'Camille Collègue' });
const typist = makeUser({ name: 'Théo Tapeur' });
const secretary = makeUser({ name: 'Sonia Secrétaire' });
const outsider = makeUser({ name: 'Olivier Ailleurs' });
const citizen = makeUser({ siteRole: 'citizen', name: 'Cécile Citoyenne' });
for (const u of [creator, colleague, typist]) addMembership(u, tree.section);
addMembership(secretary, tree.section, 'secretary');
addMembership(outsider, tree.otherSection);

const steers = (who: { id: string }, pageId: string) => canPage(viewerOf(who), 'archive', loadPage(pageId).ref);

describe('stewards', () => {
  it('the creator names a colleague by address: the colleague steers, a member who typed a letter does not', () => {
    const page = makePage(creator, tree.section, { status: 'published', visibility: 'space' });
    typeAndDelete(page.id, typist);
    expect(steers(typist, page.id)).toBe(false);
    expect(steers(colleague, page.id)).toBe(false);
    const named = addSteward(viewerOf(creator), page.id, { person: colleague.email!.toUpperCase() });
    expect(named).toEqual({ userId: colleague.id, displayName: 'Camille Collègue', isCreator: false });
    expect(steers(colleague, page.id)).toBe(true);
    expect(steers(creator, page.id)).toBe(true);
    expect(steers(secretary, page.id)).toBe(true);
    expect(listStewards(viewerOf(typist), page.id)).toEqual({
      stewards: [
        { userId: creator.id, displayName: 'Claire Créatrice', isCreator: true },
        { userId: colleague.id, displayName: 'Camille Collègue', isCreator: false },
      ],
      canManage: false,
    });
    // Stewardship at work: the colleague archives the page.
    updatePage(viewerOf(colleague), page.id, { status: 'archived' });
    expect(loadPage(page.id).row.status).toBe('archived');
  });

  it('by name, accents and case aside; an animator names too; a named co-author does not name others', () => {
    const page = makePage(creator, tree.section, { status: 'published', visibility: 'members' });
    addSteward(viewerOf(secretary), page.id, { person: 'camille collegue' });
    expect(listStewards(viewerOf(creator), page.id).stewards.map((s) => s.userId)).toEqual([creator.id, colleague.id]);
    expectAppError(() => addSteward(viewerOf(colleague), page.id, { person: typist.email! }), 'forbidden');
    expectAppError(() => addSteward(viewerOf(creator), page.id, { person: colleague.email! }), 'conflict', 'person');
    expectAppError(() => addSteward(viewerOf(creator), page.id, { person: creator.email! }), 'conflict', 'person');
  });

  it('only a party member who may read the page can be named; unknown and unreadable get one answer', () => {
    const page = makePage(creator, tree.section, { status: 'published', visibility: 'space' });
    expectAppError(() => addSteward(viewerOf(creator), page.id, { person: outsider.email! }), 'invalid_input', 'person');
    expectAppError(() => addSteward(viewerOf(creator), page.id, { person: 'personne@inconnu.test' }), 'invalid_input', 'person');
    expectAppError(() => addSteward(viewerOf(creator), page.id, { person: citizen.email! }), 'invalid_input', 'person');
    // On a page all party members read, a member of another section the creator has never met
    // gets the same answer as an unknown address (naming would tell who is in the party)…
    const open = makePage(creator, tree.section, { status: 'published', visibility: 'members' });
    expectAppError(() => addSteward(viewerOf(creator), open.id, { person: outsider.email! }), 'invalid_input', 'person');
    // …and can be named once they share a group (its member list already shows them).
    const group = makeGroup(creator);
    addMembership(outsider, group);
    addSteward(viewerOf(creator), open.id, { person: outsider.email! });
    expect(steers(outsider, open.id)).toBe(true);
    // Narrowed to the section: no steering without read.
    updatePage(viewerOf(creator), open.id, { visibility: 'space' });
    const ref = loadPage(open.id).ref;
    expect(canPage(viewerOf(outsider), 'read', ref)).toBe(false);
    expect(canPage(viewerOf(outsider), 'changeVisibility', ref)).toBe(false);
  });

  it('a co-author named on a draft reads and steers it; removed, no longer', () => {
    const draft = makePage(creator, tree.section, { status: 'draft' });
    expect(canPage(viewerOf(colleague), 'read', loadPage(draft.id).ref)).toBe(false);
    addSteward(viewerOf(creator), draft.id, { person: colleague.email! });
    expect(canPage(viewerOf(colleague), 'publish', loadPage(draft.id).ref)).toBe(true);
    removeSteward(viewerOf(creator), draft.id, colleague.id);
    expect(canPage(viewerOf(colleague), 'read', loadPage(draft.id).ref)).toBe(false);
    expectAppError(() => removeSteward(viewerOf(creator), draft.id, colleague.id), 'not_found');
  });

  it('several members with one name: the address is asked for', () => {
    const twin = makeUser({ name: 'Camille Collègue' });
    addMembership(twin, tree.section);
    const page = makePage(creator, tree.section, { status: 'published', visibility: 'space' });
    expectAppError(() => addSteward(viewerOf(creator), page.id, { person: 'Camille Collègue' }), 'invalid_input', 'person');
  });
});
