/**
 * Spaces and memberships: federations and sections (site admins), groups (any party member),
 * joining and leaving groups, and a secretary's management of their section's members.
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Db } from '@/db/client';
import { memberships, spaceInvitations, spaces, users, SPACE_ROLES, type SpaceKind, type SpaceRole } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { authorizeSite, authorizeSpace, canSite, isSiteAdmin, type Viewer } from '@/server/policy';
import { parseInput } from '@/lib/parse-input';
import { titleSchema } from '@/lib/text/title';
import { getSpaceRow, toSpaceRef, type SpaceRow } from './queries';
import { notifyAccessChanged } from '@/server/documents/live-rooms';
import { afterMembershipChange } from '@/server/membership/section-membership';
import { env } from '@/server/env';
import { limit } from '@/server/http/rate-limit';
import { queueMail } from '@/server/mail/outbox';
import { groupInvitationMail, memberLeftMail } from '@/server/mail/templates';
import { displayNameOf } from '@/server/users/display-name';

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
  db().transaction((tx) => {
    tx.insert(memberships).values({ userId: viewer!.id, spaceId, role: 'member' }).onConflictDoNothing().run();
    tx.delete(spaceInvitations).where(and(eq(spaceInvitations.userId, viewer!.id), eq(spaceInvitations.spaceId, spaceId))).run();
  });
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
  notifyAccessChanged({ userIds: [viewer!.id] });
}

const roleFor = (kind: SpaceKind): SpaceRole => (kind === 'group' ? 'admin' : 'secretary');

const addMemberInput = z.object({ email: z.string().trim().toLowerCase().email(), role: z.enum(SPACE_ROLES).default('member') });

/**
 * An animator adds someone by e-mail address. Whatever the address is (a member, a member of
 * another section, a citizen, nobody, someone already in or already invited), the adder is told
 * the same and nothing they can see changes but the intended effect: adding must not tell who
 * belongs where.
 * - group: a party member receives an invitation (in the app and by mail) that they accept or
 *   decline; nobody is put into a group without consent;
 * - section: an account in no section joins it (a citizen becomes a party member): the
 *   secretary records a party membership;
 * - federation, national: a party member of a section within the territory joins it.
 */
export function addMember(viewer: Viewer, spaceId: string, raw: { email: string; role?: SpaceRole }): void {
  const input = parseInput(addMemberInput, raw);
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'manageMembers', toSpaceRef(space));
  if (input.role !== 'member' && input.role !== roleFor(space.kind)) throw new AppError('invalid_input', 'This role does not exist in this space.', 'role');
  db().transaction((tx) => {
    const user = tx.select().from(users).where(and(eq(users.email, input.email), isNull(users.deletedAt))).get();
    if (!user) return;
    const already = tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.spaceId, spaceId))).get();
    if (already) return;
    const isMember = user.siteRole !== 'citizen';
    const sectionPath = tx
      .select({ path: spaces.path })
      .from(memberships)
      .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
      .where(and(eq(memberships.userId, user.id), eq(spaces.kind, 'section')))
      .get()?.path;
    if (space.kind === 'group') {
      // Groups are for party members; a citizen joins a section first.
      if (!isMember) return;
      const invited = tx
        .insert(spaceInvitations)
        .values({ spaceId, userId: user.id, invitedBy: viewer!.id, role: input.role })
        .onConflictDoNothing()
        .returning({ id: spaceInvitations.id })
        .get();
      if (invited) {
        const v = { group: space.name, inviter: displayNameOf(viewer!.id, user.locale), url: `${env().AUTH_URL}/groupes` };
        queueMail(tx, groupInvitationMail(user.email!, v, user.locale));
      }
      return;
    }
    if (space.kind === 'section') {
      // A party member belongs to exactly one section.
      if (sectionPath) return;
      if (!isMember) tx.update(users).set({ siteRole: 'member' }).where(eq(users.id, user.id)).run();
    } else if (!isMember || !sectionPath?.startsWith(space.path)) {
      return;
    }
    tx.insert(memberships).values({ userId: user.id, spaceId, role: input.role }).run();
  });
}

/**
 * `addMember` from the members form, rate-limited per adder: tightly for groups (each invitation
 * mails someone), loosely for territories (a secretary enrols a whole meeting's newcomers).
 */
export async function requestMemberAdd(viewer: Viewer, spaceId: string, raw: { email: string; role?: SpaceRole }): Promise<void> {
  const isGroup = getSpaceRow(spaceId).kind === 'group';
  if (viewer) await limit(isGroup ? 'invite-to-group' : 'add-to-territory', viewer.id, isGroup ? 30 : 300, 60 * 60);
  addMember(viewer, spaceId, raw);
}

function pendingInvitation(viewer: Viewer, spaceId: string) {
  if (!viewer) throw new AppError('unauthorized');
  const row = db()
    .select()
    .from(spaceInvitations)
    .where(and(eq(spaceInvitations.userId, viewer.id), eq(spaceInvitations.spaceId, spaceId)))
    .get();
  // Only party members are invited, and leaving the party ends their invitations.
  if (!row || !canSite(viewer, 'joinGroups')) throw new AppError('not_found');
  return row;
}

/** The invitee accepts: they join the group with the role they were invited to. */
export function acceptInvitation(viewer: Viewer, spaceId: string): void {
  const invitation = pendingInvitation(viewer, spaceId);
  db().transaction((tx) => {
    tx.delete(spaceInvitations).where(eq(spaceInvitations.id, invitation.id)).run();
    tx.insert(memberships).values({ userId: invitation.userId, spaceId, role: invitation.role }).onConflictDoNothing().run();
  });
}

/** The invitee declines: the invitation goes, and nobody is told. */
export function declineInvitation(viewer: Viewer, spaceId: string): void {
  const invitation = pendingInvitation(viewer, spaceId);
  db().delete(spaceInvitations).where(eq(spaceInvitations.id, invitation.id)).run();
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
    // A party member belongs to exactly one section: out of it, they are a citizen again, and
    // leave their groups (their territorial roles give nothing until a section takes them in).
    if (space.kind === 'section') {
      const res = tx.update(users).set({ siteRole: 'citizen' }).where(and(eq(users.id, userId), eq(users.siteRole, 'member'))).run();
      if (res.changes > 0) endGroupMemberships(tx, userId);
    }
  });
  afterMembershipChange([userId]);
}

/**
 * Someone stopped being a party member (out of their section, or their account deleted): their
 * groups and pending group invitations end, in the caller's transaction, and each group's
 * animators are told « X a quitté le groupe », never why. Named as the animators knew them
 * (their name, else the address they saw in the members list). The caller closes sockets.
 */
export function endGroupMemberships(tx: Pick<Db, 'select' | 'delete' | 'insert'>, userId: string): void {
  const person = tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).get();
  const groups = tx
    .select({ id: spaces.id, name: spaces.name })
    .from(memberships)
    .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
    .where(and(eq(memberships.userId, userId), eq(spaces.kind, 'group')))
    .all();
  const groupIds = sql`(select ${spaces.id} from ${spaces} where ${spaces.kind} = 'group')`;
  tx.delete(spaceInvitations).where(and(eq(spaceInvitations.userId, userId), sql`${spaceInvitations.spaceId} in ${groupIds}`)).run();
  if (groups.length === 0) return;
  tx.delete(memberships).where(and(eq(memberships.userId, userId), sql`${memberships.spaceId} in ${groupIds}`)).run();
  const who = person?.name?.trim() || person?.email || '';
  for (const group of groups) {
    const animators = tx
      .select({ email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.spaceId, group.id), eq(memberships.role, 'admin'), ne(users.siteRole, 'citizen'), isNull(users.deletedAt)))
      .all();
    for (const a of animators) {
      if (a.email) queueMail(tx, memberLeftMail(a.email, { group: group.name, person: who, url: `${env().AUTH_URL}/espaces/${group.id}` }, a.locale));
    }
  }
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
  afterMembershipChange([userId]);
}
