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
