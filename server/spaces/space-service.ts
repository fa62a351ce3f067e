/**
 * Spaces and memberships: federations and sections (site admins), groups (any party member),
 * joining and leaving groups, and a secretary's management of their section's members.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { memberships, spaces, users, SPACE_ROLES, type SpaceKind, type SpaceRole } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { authorizeSite, authorizeSpace, isSiteAdmin, type Viewer } from '@/server/policy';
import { parseInput } from '@/lib/parse-input';
import { titleSchema } from '@/lib/text/title';
import { getSpaceRow, toSpaceRef, type SpaceRow } from './queries';
import { notifyAccessChanged } from '@/server/collab/bridge';

const CHILD_KIND: Partial<Record<SpaceKind, SpaceKind>> = { national: 'federation', federation: 'section' };

const nameSchema = titleSchema({ min: 2, max: 120 });
const descriptionSchema = z.string().trim().max(2000).default('');

function insertSpace(input: { kind: SpaceKind; name: string; description?: string; parent: SpaceRow | null; isOpen?: boolean }): SpaceRow {
  const id = crypto.randomUUID();
  const path = `${input.parent?.path ?? '/'}${id}/`;
  return db()
    .insert(spaces)
    .values({ id, kind: input.kind, name: input.name, description: input.description ?? '', parentId: input.parent?.id ?? null, path, isOpen: input.isOpen ?? true })
    .returning()
    .get();
}

/** The national space is created once, by set-up (migration of an empty base or the seed). */
export function ensureNationalSpace(name = 'National'): SpaceRow {
  const existing = db().select().from(spaces).where(eq(spaces.kind, 'national')).get();
  return existing ?? insertSpace({ kind: 'national', name, parent: null });
}

/** Site admins create federations (under the national space) and sections (under a federation). */
export function createSubspace(viewer: Viewer, raw: { parentId: string; name: string; description?: string }): SpaceRow {
  const input = parseInput(z.object({ parentId: z.string().min(1), name: nameSchema, description: descriptionSchema }), raw);
  const parent = getSpaceRow(input.parentId);
  authorizeSpace(viewer, 'createSubspace', toSpaceRef(parent));
  const kind = CHILD_KIND[parent.kind];
  if (!kind) throw new AppError('invalid_input', 'This space cannot hold sub-spaces.', 'parentId');
  return insertSpace({ kind, name: input.name, description: input.description, parent });
}

/** Any party member creates an affinity group and becomes its admin. */
export function createGroup(viewer: Viewer, raw: { name: string; description?: string; isOpen?: boolean }): SpaceRow {
  authorizeSite(viewer, 'createGroup');
  const input = parseInput(z.object({ name: nameSchema, description: descriptionSchema, isOpen: z.boolean().default(true) }), raw);
  return db().transaction(() => {
    const group = insertSpace({ kind: 'group', name: input.name, description: input.description, parent: null, isOpen: input.isOpen });
    db().insert(memberships).values({ userId: viewer!.id, spaceId: group.id, role: 'admin' }).run();
    return group;
  });
}

export function joinGroup(viewer: Viewer, spaceId: string): void {
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'join', toSpaceRef(space));
  db().insert(memberships).values({ userId: viewer!.id, spaceId, role: 'member' }).onConflictDoNothing().run();
}

function countAnimators(spaceId: string, exceptUserId: string): number {
  return (
    db()
      .select({ n: sql<number>`count(*)` })
      .from(memberships)
      .where(and(eq(memberships.spaceId, spaceId), ne(memberships.role, 'member'), ne(memberships.userId, exceptUserId)))
      .get()?.n ?? 0
  );
}

export function leaveGroup(viewer: Viewer, spaceId: string): void {
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'leave', toSpaceRef(space));
  const mine = viewer!.roles.get(spaceId);
  if (mine === 'admin' && countAnimators(spaceId, viewer!.id) === 0) {
    throw new AppError('conflict', 'You are the last admin of this group: name another admin before leaving.', undefined, { key: 'lastAdmin' });
  }
  db().delete(memberships).where(and(eq(memberships.userId, viewer!.id), eq(memberships.spaceId, spaceId))).run();
  notifyAccessChanged();
}

const roleFor = (kind: SpaceKind): SpaceRole => (kind === 'group' ? 'admin' : 'secretary');

/**
 * A secretary adds an existing account to their section (a citizen joining becomes a party
 * member). A party member belongs to exactly one section.
 */
export function addMember(viewer: Viewer, spaceId: string, raw: { email: string; role?: SpaceRole }): { userId: string } {
  const input = parseInput(z.object({ email: z.string().trim().toLowerCase().email(), role: z.enum(SPACE_ROLES).default('member') }), raw);
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'manageMembers', toSpaceRef(space));
  if (input.role !== 'member' && input.role !== roleFor(space.kind)) throw new AppError('invalid_input', 'This role does not exist in this space.', 'role');
  const user = db().select().from(users).where(eq(users.email, input.email)).get();
  if (!user || user.deletedAt) throw new AppError('invalid_input', 'No account uses this e-mail address.', 'email', { key: 'noAccount' });
  return db().transaction((tx) => {
    const already = tx.select().from(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.spaceId, spaceId))).get();
    if (already) throw new AppError('conflict', 'This person is already a member.', 'email', { key: 'alreadyMember' });
    if (space.kind === 'section') {
      const other = tx
        .select({ name: spaces.name })
        .from(memberships)
        .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
        .where(and(eq(memberships.userId, user.id), eq(spaces.kind, 'section')))
        .get();
      if (other) throw new AppError('conflict', `This person already belongs to the section ${other.name}.`, 'email', { key: 'otherSection', values: { name: other.name } });
      if (user.siteRole === 'citizen') tx.update(users).set({ siteRole: 'member' }).where(eq(users.id, user.id)).run();
    } else if (user.siteRole === 'citizen') {
      // Groups and territories above sections are for party members: a citizen joins a section first.
      throw new AppError('invalid_input', 'This person is not a party member: a section secretary adds them to a section first.', 'email', { key: 'notPartyMember' });
    }
    tx.insert(memberships).values({ userId: user.id, spaceId, role: input.role }).run();
    return { userId: user.id };
  });
}

export function removeMember(viewer: Viewer, spaceId: string, userId: string): void {
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'manageMembers', toSpaceRef(space));
  const m = db().select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.spaceId, spaceId))).get();
  if (!m) throw new AppError('not_found');
  if (m.role !== 'member' && countAnimators(spaceId, userId) === 0 && !isSiteAdmin(viewer)) {
    throw new AppError('conflict', 'A space keeps at least one animator.', undefined, { key: 'lastAnimator' });
  }
  db().transaction((tx) => {
    tx.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.spaceId, spaceId))).run();
    // A party member belongs to exactly one section: out of it, they are a citizen again (their
    // other memberships give nothing until a section takes them in).
    if (space.kind === 'section') {
      tx.update(users).set({ siteRole: 'citizen' }).where(and(eq(users.id, userId), eq(users.siteRole, 'member'))).run();
    }
  });
  notifyAccessChanged();
}

export function setMemberRole(viewer: Viewer, spaceId: string, userId: string, role: SpaceRole): void {
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'manageMembers', toSpaceRef(space));
  const parsed = parseInput(z.enum(SPACE_ROLES), role);
  if (parsed !== 'member' && parsed !== roleFor(space.kind)) throw new AppError('invalid_input', 'This role does not exist in this space.', 'role');
  const m = db().select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.spaceId, spaceId))).get();
  if (!m) throw new AppError('not_found');
  if (m.role !== 'member' && parsed === 'member' && countAnimators(spaceId, userId) === 0) {
    throw new AppError('conflict', 'A space keeps at least one animator.', undefined, { key: 'lastAnimator' });
  }
  db().update(memberships).set({ role: parsed }).where(and(eq(memberships.userId, userId), eq(memberships.spaceId, spaceId))).run();
  notifyAccessChanged();
}
