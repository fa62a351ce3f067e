/**
 * The permission matrix written out by hand from shared/DESIGN.md ("Permissions"), for the
 * policy tests. Nothing here calls the policy: it is the independent statement the policy is
 * checked against, so a wrong rule in `server/policy` makes a test fail.
 */
import type { PageStatus, Visibility } from '@/db/schema';
import type { MatrixPage, MatrixRole, MatrixSpace } from '@/test/factories';
import type { PageAction, SpaceAction } from '@/server/policy';

type PerSpace = Record<MatrixSpace, boolean>;
/**
 * `isAuthor`: listed among the page's authors (text of theirs is there). `isCreator`: made the
 * page. `isNamedSteward`: named co-author by a deliberate act. Stewardship (publish, archive,
 * delete, visibility, restore) comes from the last two and from animating the space, never from
 * typing.
 */
type Facts = { signedIn: boolean; partyMember: boolean; memberOf: PerSpace; animates: PerSpace; isAuthor: boolean; isCreator: boolean; isNamedSteward: boolean };

const none: PerSpace = { section: false, group: false };
const section: PerSpace = { section: true, group: false };
const group: PerSpace = { section: false, group: true };
const both: PerSpace = { section: true, group: true };

/** Who each role is, relative to the matrix's section and group. */
export const ROLE_FACTS: Record<MatrixRole, Facts> = {
  anonymous: { signedIn: false, partyMember: false, memberOf: none, animates: none, isAuthor: false, isCreator: false, isNamedSteward: false },
  citizen: { signedIn: true, partyMember: false, memberOf: none, animates: none, isAuthor: false, isCreator: false, isNamedSteward: false },
  // Their membership rows count for nothing: they are a citizen like any other.
  citizenWithStaleRoles: { signedIn: true, partyMember: false, memberOf: none, animates: none, isAuthor: false, isCreator: false, isNamedSteward: false },
  memberSameSection: { signedIn: true, partyMember: true, memberOf: section, animates: none, isAuthor: false, isCreator: false, isNamedSteward: false },
  memberOtherSection: { signedIn: true, partyMember: true, memberOf: none, animates: none, isAuthor: false, isCreator: false, isNamedSteward: false },
  sectionSecretary: { signedIn: true, partyMember: true, memberOf: section, animates: section, isAuthor: false, isCreator: false, isNamedSteward: false },
  // Secretary of the federation above the section: animates it without being in it.
  federationSecretary: { signedIn: true, partyMember: true, memberOf: none, animates: section, isAuthor: false, isCreator: false, isNamedSteward: false },
  groupAdmin: { signedIn: true, partyMember: true, memberOf: group, animates: group, isAuthor: false, isCreator: false, isNamedSteward: false },
  groupMember: { signedIn: true, partyMember: true, memberOf: group, animates: none, isAuthor: false, isCreator: false, isNamedSteward: false },
  // Site admins animate every space; they are members of none.
  siteAdmin: { signedIn: true, partyMember: true, memberOf: none, animates: both, isAuthor: false, isCreator: false, isNamedSteward: false },
  // Created (and wrote) every matrix page, then moved to a third section.
  author: { signedIn: true, partyMember: true, memberOf: none, animates: none, isAuthor: true, isCreator: true, isNamedSteward: false },
  // Named co-author of every matrix page; a member of another section (and of no group).
  namedCoAuthor: { signedIn: true, partyMember: true, memberOf: none, animates: none, isAuthor: false, isCreator: false, isNamedSteward: true },
  // Typed a letter in every matrix page and deleted it, as a member of the section and the
  // group, then moved to another section: a net-zero edit leaves no tie to the pages.
  typedAndDeleted: { signedIn: true, partyMember: true, memberOf: none, animates: none, isAuthor: false, isCreator: false, isNamedSteward: false },
};

const PUB_MEM: Visibility[] = ['public', 'members'];
const ALL: Visibility[] = ['public', 'members', 'space'];
type ReadRow = Record<MatrixSpace, { published: Visibility[]; drafts: boolean }>;

/**
 * Which live pages each role reads: the visibilities of published (and archived) pages, and
 * whether it reads drafts (drafts ignore visibility). Deleted pages: nobody.
 */
export const READ_TABLE: Record<MatrixRole, ReadRow> = {
  anonymous: { section: { published: ['public'], drafts: false }, group: { published: ['public'], drafts: false } },
  citizen: { section: { published: ['public'], drafts: false }, group: { published: ['public'], drafts: false } },
  citizenWithStaleRoles: { section: { published: ['public'], drafts: false }, group: { published: ['public'], drafts: false } },
  memberSameSection: { section: { published: ALL, drafts: false }, group: { published: PUB_MEM, drafts: false } },
  memberOtherSection: { section: { published: PUB_MEM, drafts: false }, group: { published: PUB_MEM, drafts: false } },
  sectionSecretary: { section: { published: ALL, drafts: true }, group: { published: PUB_MEM, drafts: false } },
  federationSecretary: { section: { published: ALL, drafts: true }, group: { published: PUB_MEM, drafts: false } },
  groupAdmin: { section: { published: PUB_MEM, drafts: false }, group: { published: ALL, drafts: true } },
  groupMember: { section: { published: PUB_MEM, drafts: false }, group: { published: ALL, drafts: false } },
  siteAdmin: { section: { published: ALL, drafts: true }, group: { published: ALL, drafts: true } },
  author: { section: { published: PUB_MEM, drafts: true }, group: { published: PUB_MEM, drafts: true } },
  // Named co-authors read drafts (they steer them); a published `space` page of a space they are
  // not in stays closed to them, and with it its steering.
  namedCoAuthor: { section: { published: PUB_MEM, drafts: true }, group: { published: PUB_MEM, drafts: true } },
  typedAndDeleted: { section: { published: PUB_MEM, drafts: false }, group: { published: PUB_MEM, drafts: false } },
};

export function expectedRead(role: MatrixRole, p: MatrixPage): boolean {
  if (p.deleted !== 'alive') return false;
  const row = READ_TABLE[role][p.space];
  return p.status === 'draft' ? row.drafts : row.published.includes(p.visibility);
}

/** The creator, named co-authors and animators (party members) steer a page's life. */
function stewards(role: MatrixRole, p: MatrixPage): boolean {
  const f = ROLE_FACTS[role];
  return f.partyMember && (f.isCreator || f.isNamedSteward || f.animates[p.space]);
}

/** Restoring (and seeing a page in the trash): stewards who could read it were it not deleted. */
function restores(role: MatrixRole, p: MatrixPage): boolean {
  return stewards(role, p) && expectedRead(role, { ...p, deleted: 'alive' });
}

export function expectedPage(role: MatrixRole, action: PageAction, p: MatrixPage): boolean {
  const f = ROLE_FACTS[role];
  const read = expectedRead(role, p);
  const status: PageStatus = p.status;
  switch (action) {
    case 'read':
      return read;
    case 'edit':
      return read && f.partyMember && status !== 'archived' && (f.memberOf[p.space] || f.isAuthor || f.isNamedSteward || f.animates[p.space]);
    case 'comment':
      return f.signedIn && read;
    case 'publish':
      return read && stewards(role, p) && status !== 'published';
    case 'publishVersion':
      return read && stewards(role, p) && status === 'published';
    case 'viewHistory':
    case 'viewStewards':
      return read && f.partyMember;
    case 'archive':
      return read && stewards(role, p) && status !== 'archived';
    case 'changeVisibility':
    case 'delete':
      return read && stewards(role, p);
    case 'restore':
      return p.deleted === 'deletedRecently' && restores(role, p);
    case 'manageStewards':
      return read && f.partyMember && (f.isCreator || f.animates[p.space]);
    case 'manageEvent':
    case 'rsvp':
      return false; // the matrix's pages are documents; events have their own tests (server/events)
  }
}

/**
 * Which text of a page a reader is shown: party members the live document, everyone else the
 * published version.
 */
export function expectedReadsLiveText(role: MatrixRole, p: MatrixPage): boolean {
  return expectedRead(role, p) && ROLE_FACTS[role].partyMember;
}

/** The websocket's answer: edit, read-only, or refused (not readable, or not a reader of the live text). */
export function expectedLiveAccess(role: MatrixRole, p: MatrixPage): 'edit' | 'read' | null {
  if (!expectedReadsLiveText(role, p)) return null;
  return expectedPage(role, 'edit', p) ? 'edit' : 'read';
}

/**
 * The error a refused action gives: unreadable pages are `not_found`, never `forbidden`; so is
 * what is internal to the party (history, stewards) for anyone outside it.
 */
export function expectedRefusal(role: MatrixRole, action: PageAction, p: MatrixPage): 'not_found' | 'unauthorized' | 'forbidden' {
  const partyInternal = action === 'viewHistory' || action === 'viewStewards';
  const hidden = action === 'restore' && p.deleted !== 'alive' ? !restores(role, p) : !expectedRead(role, p) || (partyInternal && !ROLE_FACTS[role].partyMember);
  if (hidden) return 'not_found';
  return role === 'anonymous' ? 'unauthorized' : 'forbidden';
}

export const SPACE_ACTIONS_TESTED = [
  'manageMembers',
  'viewTrash',
  'listMembers',
  'createPage',
  'join',
  'leave',
  'inviteMembers',
  'decideRequests',
  'requestJoin',
  'requestTransfer',
] as const satisfies readonly SpaceAction[];

/** The matrix's group is open. */
export function expectedSpace(role: MatrixRole, action: (typeof SPACE_ACTIONS_TESTED)[number], space: MatrixSpace): boolean {
  const f = ROLE_FACTS[role];
  switch (action) {
    case 'manageMembers':
      return f.partyMember && f.animates[space];
    case 'viewTrash': // members see the trash, listing only what they may restore
      return f.partyMember && (f.memberOf[space] || f.animates[space]);
    case 'listMembers':
      return f.memberOf[space] || f.animates[space];
    case 'createPage':
      return f.partyMember && (f.memberOf[space] || f.animates[space]);
    case 'join':
      return f.partyMember && space === 'group' && !f.memberOf[space];
    case 'leave':
      return space === 'group' && f.memberOf[space];
    case 'inviteMembers':
    case 'decideRequests':
      return f.partyMember && f.animates[space];
    case 'requestJoin':
      // A citizen asks to join the party in a section; the matrix's group is open (joined, not asked).
      return f.signedIn && !f.partyMember && space === 'section';
    case 'requestTransfer':
      return space === 'section' && f.partyMember && role !== 'siteAdmin' && !f.memberOf.section;
  }
}
