/**
 * The permission matrix against the real database: every role × every page (space, visibility,
 * status, deleted) × every action, compared with the table written by hand in
 * test/permission-matrix.ts. Pages are loaded with `loadPage` and asked through every entry
 * point (`can`, `authorizePage`, `getPage`'s abilities).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { loadPage } from '@/server/pages/load-page';
import { getPage } from '@/server/pages/page-service';
import { toSpaceRef } from '@/server/spaces/queries';
import { buildPermissionWorld, expectAppError, MATRIX_ROLES, MATRIX_SPACES, makeUser, viewerOf, type PermissionWorld } from '@/test/factories';
import { expectedPage, expectedRead, expectedRefusal, expectedSpace, SPACE_ACTIONS_TESTED } from '@/test/permission-matrix';
import { authorizePage, can, canSite, canSpace, PAGE_ACTIONS } from './index';

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

  it('can() answers every (role, page, action) as the table says', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const role of MATRIX_ROLES) {
      const v = w.viewers[role];
      for (const p of w.pages) {
        const ref = loadPage(p.id).ref;
        for (const action of PAGE_ACTIONS) {
          checked++;
          const got = can(v, action, { type: 'page', page: ref });
          const want = expectedPage(role, action, p);
          if (got !== want) mismatches.push(`${role} ${action} ${label(p)}: got ${got}, want ${want}`);
        }
      }
    }
    expect(checked).toBe(MATRIX_ROLES.length * 54 * PAGE_ACTIONS.length);
    expect(mismatches).toEqual([]);
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
    STEER.some((a) => can(w.viewers[role], a, { type: 'page', page: loadPage(p.id).ref }));
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
    expect(can(w.viewers.namedCoAuthor, 'read', { type: 'page', page: ref })).toBe(false);
    expect(steersAny('namedCoAuthor', p)).toBe(false);
    expectAppError(() => authorizePage(w.viewers.namedCoAuthor, 'archive', ref), 'not_found');
  });

  it('naming co-authors is the creator’s or an animator’s act, not a named co-author’s', () => {
    const ref = loadPage(find('group', 'members', 'published').id).ref;
    expect(can(w.viewers.author, 'manageStewards', { type: 'page', page: ref })).toBe(true);
    expect(can(w.viewers.groupAdmin, 'manageStewards', { type: 'page', page: ref })).toBe(true);
    expect(can(w.viewers.namedCoAuthor, 'manageStewards', { type: 'page', page: ref })).toBe(false);
    expect(can(w.viewers.groupMember, 'manageStewards', { type: 'page', page: ref })).toBe(false);
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
  it('createGroup and createInvitation: party members; manageSite: admins', () => {
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
    }
  });

  it('a deleted account is anonymous to the policy', async () => {
    const { deleteAccount } = await import('@/server/users/account-service');
    const u = makeUser();
    deleteAccount(u.id);
    expect(viewerOf(u)).toBeNull();
  });
});
