import type { SiteRole, SpaceRole } from '@/db/schema';

/**
 * Who is asking. `null` is an anonymous visitor. Built once per request by
 * `server/auth/load-viewer.ts` from the session or API token.
 */
export type Viewer = {
  id: string;
  siteRole: SiteRole;
  /** spaceId → role, for every space the person belongs to. */
  roles: ReadonlyMap<string, SpaceRole>;
  /** Paths (`/a/b/`) of the spaces the person animates (secretary of a territory, admin of a group). */
  managedPaths: readonly string[];
} | null;

export const isPartyMember = (v: Viewer): boolean => v !== null && (v.siteRole === 'member' || v.siteRole === 'admin');
export const isSiteAdmin = (v: Viewer): boolean => v !== null && v.siteRole === 'admin';
