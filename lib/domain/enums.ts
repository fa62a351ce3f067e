/**
 * The domain's closed lists (kinds, visibilities, statuses, roles, languages), written once for
 * every floor: the browser and the routes read them here, and db/schema builds its columns from
 * them (db/ stands on lib/, never the reverse).
 */

/** What a page is; kind-specific data lives in a side table keyed by page id. */
export const PAGE_KINDS = ['document', 'motion', 'section', 'group', 'event'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Who may read a published page: anyone, any party member, or the members of its space. */
export const VISIBILITIES = ['public', 'members', 'space'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const PAGE_STATUSES = ['draft', 'published', 'archived'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export const ACTIVITY_VERBS = ['created', 'edited', 'published', 'archived', 'unpublished', 'renamed', 'restored', 'deleted', 'joined'] as const;
export type ActivityVerb = (typeof ACTIVITY_VERBS)[number];

export const SPACE_KINDS = ['national', 'federation', 'section', 'group'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

/** Roles in a space: `secretary` animates a section or federation, `admin` a group. */
export const SPACE_ROLES = ['member', 'secretary', 'admin'] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];

/** Site role: `citizen` (public account), `member` (party member), `admin`. */
export const SITE_ROLES = ['citizen', 'member', 'admin'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

/** French first. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A deciding text's stages. A motion goes draft → filed → amendments → vote → adopted | rejected,
 * or is withdrawn before the vote; a program chapter opened for amendments knows only
 * `amendments` and `closed`.
 */
export const MOTION_STAGES = ['draft', 'filed', 'amendments', 'vote', 'adopted', 'rejected', 'withdrawn'] as const;
export type MotionStage = (typeof MOTION_STAGES)[number];
export const CHAPTER_STAGES = ['amendments', 'closed'] as const;
export type ChapterStage = (typeof CHAPTER_STAGES)[number];
export const DELIBERATION_STAGES = [...MOTION_STAGES, 'closed'] as const;
export type DeliberationStage = (typeof DELIBERATION_STAGES)[number];
/** What a text deliberated on is: a motion (page kind `motion`) or a chapter opened for amendments. */
export const DELIBERATION_PROCEDURES = ['motion', 'chapter'] as const;
export type DeliberationProcedure = (typeof DELIBERATION_PROCEDURES)[number];

/** Simple (more for than against) or two-thirds (for ≥ 2 × against). Abstentions count for the quorum only. */
export const MAJORITIES = ['simple', 'two_thirds'] as const;
export type Majority = (typeof MAJORITIES)[number];

export const AMENDMENT_OPS = ['replace', 'delete', 'insert_after'] as const;
export type AmendmentOp = (typeof AMENDMENT_OPS)[number];

/**
 * `open` (proposed), `modified` (the deciders proposed another wording; the amender accepts or
 * declines it), `voting` (put to the members' vote), then `accepted` | `rejected` | `withdrawn` |
 * `obsolete` (« devenu sans objet »: a rival on the same passage was accepted).
 */
export const AMENDMENT_STATUSES = ['open', 'modified', 'voting', 'accepted', 'rejected', 'withdrawn', 'obsolete'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** What a poll decides: a motion, one amendment, or rival wordings of one passage (ranked). */
export const POLL_SUBJECTS = ['motion', 'amendment', 'passage'] as const;
export type PollSubject = (typeof POLL_SUBJECTS)[number];
export const POLL_STATUSES = ['open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];
export const BALLOT_CHOICES = ['for', 'against', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

/** A request to enter a space (join, or move from another section): pending until decided. */
export const MEMBERSHIP_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type MembershipRequestStatus = (typeof MEMBERSHIP_REQUEST_STATUSES)[number];

/** An event guest's answer (the RSVP links: oui / peut-être / non). */
export const EVENT_RESPONSES = ['yes', 'maybe', 'no'] as const;
export type EventResponse = (typeof EVENT_RESPONSES)[number];

/**
 * How a guest came: invited as a member of the space, of a group, by address; or registered
 * themself, signed in (`self`) or as an anonymous visitor of a public event (`public`).
 */
export const EVENT_GUEST_SOURCES = ['member', 'group', 'email', 'self', 'public'] as const;
export type EventGuestSource = (typeof EVENT_GUEST_SOURCES)[number];
