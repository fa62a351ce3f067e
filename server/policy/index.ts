/**
 * The one place where Coopol's access rules live (see shared/DESIGN.md, "Permissions").
 * Every channel asks here: `canPage` / `canSpace` / `canSite` for one decision, `authorize*` to
 * refuse with the right error, the abilities objects (`pageAbilities`, `spaceAbilities`,
 * `siteAbilities`) for the page route, the JSON API and the UI, `liveDocumentAccess` for the
 * websocket, `readsLiveText` for which text (live or published) lists, search and backlinks
 * show, and `readableWhere()` for lists, which a test holds equal to `canPage(viewer, 'read',
 * page)` over the whole matrix.
 */
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { pages, pageAuthors, pageStewards, spaces, type PageKind, type PageStatus, type SpaceKind, type Visibility } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { isPartyMember, isSiteAdmin, type Viewer } from './viewer';
import { canDeliberate, DELIBERATION_ACTIONS, stageRefusal, type DeliberationAbilities, type DeliberationAction, type DeliberationRef } from './deliberation';
import { prefixEnd } from '@/db/path-prefix';

export type { Viewer } from './viewer';
export { isPartyMember, isSiteAdmin } from './viewer';
export { assertStageAllows, DELIBERATION_ACTIONS, STAGE_REFUSALS, stageRefusal } from './deliberation';
export type { DeliberationAbilities, DeliberationAction, DeliberationRef } from './deliberation';

/** Days a deleted page stays restorable in its space's trash. */
export const TRASH_DAYS = 30;

export type SpaceRef = { id: string; kind: SpaceKind; path: string; isOpen: boolean };
export type PageRef = {
  id: string;
  space: SpaceRef;
  visibility: Visibility;
  status: PageStatus;
  deletedAt: Date | null;
  /** Authors: the creator and those whose text is (or was, in a saved version) in the page. */
  authorIds: readonly string[];
  createdBy: string | null;
  /** Co-authors the creator or an animator named to steer the page (page_stewards). */
  stewardIds: readonly string[];
  /** The page's kind (absent: a document). */
  kind?: PageKind;
  /** A motion's, or a chapter's opened for amendments, stage (deliberations); absent or null: none. */
  deliberation?: DeliberationRef | null;
};

export type PageAction =
  | 'read'
  | 'edit'
  | 'comment'
  | 'publish'
  | 'publishVersion'
  | 'viewHistory'
  | 'changeVisibility'
  | 'archive'
  | 'delete'
  | 'restore'
  | 'viewStewards'
  | 'manageStewards'
  | 'manageEvent'
  | 'rsvp';
/**
 * `inviteMembers`: invite an address to join the space (its secretaries, a group's admins).
 * `requestJoin`: ask to enter it — a citizen asks to join the party in a section, a party member
 * asks to join a group on request. `requestTransfer`: a member asks to move to this section.
 * `decideRequests`: accept or decline those requests (its animators).
 */
export type SpaceAction =
  | 'listMembers'
  | 'manageMembers'
  | 'createPage'
  | 'join'
  | 'leave'
  | 'viewTrash'
  | 'createSubspace'
  | 'inviteMembers'
  | 'requestJoin'
  | 'requestTransfer'
  | 'decideRequests';
export type SiteAction = 'createGroup' | 'createInvitation' | 'manageSite' | 'joinGroups' | 'followActivity';

export const PAGE_ACTIONS: readonly PageAction[] = [
  'read',
  'edit',
  'comment',
  'publish',
  'publishVersion',
  'viewHistory',
  'changeVisibility',
  'archive',
  'delete',
  'restore',
  'viewStewards',
  'manageStewards',
  'manageEvent',
  'rsvp',
];
export const SPACE_ACTIONS: readonly SpaceAction[] = [
  'listMembers',
  'manageMembers',
  'createPage',
  'join',
  'leave',
  'viewTrash',
  'createSubspace',
  'inviteMembers',
  'requestJoin',
  'requestTransfer',
  'decideRequests',
];
export const SITE_ACTIONS: readonly SiteAction[] = ['createGroup', 'createInvitation', 'manageSite', 'joinGroups', 'followActivity'];

/**
 * Which text of the pages they may read a viewer is shown: party members read the live document
 * (read-only unless they may edit); citizens and anonymous readers the latest published version,
 * never the live document, its title or date since, nor who writes it. The one place this rule
 * lives: lists, search, backlinks, images, exports and the websocket all ask it.
 */
export function readsLiveText(v: Viewer): boolean {
  return isPartyMember(v);
}

/**
 * Actions internal to the party (who wrote what, who steers): outside it they do not exist, so a
 * refusal is `not_found` even where the page itself is public.
 */
const PARTY_INTERNAL: ReadonlySet<PageAction> = new Set(['viewHistory', 'viewStewards']);

/**
 * Secretary of this territory or one above it, admin of this group, or site admin. Only party
 * members hold space roles: a membership row left to someone who is no longer one (removed from
 * their section, so a citizen again) gives nothing.
 */
export function managesSpace(v: Viewer, space: Pick<SpaceRef, 'path'>): boolean {
  if (!isPartyMember(v)) return false;
  if (isSiteAdmin(v)) return true;
  return v!.managedPaths.some((p) => space.path.startsWith(p));
}

/**
 * Whether the viewer edits every plain page of the space it can read (not archived, no stage):
 * its members and animators do, by `canPage`'s own rule. Lists use it to skip loading each page's
 * authors and stewards; when it says false, ask `canPage` with the page's ref.
 */
export function editsPlainPagesOf(v: Viewer, space: Pick<SpaceRef, 'id' | 'path'>): boolean {
  return isPartyMember(v) && (inSpace(v, space.id) || managesSpace(v, space));
}

function inSpace(v: Viewer, spaceId: string): boolean {
  return isPartyMember(v) && v!.roles.has(spaceId);
}

function isAuthor(v: Viewer, page: PageRef): boolean {
  return v !== null && page.authorIds.includes(v.id);
}

function isCreator(v: Viewer, page: PageRef): boolean {
  return v !== null && page.createdBy === v.id;
}

function isNamedSteward(v: Viewer, page: PageRef): boolean {
  return v !== null && page.stewardIds.includes(v.id);
}

function canReadPage(v: Viewer, page: PageRef): boolean {
  if (page.deletedAt) return false;
  if (isSiteAdmin(v)) return true;
  // Citizens read published public pages, nothing else (not even a draft they once wrote).
  if (!isPartyMember(v)) return page.status !== 'draft' && page.visibility === 'public';
  if (page.status === 'draft') return isAuthor(v, page) || isCreator(v, page) || isNamedSteward(v, page) || managesSpace(v, page.space);
  switch (page.visibility) {
    case 'public':
      return true;
    case 'members':
      return isPartyMember(v);
    case 'space':
      return inSpace(v, page.space.id) || managesSpace(v, page.space);
  }
}

/**
 * Who steers a page's life (publish, archive, delete, visibility, restore, back to draft): its
 * creator, the co-authors named by a deliberate act, the space's animators and site admins —
 * never whoever typed in it. No steering without read: the callers check read as well.
 */
function stewardsPage(v: Viewer, page: PageRef): boolean {
  return isPartyMember(v) && (isCreator(v, page) || isNamedSteward(v, page) || managesSpace(v, page.space));
}

/** A page in the trash is restored (and seen there) by those who steer it and could read it were it not deleted. */
function mayRestore(v: Viewer, page: PageRef): boolean {
  return stewardsPage(v, page) && canReadPage(v, { ...page, deletedAt: null });
}

function isRestorable(page: PageRef, now: Date): boolean {
  return page.deletedAt !== null && now.getTime() - page.deletedAt.getTime() < TRASH_DAYS * 86_400_000;
}

/** A motion's life is its stages: filing publishes it, accepted amendments make its versions, withdrawing ends it. */
const MOTION_FINAL_STAGES: ReadonlySet<string> = new Set(['adopted', 'rejected', 'withdrawn']);

export function canPage(v: Viewer, action: PageAction, page: PageRef, now = new Date()): boolean {
  const motion = page.deliberation?.procedure === 'motion' ? page.deliberation : null;
  if (motion) {
    // Not by the page's own buttons: the stages do it (file, amendments, vote, withdraw).
    if (action === 'publish' || action === 'publishVersion') return false;
    // A filed motion is signed and amended: it is withdrawn, not deleted; archived once decided.
    if (action === 'delete' && motion.stage !== 'draft') return false;
    if (action === 'archive' && !MOTION_FINAL_STAGES.has(motion.stage)) return false;
  }
  switch (action) {
    case 'read':
      return canReadPage(v, page);
    case 'edit':
      if (page.deliberation) return canReadPage(v, page) && editsDeliberatedText(v, page, page.deliberation);
      return (
        canReadPage(v, page) &&
        isPartyMember(v) &&
        page.status !== 'archived' &&
        (inSpace(v, page.space.id) || isAuthor(v, page) || isNamedSteward(v, page) || managesSpace(v, page.space))
      );
    case 'comment':
      return v !== null && canReadPage(v, page);
    case 'publish':
      return canReadPage(v, page) && stewardsPage(v, page) && page.status !== 'published';
    case 'publishVersion':
      // Publish the live text again as a new version of an already published page.
      return canReadPage(v, page) && stewardsPage(v, page) && page.status === 'published';
    case 'viewHistory':
      // History is internal to the party: who wrote what, and drafts of the text.
      return canReadPage(v, page) && isPartyMember(v);
    case 'viewStewards':
      // Who steers a page is internal to the party too.
      return canReadPage(v, page) && isPartyMember(v);
    case 'archive':
      return canReadPage(v, page) && stewardsPage(v, page) && page.status !== 'archived';
    case 'changeVisibility':
    case 'delete':
      return canReadPage(v, page) && stewardsPage(v, page);
    case 'restore':
      return isRestorable(page, now) && mayRestore(v, page);
    case 'manageStewards':
      // Naming co-authors is the creator's act (or an animator's), never a named co-author's.
      return canReadPage(v, page) && isPartyMember(v) && (isCreator(v, page) || managesSpace(v, page.space));
    case 'manageEvent':
      // An event's organisers: who steers its page (creator, named co-authors, the space's
      // animators) — and is of the space or animates it, since its guests are the space's members
      // (a co-author from another section edits the agenda, never sees who comes).
      return page.kind === 'event' && canReadPage(v, page) && stewardsPage(v, page) && (inSpace(v, page.space.id) || managesSpace(v, page.space));
    case 'rsvp':
      // Anyone who reads a published event answers it (an anonymous visitor of a public one, by e-mail).
      return page.kind === 'event' && page.status === 'published' && canReadPage(v, page);
  }
}

/**
 * Who writes a deciding text directly: a motion's draft only by its authors (the first signatory
 * and the co-authors they named), whatever the space's rules; once filed, nobody (it changes only
 * by accepted amendments, applied by the server). A chapter open for amendments only by the
 * animators who decide them; closed again, as any page of its space.
 */
function editsDeliberatedText(v: Viewer, page: PageRef, d: DeliberationRef): boolean {
  if (!isPartyMember(v) || page.status === 'archived') return false;
  if (d.procedure === 'motion') return d.stage === 'draft' && (isCreator(v, page) || isNamedSteward(v, page));
  if (d.stage === 'amendments') return managesSpace(v, page.space);
  return inSpace(v, page.space.id) || isAuthor(v, page) || isNamedSteward(v, page) || managesSpace(v, page.space);
}

/** The person's side of a deliberation action (role); the stage's side is `stageRefusal` (409). */
export function canDeliberateOn(v: Viewer, action: DeliberationAction, page: PageRef): boolean {
  return canDeliberate(v, action, page.deliberation ?? null, {
    readable: canReadPage(v, page),
    isCreator: isCreator(v, page),
    isCoAuthor: isNamedSteward(v, page),
    managesSpace: managesSpace(v, page.space),
    pageKind: page.kind,
  });
}

/** Refuses what the person may not do (404 when they cannot read the page, else 403); the stage is checked apart (409). */
export function authorizeDeliberation(v: Viewer, action: DeliberationAction, page: PageRef): void {
  if (canDeliberateOn(v, action, page)) return;
  if (!canReadPage(v, page) || (action === 'viewSignatories' && !isPartyMember(v))) throw new AppError('not_found');
  if (v === null) throw new AppError('unauthorized');
  throw new AppError('forbidden');
}

/** What the viewer may do now with a deciding text: their role and the stage both allow it. */
export function deliberationAbilities(v: Viewer, page: PageRef, now = new Date()): DeliberationAbilities {
  return Object.fromEntries(
    DELIBERATION_ACTIONS.map((a) => [a, canDeliberateOn(v, a, page) && stageRefusal(a, page.deliberation ?? null, now) === null]),
  ) as DeliberationAbilities;
}

export function canSpace(v: Viewer, action: SpaceAction, space: SpaceRef): boolean {
  switch (action) {
    case 'listMembers':
      return inSpace(v, space.id) || managesSpace(v, space);
    case 'manageMembers':
      return isPartyMember(v) && managesSpace(v, space);
    case 'viewTrash': // the list itself holds only what the viewer may restore
      return isPartyMember(v) && (inSpace(v, space.id) || managesSpace(v, space));
    case 'createPage':
      return isPartyMember(v) && (inSpace(v, space.id) || managesSpace(v, space));
    case 'join':
      return isPartyMember(v) && space.kind === 'group' && space.isOpen && !inSpace(v, space.id);
    case 'leave':
      // A section is left through its secretary (a member belongs to exactly one section).
      return space.kind === 'group' && inSpace(v, space.id);
    case 'createSubspace':
      return isSiteAdmin(v) && space.kind !== 'section' && space.kind !== 'group';
    case 'inviteMembers':
    case 'decideRequests':
      // Into a section (people join the party there) or a group; federations and the national space have no direct members.
      return (space.kind === 'section' || space.kind === 'group') && isPartyMember(v) && managesSpace(v, space);
    case 'requestJoin':
      if (v === null || inSpace(v, space.id)) return false;
      if (space.kind === 'section') return !isPartyMember(v); // a citizen asks to join the party here; members move (requestTransfer)
      return space.kind === 'group' && !space.isOpen && isPartyMember(v);
    case 'requestTransfer':
      return space.kind === 'section' && isPartyMember(v) && !isSiteAdmin(v) && !inSpace(v, space.id);
  }
}

export function canSite(v: Viewer, action: SiteAction): boolean {
  switch (action) {
    // joinGroups: affinity groups are the party's (browsing, joining, being invited to them).
    // followActivity: the stream of what happens in one's spaces, one's drafts, what awaits an animator.
    case 'createGroup':
    case 'createInvitation':
    case 'joinGroups':
    case 'followActivity':
      return isPartyMember(v);
    case 'manageSite':
      return isSiteAdmin(v);
  }
}

/** Every page action → whether the viewer may, and which text of the page they read. */
export type PageAbilities = Record<PageAction, boolean> & { readsLiveText: boolean };
export type SpaceAbilities = Record<SpaceAction, boolean>;
export type SiteAbilities = Record<SiteAction, boolean> & { readsLiveText: boolean };

/**
 * What the viewer may do with a page, computed once on the server and passed to every channel
 * (the page route, the JSON API's `abilities`, history); `readsLiveText`: they read the live
 * document of this page (else its published version).
 */
export function pageAbilities(v: Viewer, page: PageRef, now = new Date()): PageAbilities {
  const abilities = Object.fromEntries(PAGE_ACTIONS.map((a) => [a, canPage(v, a, page, now)])) as PageAbilities;
  abilities.readsLiveText = abilities.read && readsLiveText(v);
  return abilities;
}

export function spaceAbilities(v: Viewer, space: SpaceRef): SpaceAbilities {
  return Object.fromEntries(SPACE_ACTIONS.map((a) => [a, canSpace(v, a, space)])) as SpaceAbilities;
}

export function siteAbilities(v: Viewer): SiteAbilities {
  return { ...(Object.fromEntries(SITE_ACTIONS.map((a) => [a, canSite(v, a)])) as Record<SiteAction, boolean>), readsLiveText: readsLiveText(v) };
}

export type LiveDocumentAccess = 'edit' | 'read' | null;

/**
 * The websocket's decision for a page's live document: `edit`, `read` (they read the live text
 * but may not change it) or refuse (null: no such page, unreadable, or a reader of the published
 * version). The same as the abilities' `readsLiveText` and `edit`.
 */
export function liveDocumentAccess(v: Viewer, page: PageRef | null): LiveDocumentAccess {
  if (!page || !readsLiveText(v) || !canReadPage(v, page)) return null;
  return canPage(v, 'edit', page) ? 'edit' : 'read';
}

/**
 * Whether this person would steer the page once named its co-author: a party member who would
 * read it then. Nobody else can be named (naming gives no right to read).
 */
export function steersOnceNamed(person: Viewer, page: PageRef): boolean {
  if (person === null) return false;
  const named = { ...page, stewardIds: [...page.stewardIds, person.id] };
  return stewardsPage(person, named) && canReadPage(person, named);
}

/**
 * Throws when the viewer may not. A page that cannot be read is `not_found` (never `forbidden`),
 * so its existence does not leak.
 */
export function authorizePage(v: Viewer, action: PageAction, page: PageRef): void {
  if (canPage(v, action, page)) return;
  // Nobody reads a deleted page: only those who steer it (and see it in the trash) may learn
  // that it exists; to everyone else a restore answers not_found, like any unreadable page.
  const isVisible = action === 'restore' && page.deletedAt ? mayRestore(v, page) : canReadPage(v, page);
  if (!isVisible || (PARTY_INTERNAL.has(action) && !isPartyMember(v))) throw new AppError('not_found');
  if (v === null) throw new AppError('unauthorized');
  throw new AppError('forbidden');
}

export function authorizeSpace(v: Viewer, action: SpaceAction, space: SpaceRef): void {
  if (canSpace(v, action, space)) return;
  if (v === null) throw new AppError('unauthorized');
  throw new AppError('forbidden');
}

export function authorizeSite(v: Viewer, action: SiteAction): void {
  if (canSite(v, action)) return;
  if (v === null) throw new AppError('unauthorized');
  throw new AppError('forbidden');
}

/**
 * The readers whose readable-pages SQL has one shape: everyone outside the party (published public
 * pages), site admins (every page not in the trash), and party members (the full rule, their
 * values bound as JSON arrays). A query using `readableSql` can be prepared once per class.
 */
export type ReaderClass = 'public' | 'admin' | 'member';

export function readerClass(v: Viewer): ReaderClass {
  if (v === null || !isPartyMember(v)) return 'public';
  return isSiteAdmin(v) ? 'admin' : 'member';
}

/** Where a party member's values go in `readableSql`: bound values, or placeholders of a prepared query. */
type ReaderValues = { user: unknown; spaces: unknown; paths: unknown };

/** A party member's values for `readableSql`: their id, their spaces and the path ranges they animate (JSON). */
export function readerValues(v: Viewer): { rw_user: string; rw_spaces: string; rw_paths: string } {
  if (v === null) return { rw_user: '', rw_spaces: '[]', rw_paths: '[]' };
  // [from, to): every path that starts with the prefix sorts between the two (see db/path-prefix).
  const ranges = v.managedPaths.map((p) => [p, prefixEnd(p)]);
  return { rw_user: v.id, rw_spaces: JSON.stringify([...v.roles.keys()]), rw_paths: JSON.stringify(ranges) };
}

/** The placeholders of `readerValues`, for a prepared query (its values: `readerValues(viewer)`). */
export const READER_PLACEHOLDERS: ReaderValues = { user: sql.placeholder('rw_user'), spaces: sql.placeholder('rw_spaces'), paths: sql.placeholder('rw_paths') };

/**
 * The SQL twin of `can(viewer, 'read', page)` for lists over `pages`, in the shape of a reader
 * class: a page a viewer cannot read never enters a result, a count or a snippet. A member's
 * values come as bound values (`readableWhere`) or as placeholders (`READER_PLACEHOLDERS`, for a
 * query prepared once per class).
 */
export function readableSql(cls: ReaderClass, values: ReaderValues): SQL {
  const alive = isNull(pages.deletedAt);
  if (cls === 'public') return and(alive, inArray(pages.status, ['published', 'archived']), eq(pages.visibility, 'public'))!;
  if (cls === 'admin') return alive;
  // Spaces the member animates: their path ranges, answered from the path index.
  const managed = sql`${pages.spaceId} in (select s.id from json_each(${values.paths}) r join ${spaces} s on s.path >= (r.value ->> 0) and s.path < (r.value ->> 1))`;
  const visible = or(
    eq(pages.visibility, 'public'),
    eq(pages.visibility, 'members'),
    and(eq(pages.visibility, 'space'), or(sql`${pages.spaceId} in (select value from json_each(${values.spaces}))`, managed)),
  );
  const authored = sql`exists (select 1 from ${pageAuthors} where ${pageAuthors.pageId} = ${pages.id} and ${pageAuthors.userId} = ${values.user})`;
  const named = sql`exists (select 1 from ${pageStewards} where ${pageStewards.pageId} = ${pages.id} and ${pageStewards.userId} = ${values.user})`;
  return and(
    alive,
    or(
      and(inArray(pages.status, ['published', 'archived']), visible),
      and(eq(pages.status, 'draft'), or(authored, sql`${pages.createdBy} = ${values.user}`, named, managed)),
    ),
  )!;
}

/** `readableSql` for this viewer, its values bound. */
export function readableWhere(v: Viewer): SQL {
  const values = readerValues(v);
  return readableSql(readerClass(v), { user: values.rw_user, spaces: values.rw_spaces, paths: values.rw_paths });
}
