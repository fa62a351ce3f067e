/**
 * The home page of a party member: what changed in their spaces (one entry per page, who did
 * what), their drafts, and for those who animate a space what awaits them (new members, pending
 * invitations). Only pages the viewer may read enter it (`readableWhere`); people are named by
 * `displayName`, never by e-mail address.
 */
import { and, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { activities, memberships, pageAuthors, pages, spaces, users, type ActivityVerb, type Locale } from '@/db/schema';
import { canSite, canSpace, readableWhere, type Viewer } from '@/server/policy';
import { toSpaceRef } from '@/server/spaces/queries';
import { displayName, sectionNameSql } from '@/server/users/display-name';

const DAY = 86_400_000;
/** The stream looks back this far… */
export const ACTIVITY_DAYS = 30;
/** …over at most this many rows, grouped into at most this many pages. */
const MAX_ROWS = 400;
const MAX_ENTRIES = 15;

export type Actor = { id: string | null; name: string };
export type ActivityEntry = {
  page: { id: string; title: string; spaceName: string };
  /** The latest thing done to the page, and everyone who did it in the period (latest first). */
  verb: ActivityVerb;
  actors: Actor[];
  /** The other things done to it in the period, each with who did them. */
  also: { verb: ActivityVerb; actors: Actor[] }[];
  at: Date;
};

/** What changed in the viewer's spaces, one entry per page, latest first. Pages in `exclude` are left out. */
export function listActivity(viewer: Viewer, opts: { now?: Date; exclude?: readonly string[]; locale?: Locale; limit?: number } = {}): ActivityEntry[] {
  if (!canSite(viewer, 'followActivity')) return [];
  const mySpaces = [...viewer!.roles.keys()];
  if (mySpaces.length === 0) return [];
  const now = opts.now ?? new Date();
  const rows = db()
    .select({
      pageId: activities.pageId,
      title: pages.title,
      spaceName: spaces.name,
      verb: activities.verb,
      at: activities.createdAt,
      actorId: activities.actorId,
      actorName: users.name,
      actorDeletedAt: users.deletedAt,
      actorSection: sectionNameSql(activities.actorId),
    })
    .from(activities)
    .innerJoin(pages, eq(pages.id, activities.pageId))
    .innerJoin(spaces, eq(spaces.id, pages.spaceId))
    .leftJoin(users, eq(users.id, activities.actorId))
    .where(and(inArray(activities.spaceId, mySpaces), gt(activities.createdAt, new Date(now.getTime() - ACTIVITY_DAYS * DAY)), isNotNull(activities.pageId), readableWhere(viewer)))
    .orderBy(desc(activities.createdAt), desc(activities.id))
    .limit(MAX_ROWS)
    .all();
  const exclude = new Set(opts.exclude ?? []);
  const entries = new Map<string, ActivityEntry & { byVerb: Map<ActivityVerb, Map<string, Actor>> }>();
  for (const r of rows) {
    if (!r.pageId || exclude.has(r.pageId)) continue;
    let e = entries.get(r.pageId);
    if (!e) {
      if (entries.size >= (opts.limit ?? MAX_ENTRIES)) continue;
      e = { page: { id: r.pageId, title: r.title, spaceName: r.spaceName }, verb: r.verb, actors: [], also: [], at: r.at, byVerb: new Map() };
      entries.set(r.pageId, e);
    }
    const actors = e.byVerb.get(r.verb) ?? new Map<string, Actor>();
    e.byVerb.set(r.verb, actors);
    const key = r.actorId ?? '∅';
    if (!actors.has(key)) actors.set(key, { id: r.actorId, name: displayName({ name: r.actorName, deletedAt: r.actorId ? r.actorDeletedAt : new Date(0) }, { sectionName: r.actorSection, locale: opts.locale }) });
  }
  return [...entries.values()].map(({ byVerb, ...e }) => ({
    ...e,
    actors: [...byVerb.get(e.verb)!.values()],
    also: [...byVerb].filter(([verb]) => verb !== e.verb).map(([verb, actors]) => ({ verb, actors: [...actors.values()] })),
  }));
}

export type DraftItem = { id: string; title: string; spaceName: string; updatedAt: Date };

/** The viewer's drafts (pages they created or wrote that are not published yet), latest change first. */
export function listMyDrafts(viewer: Viewer, limit = 10): DraftItem[] {
  if (!canSite(viewer, 'followActivity')) return [];
  const me = viewer!.id;
  return db()
    .select({ id: pages.id, title: pages.title, spaceName: spaces.name, updatedAt: pages.updatedAt })
    .from(pages)
    .innerJoin(spaces, eq(spaces.id, pages.spaceId))
    .where(
      and(
        eq(pages.status, 'draft'),
        // The creator is always among page_authors (derivation keeps them there): one IN over the
        // author index, where `created_by = me or …` made SQLite read every page (0.7 s on 200,000).
        sql`${pages.id} in (select ${pageAuthors.pageId} from ${pageAuthors} where ${pageAuthors.userId} = ${me})`,
        readableWhere(viewer),
      ),
    )
    .orderBy(desc(pages.updatedAt), desc(pages.id))
    .limit(limit)
    .all();
}

export type Awaiting = { space: { id: string; name: string; kind: string }; newMembers: { count: number; names: string[] } };

/** NEW_MEMBER_DAYS: a member who joined since then is « nouveau » on the home of their space's animators. */
export const NEW_MEMBER_DAYS = 14;

/**
 * For each space the viewer animates (secretary of a section or federation, admin of a group):
 * who joined lately. Nothing for anyone else. Pending group invitations are not counted here: the
 * count would rise only for addresses of party members (space-service keeps them to the invitee).
 */
export function listAwaiting(viewer: Viewer, opts: { now?: Date; locale?: Locale } = {}): Awaiting[] {
  if (!canSite(viewer, 'followActivity')) return [];
  const animated = [...viewer!.roles].filter(([, role]) => role !== 'member').map(([id]) => id);
  if (animated.length === 0) return [];
  const since = new Date((opts.now ?? new Date()).getTime() - NEW_MEMBER_DAYS * DAY);
  const rows = db().select().from(spaces).where(inArray(spaces.id, animated)).all();
  const out: Awaiting[] = [];
  for (const space of rows) {
    if (!canSpace(viewer, 'manageMembers', toSpaceRef(space))) continue;
    const joined = db()
      .select({ name: users.name, deletedAt: users.deletedAt, sectionName: sectionNameSql(memberships.userId) })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.spaceId, space.id), gt(memberships.createdAt, since), sql`${memberships.userId} <> ${viewer!.id}`))
      .orderBy(desc(memberships.createdAt))
      .all();
    if (joined.length === 0) continue;
    out.push({
      space: { id: space.id, name: space.name, kind: space.kind },
      newMembers: { count: joined.length, names: joined.slice(0, 5).map((p) => displayName(p, { sectionName: p.sectionName, locale: opts.locale })) },
    });
  }
  return out;
}
