/**
 * The permission matrix against the real database: every role × every page (space, visibility,
 * status, deleted) × every action, compared with the table written by hand in
 * test/permission-matrix.ts. Pages are loaded with `loadPage` and asked through every entry
 * point (`canPage`, `authorizePage`, `pageAbilities`, `getPage`'s abilities, the websocket's
 * `liveDocumentAccess`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { loadPage } from '@/server/pages/load-page';
import { getPage } from '@/server/pages/page-service';
import { toSpaceRef } from '@/server/spaces/queries';
import { buildPermissionWorld, expectAppError, MATRIX_ROLES, MATRIX_SPACES, makeUser, viewerOf, type PermissionWorld } from '@/test/factories';
import { expectedLiveAccess, expectedPage, expectedRead, expectedReadsLiveText, expectedRefusal, expectedSpace, SPACE_ACTIONS_TESTED } from '@/test/permission-matrix';
import { accessTo, liveAccess } from '@/server/collab/access';
import { authorizePage, canPage, canSite, canSpace, liveDocumentAccess, pageAbilities, PAGE_ACTIONS, SITE_ACTIONS, siteAbilities, SPACE_ACTIONS, spaceAbilities } from './index';

let w: PermissionWorld;
beforeAll(() => {
  w = buildPermissionWorld();
});

const label = (p: PermissionWorld['pages'][number]) => `${p.space}/${p.visibility}/${p.status}/${p.deleted}`;

describe('page permission matrix', () => {
  it('builds every combination (2 spaces × 3 visibilities × 3 statuses × 3 deletion states)', () => {
    expect(w.pages).toHaveLength(54);
    expect(new Set(w.pages.map(label)).size).toBe(54);
  });

  it('the hand-written read table is not trivially permissive', () => {
    // Guards the table itself: anonymous reads 4 live pages per space (public published/archived).
    expect(w.pages.filter((p) => expectedRead('anonymous', p))).toHaveLength(4);
    expect(w.pages.filter((p) => expectedRead('siteAdmin', p))).toHaveLength(18);
  });

  it('canPage answers every (role, page, action) as the table says', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const role of MATRIX_ROLES) {
      const v = w.viewers[role];
      for (const p of w.pages) {
        const ref = loadPage(p.id).ref;
        for (const action of PAGE_ACTIONS) {
          checked++;
          const got = canPage(v, action, ref);
          const want = expectedPage(role, action, p);
          if (got !== want) mismatches.push(`${role} ${action} ${label(p)}: got ${got}, want ${want}`);
        }
      }
    }
    expect(checked).toBe(MATRIX_ROLES.length * 54 * PAGE_ACTIONS.length);
    expect(mismatches).toEqual([]);
  });

  it('pageAbilities equals canPage for every action, and readsLiveText is the table’s', () => {
    const mismatches: string[] = [];
    for (const role of MATRIX_ROLES) {
      const v = w.viewers[role];
      for (const p of w.pages) {
        const ref = loadPage(p.id).ref;
        const abilities = pageAbilities(v, ref);
        expect(Object.keys(abilities).sort()).toEqual([...PAGE_ACTIONS, 'readsLiveText'].sort());
        for (const action of PAGE_ACTIONS) if (abilities[action] !== canPage(v, action, ref)) mismatches.push(`${role} ${action} ${label(p)}`);
        if (abilities.readsLiveText !== expectedReadsLiveText(role, p)) mismatches.push(`${role} readsLiveText ${label(p)}: got ${abilities.readsLiveText}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('the websocket decides edit / read / refuse as the abilities say, and as the table says', () => {
    const mismatches: string[] = [];
    let edits = 0;
    let reads = 0;
    for (const role of MATRIX_ROLES) {
      const v = w.viewers[role];
      for (const p of w.pages) {
        const ref = loadPage(p.id).ref;
        const a = pageAbilities(v, ref);
        const fromAbilities = a.readsLiveText ? (a.edit ? 'edit' : 'read') : null;
        const decided = liveDocumentAccess(v, ref);
        // The collaboration server's own entry points are thin calls of the policy.
        for (const got of [decided, liveAccess(v, p.id), accessTo(v, ref)]) {
          if (got !== fromAbilities || got !== expectedLiveAccess(role, p)) mismatches.push(`${role} ${label(p)}: got ${got}, abilities ${fromAbilities}, want ${expectedLiveAccess(role, p)}`);
        }
        if (decided === 'edit') edits++;
        if (decided === 'read') reads++;
      }
    }
    expect(mismatches).toEqual([]);
    // Both answers occur: the comparison is not between two constant nulls.
    expect(edits).toBeGreaterThan(0);
    expect(reads).toBeGreaterThan(0);
    expect(liveDocumentAccess(w.viewers.siteAdmin, null)).toBeNull();
  });

  it('authorizePage refuses with not_found for unreadable pages, forbidden/unauthorized otherwise', () => {
    const mismatches: string[] = [];
    for (const role of MATRIX_ROLES) {
      const v = w.viewers[role];
      for (const p of w.pages) {
        const ref = loadPage(p.id).ref;
        for (const action of PAGE_ACTIONS) {
          let got = 'allowed';
          try {
            authorizePage(v, action, ref);
          } catch (e) {
            got = isAppError(e) ? e.code : String(e);
          }
          const want = expectedPage(role, action, p) ? 'allowed' : expectedRefusal(role, action, p);
          if (got !== want) mismatches.push(`${role} ${action} ${label(p)}: got ${got}, want ${want}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('getPage: not_found exactly when unreadable, and its abilities match the table', () => {
    const mismatches: string[] = [];
    for (const role of MATRIX_ROLES) {
      const v = w.viewers[role];
      for (const p of w.pages) {
        let view: ReturnType<typeof getPage> | null = null;
        try {
          view = getPage(v, p.id);
        } catch (e) {
          if (!isAppError(e) || e.code !== 'not_found') throw e;
        }
        if ((view !== null) !== expectedRead(role, p)) {
          mismatches.push(`${role} getPage ${label(p)}: ${view ? 'shown' : 'not_found'}`);
          continue;
        }
        if (!view) continue;
        for (const action of PAGE_ACTIONS) {
          if (view.abilities[action] !== expectedPage(role, action, p)) mismatches.push(`${role} ability ${action} ${label(p)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('stewardship is a deliberate role', () => {
  const STEER = ['publish', 'publishVersion', 'archive', 'delete', 'changeVisibility'] as const;
  const steersAny = (role: keyof PermissionWorld['viewers'], p: PermissionWorld['pages'][number]) =>
    STEER.some((a) => canPage(w.viewers[role], a, loadPage(p.id).ref));
  const alive = () => w.pages.filter((p) => p.deleted === 'alive');
  const find = (space: string, visibility: string, status: string) => alive().find((p) => p.space === space && p.visibility === visibility && p.status === status)!;

  it('a member who typed a letter and deleted it is neither an author nor a steward of any page', () => {
    for (const p of w.pages) {
      expect(loadPage(p.id).ref.authorIds, label(p)).not.toContain(w.users.typedAndDeleted.id);
      expect(steersAny('typedAndDeleted', p), label(p)).toBe(false);
    }
  });

  it('the creator, a named co-author, an animator and a site admin steer a page they read', () => {
    const p = find('section', 'members', 'draft');
    for (const role of ['author', 'namedCoAuthor', 'sectionSecretary', 'federationSecretary', 'siteAdmin'] as const) expect(steersAny(role, p), role).toBe(true);
    for (const role of ['memberSameSection', 'memberOtherSection', 'groupAdmin', 'citizen', 'anonymous'] as const) expect(steersAny(role, p), role).toBe(false);
  });

  it('a named co-author from another section does not read a space-only published page, nor steer it', () => {
    const p = find('section', 'space', 'published');
    const ref = loadPage(p.id).ref;
    expect(ref.stewardIds).toContain(w.users.namedCoAuthor.id);
    expect(canPage(w.viewers.namedCoAuthor, 'read', ref)).toBe(false);
    expect(steersAny('namedCoAuthor', p)).toBe(false);
    expectAppError(() => authorizePage(w.viewers.namedCoAuthor, 'archive', ref), 'not_found');
  });

  it('naming co-authors is the creator’s or an animator’s act, not a named co-author’s', () => {
    const ref = loadPage(find('group', 'members', 'published').id).ref;
    expect(canPage(w.viewers.author, 'manageStewards', ref)).toBe(true);
    expect(canPage(w.viewers.groupAdmin, 'manageStewards', ref)).toBe(true);
    expect(canPage(w.viewers.namedCoAuthor, 'manageStewards', ref)).toBe(false);
    expect(canPage(w.viewers.groupMember, 'manageStewards', ref)).toBe(false);
  });
});

describe('space permission matrix', () => {
  it('canSpace answers manageMembers/viewTrash/listMembers/createPage/join/leave as the table says', () => {
    const mismatches: string[] = [];
    for (const role of MATRIX_ROLES) {
      for (const space of MATRIX_SPACES) {
        const ref = toSpaceRef(w.spaceOf[space]);
        for (const action of SPACE_ACTIONS_TESTED) {
          const got = canSpace(w.viewers[role], action, ref);
          const want = expectedSpace(role, action, space);
          if (got !== want) mismatches.push(`${role} ${action} ${space}: got ${got}, want ${want}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('spaceAbilities equals canSpace for every action, and the table where it speaks', () => {
    const mismatches: string[] = [];
    for (const role of MATRIX_ROLES) {
      for (const space of MATRIX_SPACES) {
        const row = w.spaceOf[space];
        const abilities = spaceAbilities(w.viewers[role], row);
        expect(Object.keys(abilities).sort()).toEqual([...SPACE_ACTIONS].sort());
        for (const action of SPACE_ACTIONS) if (abilities[action] !== canSpace(w.viewers[role], action, toSpaceRef(row))) mismatches.push(`${role} ${action} ${space}`);
        for (const action of SPACE_ACTIONS_TESTED) if (abilities[action] !== expectedSpace(role, action, space)) mismatches.push(`${role} ${action} ${space} (table)`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a closed group cannot be joined, even by a party member', () => {
    const ref = { ...toSpaceRef(w.group), isOpen: false };
    expect(canSpace(w.viewers.memberOtherSection, 'join', ref)).toBe(false);
    expect(canSpace(w.viewers.memberOtherSection, 'join', toSpaceRef(w.group))).toBe(true);
  });

  it('a section is not left by its members (only through its secretary)', () => {
    expect(canSpace(w.viewers.memberSameSection, 'leave', toSpaceRef(w.tree.section))).toBe(false);
  });

  it('createSubspace: site admins, on the national space and federations only', () => {
    const admin = w.viewers.siteAdmin;
    expect(canSpace(admin, 'createSubspace', toSpaceRef(w.tree.national))).toBe(true);
    expect(canSpace(admin, 'createSubspace', toSpaceRef(w.tree.federation))).toBe(true);
    expect(canSpace(admin, 'createSubspace', toSpaceRef(w.tree.section))).toBe(false);
    expect(canSpace(admin, 'createSubspace', toSpaceRef(w.group))).toBe(false);
    expect(canSpace(w.viewers.federationSecretary, 'createSubspace', toSpaceRef(w.tree.federation))).toBe(false);
  });

  it('a section secretary does not animate the federation above, nor the sister section', () => {
    const v = w.viewers.sectionSecretary;
    expect(canSpace(v, 'manageMembers', toSpaceRef(w.tree.federation))).toBe(false);
    expect(canSpace(v, 'manageMembers', toSpaceRef(w.tree.otherSection))).toBe(false);
    expect(canSpace(w.viewers.federationSecretary, 'manageMembers', toSpaceRef(w.tree.otherSection))).toBe(true);
  });
});

describe('site permissions', () => {
  it('createGroup, createInvitation, joinGroups, followActivity and reading live text: party members; manageSite: admins', () => {
    const want: Record<string, [boolean, boolean]> = {
      anonymous: [false, false],
      citizen: [false, false],
      memberSameSection: [true, false],
      siteAdmin: [true, true],
    };
    for (const [role, [party, admin]] of Object.entries(want)) {
      const v = w.viewers[role as keyof typeof w.viewers];
      expect(canSite(v, 'createGroup'), role).toBe(party);
      expect(canSite(v, 'createInvitation'), role).toBe(party);
      expect(canSite(v, 'manageSite'), role).toBe(admin);
      expect(canSite(v, 'joinGroups'), role).toBe(party);
      expect(canSite(v, 'followActivity'), role).toBe(party);
      const abilities = siteAbilities(v);
      for (const action of SITE_ACTIONS) expect(abilities[action], `${role} ${action}`).toBe(canSite(v, action));
      expect(abilities.readsLiveText, role).toBe(party);
    }
  });

  it('a deleted account is anonymous to the policy', async () => {
    const { deleteAccount } = await import('@/server/users/account-service');
    const u = makeUser();
    deleteAccount(u.id);
    expect(viewerOf(u)).toBeNull();
  });
});
