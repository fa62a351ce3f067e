import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { foldText } from '@/lib/text/fold';
import { prepared } from '@/db/prepared';
import { memberships, spaceInvitations, spaces, users, type Locale, type SpaceKind } from '@/db/schema';
import { displayName, sectionNameSql } from '@/server/users/display-name';
import { AppError } from '@/lib/errors';
import { decodeCursor, encodeCursor, nameAndId } from '@/server/http/cursor';
import { authorizeSpace, canSpace, type SpaceRef, type Viewer } from '@/server/policy';

export type SpaceRow = typeof spaces.$inferSelect;

export function toSpaceRef(s: Pick<SpaceRow, 'id' | 'kind' | 'path' | 'isOpen'>): SpaceRef {
  return { id: s.id, kind: s.kind, path: s.path, isOpen: s.isOpen };
}

export function getSpaceRow(id: string): SpaceRow {
  const row = prepared('getSpaceRow', (d) => d.select().from(spaces).where(eq(spaces.id, sql.placeholder('id'))).prepare()).get({ id });
  if (!row) throw new AppError('not_found');
  return row;
}

/** The national space → federation → section chain above (and including) a space. */
export function getBreadcrumbs(space: SpaceRow): Pick<SpaceRow, 'id' | 'name' | 'kind'>[] {
  const ids = space.path.split('/').filter(Boolean);
  if (ids.length === 0) return [];
  const rows = prepared(`breadcrumbs.${ids.length}`, (d) =>
    d
      .select({ id: spaces.id, name: spaces.name, kind: spaces.kind })
      .from(spaces)
      .where(inArray(spaces.id, ids.map((_, i) => sql.placeholder(`p${i}`))))
      .prepare(),
  ).all(Object.fromEntries(ids.map((id, i) => [`p${i}`, id])));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
}

export type Paged<T> = { data: T[]; nextCursor: string | null };

export function clampLimit(limit: number | undefined, max = 100, fallback = 50): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(Math.max(1, Math.floor(limit)), max);
}

/** Spaces by kind (or children of a parent), by name, cursor = last name + id. */
export function listSpaces(opts: { kind?: SpaceKind; parentId?: string; limit?: number; cursor?: string | null }): Paged<SpaceRow> {
  const limit = clampLimit(opts.limit);
  const cursor = decodeCursor(opts.cursor, nameAndId);
  const rows = db()
    .select()
    .from(spaces)
    .where(
      and(
        opts.kind ? eq(spaces.kind, opts.kind) : undefined,
        opts.parentId ? eq(spaces.parentId, opts.parentId) : undefined,
        cursor ? sql`(${spaces.name}, ${spaces.id}) > (${cursor[0]}, ${cursor[1]})` : undefined,
      ),
    )
    .orderBy(asc(spaces.name), asc(spaces.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page, nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
}


/**
 * `email` is null unless the viewer manages the space: addresses never reach anyone else, not
 * even in a payload. `displayName` is what to show (never the address: server/users/display-name).
 */
export type MemberRow = { userId: string; name: string | null; displayName: string; email: string | null; role: 'member' | 'secretary' | 'admin'; since: Date };

/**
 * Part of a name (or, for those who manage the members and so see their addresses, of an
 * e-mail address), case and accents aside. Others cannot search by address: that would tell
 * them whether someone they know of is a member.
 */
function memberMatch(viewer: Viewer, space: SpaceRow, q: string | undefined) {
  const needle = q ? foldText(q.trim()).slice(0, 100) : '';
  if (!needle) return undefined;
  const like = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byName = sql`coopol_fold(coalesce(${users.name}, '')) like ${like} escape '\\'`;
  return canSpace(viewer, 'manageMembers', toSpaceRef(space)) ? or(byName, sql`coopol_fold(coalesce(${users.email}, '')) like ${like} escape '\\'`) : byName;
}

/** Members of a space; only for those the policy lets see them (membership is sensitive data). */
export function listMembers(viewer: Viewer, spaceId: string, opts: { limit?: number; cursor?: string | null; q?: string; locale?: Locale } = {}): Paged<MemberRow> {
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'listMembers', toSpaceRef(space));
  const limit = clampLimit(opts.limit, 200, 100);
  const cursor = decodeCursor(opts.cursor, nameAndId);
  const match = memberMatch(viewer, space, opts.q);
  const email = canSpace(viewer, 'manageMembers', toSpaceRef(space)) ? users.email : sql<string | null>`null`;
  const rows = db()
    .select({ userId: users.id, name: users.name, sectionName: sectionNameSql(users.id), email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.spaceId, spaceId),
        match,
        cursor ? sql`(coalesce(${users.name}, ''), ${users.id}) > (${cursor[0]}, ${cursor[1]})` : undefined,
      ),
    )
    .orderBy(sql`coalesce(${users.name}, '')`, asc(users.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).map(({ sectionName, ...r }) => ({ ...r, displayName: displayName(r, { sectionName, locale: opts.locale }) }));
  const last = page[page.length - 1];
  return { data: page, nextCursor: rows.length > limit && last ? encodeCursor([last.name ?? '', last.userId]) : null };
}

/** Who animates a space (its secretaries, or a group's admins), by name: the space page names them. Same rule as listMembers. */
export function listAnimators(viewer: Viewer, space: SpaceRow, opts: { limit?: number; locale?: Locale } = {}): { userId: string; displayName: string }[] {
  authorizeSpace(viewer, 'listMembers', toSpaceRef(space));
  return prepared('listAnimators', (d) =>
    d
      .select({ userId: users.id, name: users.name, sectionName: sectionNameSql(users.id) })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.spaceId, sql.placeholder('space')), inArray(memberships.role, ['secretary', 'admin'])))
      .orderBy(sql`coalesce(${users.name}, '')`, asc(users.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  )
    .all({ space: space.id, limit: clampLimit(opts.limit, 20, 5) })
    .map(({ sectionName, ...r }) => ({ userId: r.userId, displayName: displayName(r, { sectionName, locale: opts.locale }) }));
}

export function countMembers(spaceId: string): number {
  return prepared('countMembers', (d) => d.select({ n: sql<number>`count(*)` }).from(memberships).where(eq(memberships.spaceId, sql.placeholder('space'))).prepare()).get({ space: spaceId })?.n ?? 0;
}

/** How many members `listMembers` finds for `q` (the same rules). */
export function countMatchingMembers(viewer: Viewer, spaceId: string, q: string): number {
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'listMembers', toSpaceRef(space));
  return (
    db()
      .select({ n: sql<number>`count(*)` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.spaceId, spaceId), memberMatch(viewer, space, q)))
      .get()?.n ?? 0
  );
}

/** The spaces a person belongs to, sections first, then groups. */
export function listMySpaces(userId: string): (SpaceRow & { role: string })[] {
  return prepared('listMySpaces', (d) =>
    d
      .select({ space: spaces, role: memberships.role })
      .from(memberships)
      .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
      .where(eq(memberships.userId, sql.placeholder('userId')))
      .orderBy(sql`case ${spaces.kind} when 'national' then 0 when 'federation' then 1 when 'section' then 2 else 3 end`, asc(spaces.name))
      .prepare(),
  )
    .all({ userId })
    .map((r) => ({ ...r.space, role: r.role }));
}

export type MyInvitation = { spaceId: string; spaceName: string; description: string; role: 'member' | 'secretary' | 'admin'; invitedBy: string | null; createdAt: Date };

/**
 * The groups a person is invited to join, newest first. Only the invitee sees them: a list shown
 * to the group's animators would tell them which addresses belong to party members.
 */
export function listMyGroupInvitations(userId: string, locale: Locale = 'fr'): MyInvitation[] {
  return db()
    .select({
      spaceId: spaces.id,
      spaceName: spaces.name,
      description: spaces.description,
      role: spaceInvitations.role,
      createdAt: spaceInvitations.createdAt,
      inviterId: users.id,
      inviterName: users.name,
      inviterDeletedAt: users.deletedAt,
      inviterSection: sectionNameSql(users.id),
    })
    .from(spaceInvitations)
    .innerJoin(spaces, eq(spaces.id, spaceInvitations.spaceId))
    .leftJoin(users, eq(users.id, spaceInvitations.invitedBy))
    .where(eq(spaceInvitations.userId, userId))
    .orderBy(desc(spaceInvitations.createdAt))
    .all()
    .map(({ inviterId, inviterName, inviterDeletedAt, inviterSection, ...r }) => ({
      ...r,
      invitedBy: inviterId ? displayName({ name: inviterName, deletedAt: inviterDeletedAt }, { sectionName: inviterSection, locale }) : null,
    }));
}

