/**
 * Asking to enter a space (issue 12), one table (`join_requests`), three kinds:
 * - `join`: a citizen asks to join the party in a section of their choice;
 * - `transfer`: a member asks to move to another section (`fromSpaceId`: the one they leave);
 * - `group`: a party member asks to join a group on request (`spaces.isOpen = false`).
 * The space's animators (its secretaries and those above it, a group's admins) accept or decline
 * with a message; the person is told by mail and sees the answer on the home page.
 *
 * Choices:
 * - One pending request for a section at a time (a join or a transfer): a second one is refused
 *   (409 naming the section asked), not silently put in place of the first, whose message the
 *   secretaries may be reading; the person cancels it first. Groups: one pending per group.
 * - Deciders are mailed when a request arrives, at most once per decider, space and clock hour
 *   (the outbox's dedupe key): a burst of ten requests is one mail that points to the list.
 * - Nothing here is an oracle: the person learns the decision and the decider's message, never
 *   who decided nor who is in the space; names reach the deciders only.
 */
import { and, desc, eq, gte, inArray, isNull, ne, not, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { joinRequests, memberships, spaceInvitations, spaces, users, type Locale } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/parse-input';
import type { MembershipRequestStatus } from '@/lib/domain/enums';
import { env } from '@/server/env';
import { limit } from '@/server/http/rate-limit';
import { queueMail } from '@/server/mail/outbox';
import { joinRequestAnsweredMail, joinRequestsWaitingMail } from '@/server/mail/templates';
import { canSpace, isPartyMember, type Viewer } from '@/server/policy';
import { getSpaceRow, toSpaceRef, type SpaceRow } from '@/server/spaces/queries';
import { afterMembershipChange, moveIntoSection } from './section-membership';
import { startsWith } from '@/db/path-prefix';

export type JoinRequestKind = 'join' | 'transfer' | 'group';
type RequestRow = typeof joinRequests.$inferSelect;

/** What the person who asked sees of their request: never who decided. */
export type MyJoinRequest = {
  id: string;
  kind: JoinRequestKind;
  status: MembershipRequestStatus;
  message: string;
  answer: string;
  createdAt: Date;
  decidedAt: Date | null;
  space: { id: string; name: string; kind: SpaceRow['kind'] };
};

/** What the deciders see: who asks (name, address: they manage the space), from which section. */
export type PendingJoinRequest = {
  id: string;
  kind: JoinRequestKind;
  status: MembershipRequestStatus;
  message: string;
  createdAt: Date;
  person: { id: string; name: string | null; email: string | null };
  fromSpace: { id: string; name: string } | null;
};

const MESSAGE_MAX = 2000;
export const joinRequestInput = z.object({ message: z.string().trim().max(MESSAGE_MAX).default('') });
export const declineJoinRequestInput = z.object({ message: z.string().trim().max(MESSAGE_MAX).default('') });

/** How long a decided or cancelled request stays in « Mes demandes ». */
const SHOWN_AFTER_DECISION_MS = 60 * 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

const kindOf = (r: Pick<RequestRow, 'fromSpaceId'>, space: Pick<SpaceRow, 'kind'>): JoinRequestKind =>
  space.kind === 'group' ? 'group' : r.fromSpaceId ? 'transfer' : 'join';

/**
 * A pending request that no longer holds, because the person's situation changed since they
 * asked: a transfer or a group request while they are no longer a party member; a party member
 * already in the space (another way in); a join by someone who became a party member of a
 * section since (invited there). Rows a citizen may hold from before (a stale membership) count
 * for nothing, as in the policy. Such a request is closed (`cancelled`), never shown to the
 * deciders nor accepted: accepting it would move someone who moved since, and showing it would
 * tell a section's secretaries where the person went. Written over `join_requests` by name, so that it
 * holds in a one-table update as in a join.
 */
const staleSql = sql`(
  case when (select su.site_role from users su where su.id = join_requests.user_id) = 'citizen'
    then join_requests.from_space_id is not null or (select ts.kind from spaces ts where ts.id = join_requests.space_id) = 'group'
    else exists (select 1 from memberships sm where sm.user_id = join_requests.user_id and sm.space_id = join_requests.space_id)
      or ((select ts.kind from spaces ts where ts.id = join_requests.space_id) = 'section' and join_requests.from_space_id is null
          and exists (select 1 from memberships sm join spaces ss on ss.id = sm.space_id where sm.user_id = join_requests.user_id and ss.kind = 'section'))
  end
)`;

/** Closes the person's pending requests that no longer hold (see `staleSql`). */
function closeStaleRequests(userId: string, now = new Date()): void {
  db()
    .update(joinRequests)
    .set({ status: 'cancelled', decidedAt: now })
    .where(and(eq(joinRequests.userId, userId), eq(joinRequests.status, 'pending'), staleSql))
    .run();
}

/** The section the person belongs to, if any. */
function sectionOf(userId: string): { id: string; name: string } | null {
  return (
    db()
      .select({ id: spaces.id, name: spaces.name })
      .from(memberships)
      .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
      .where(and(eq(memberships.userId, userId), eq(spaces.kind, 'section')))
      .get() ?? null
  );
}

/**
 * The people told that requests wait: the space's own animators; for a section without a
 * secretary, those of the nearest territory above it that has some.
 */
function animatorsToTell(space: SpaceRow): { id: string; email: string | null; locale: Locale }[] {
  const chain = space.kind === 'group' ? [space.id] : space.path.split('/').filter(Boolean).reverse();
  for (const spaceId of chain) {
    const rows = db()
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.spaceId, spaceId), ne(memberships.role, 'member'), ne(users.siteRole, 'citizen'), isNull(users.deletedAt)))
      .all();
    if (rows.length > 0) return rows;
  }
  return [];
}

/**
 * A signed-in person asks to enter `spaceId` with a message: a citizen → a section (join the
 * party there), a member of another section → a section (a transfer), a party member → a group
 * on request. Rate-limited per person (each request mails the deciders, at most hourly).
 */
export async function requestToJoin(viewer: Viewer, spaceId: string, raw: unknown): Promise<MyJoinRequest> {
  if (viewer) await limit('join-request', viewer.id, 20, 60 * 60);
  return submitJoinRequest(viewer, spaceId, raw);
}

/** `requestToJoin` without the rate limit (the demo seed, which runs in one synchronous transaction). */
export function submitJoinRequest(viewer: Viewer, spaceId: string, raw: unknown, now = new Date()): MyJoinRequest {
  if (!viewer) throw new AppError('unauthorized');
  const input = parseInput(joinRequestInput, raw ?? {});
  const space = getSpaceRow(spaceId);
  const ref = toSpaceRef(space);
  const from = space.kind === 'section' && isPartyMember(viewer) ? sectionOf(viewer.id) : null;
  const action = space.kind === 'section' && isPartyMember(viewer) ? 'requestTransfer' : 'requestJoin';
  if (!canSpace(viewer, action, ref)) {
    if (viewer.roles.has(spaceId)) throw new AppError('conflict', 'You already belong to this space.', undefined, { key: 'request_already_member' });
    if (space.kind === 'group' && space.isOpen && isPartyMember(viewer)) {
      throw new AppError('conflict', 'This group is open: join it directly.', undefined, { key: 'request_group_open' });
    }
    throw new AppError('forbidden');
  }
  closeStaleRequests(viewer.id, now);
  const row = db().transaction((tx) => {
    const pending = tx
      .select({ id: joinRequests.id, spaceName: spaces.name })
      .from(joinRequests)
      .innerJoin(spaces, eq(spaces.id, joinRequests.spaceId))
      .where(
        and(
          eq(joinRequests.userId, viewer.id),
          eq(joinRequests.status, 'pending'),
          space.kind === 'group' ? eq(joinRequests.spaceId, spaceId) : eq(spaces.kind, 'section'),
        ),
      )
      .get();
    if (pending) {
      throw new AppError('conflict', `You already have a pending request (${pending.spaceName}): cancel it before asking again.`, undefined, {
        key: 'request_pending_exists',
        values: { space: pending.spaceName },
      });
    }
    const created = tx
      .insert(joinRequests)
      .values({ spaceId, userId: viewer.id, fromSpaceId: from?.id ?? null, message: input.message, createdAt: now })
      .returning()
      .get();
    const hour = Math.floor(now.getTime() / HOUR_MS);
    for (const a of animatorsToTell(space)) {
      if (!a.email) continue;
      const mail = joinRequestsWaitingMail(a.email, { space: space.name, url: `${env().AUTH_URL}/espaces/${space.id}/demandes` }, a.locale);
      queueMail(tx, mail, `join-requests:${space.id}:${a.id}:${hour}`);
    }
    return created;
  });
  return mine(row, space);
}

function mine(r: RequestRow, space: Pick<SpaceRow, 'id' | 'name' | 'kind'>): MyJoinRequest {
  return {
    id: r.id,
    kind: kindOf(r, space),
    status: r.status,
    message: r.message,
    answer: r.answer,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    space: { id: space.id, name: space.name, kind: space.kind },
  };
}

/** The pending requests to enter a space, oldest first: its deciders only. */
export function listSpaceRequests(viewer: Viewer, spaceId: string): PendingJoinRequest[] {
  const space = getSpaceRow(spaceId);
  if (!canSpace(viewer, 'decideRequests', toSpaceRef(space))) throw new AppError(viewer ? 'forbidden' : 'unauthorized');
  const from = sql<string | null>`(select s.name from ${spaces} s where s.id = ${joinRequests.fromSpaceId})`;
  return db()
    .select({ r: joinRequests, name: users.name, email: users.email, fromName: from })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.spaceId, spaceId), eq(joinRequests.status, 'pending'), isNull(users.deletedAt), not(staleSql)))
    .orderBy(joinRequests.createdAt, joinRequests.id)
    .limit(500)
    .all()
    .map(({ r, name, email, fromName }) => ({
      id: r.id,
      kind: kindOf(r, space),
      status: r.status,
      message: r.message,
      createdAt: r.createdAt,
      person: { id: r.userId, name, email },
      fromSpace: r.fromSpaceId && fromName ? { id: r.fromSpaceId, name: fromName } : null,
    }));
}

/** How many requests wait in a space, for its deciders (null for anyone else: nothing to show). */
export function countPendingRequests(viewer: Viewer, space: SpaceRow): number | null {
  if (!canSpace(viewer, 'decideRequests', toSpaceRef(space))) return null;
  return (
    db()
      .select({ n: sql<number>`count(*)` })
      .from(joinRequests)
      .innerJoin(users, eq(users.id, joinRequests.userId))
      .where(and(eq(joinRequests.spaceId, space.id), eq(joinRequests.status, 'pending'), isNull(users.deletedAt), not(staleSql)))
      .get()?.n ?? 0
  );
}

/**
 * The spaces where requests wait for this person's decision (the sections and groups they
 * animate, and the sections under a federation they are secretary of), with their counts.
 */
export function listSpacesAwaitingDecision(viewer: Viewer): { space: { id: string; name: string; kind: SpaceRow['kind'] }; count: number }[] {
  if (!viewer || !isPartyMember(viewer) || viewer.managedPaths.length === 0) return [];
  return db()
    .select({ id: spaces.id, name: spaces.name, kind: spaces.kind, count: sql<number>`count(*)` })
    .from(joinRequests)
    .innerJoin(spaces, eq(spaces.id, joinRequests.spaceId))
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(
      and(
        eq(joinRequests.status, 'pending'),
        isNull(users.deletedAt),
        not(staleSql),
        inArray(spaces.kind, ['section', 'group']),
        or(...viewer.managedPaths.map((p) => startsWith(spaces.path, p))),
      ),
    )
    .groupBy(spaces.id)
    .orderBy(spaces.name)
    .limit(50)
    .all()
    .map(({ count, ...space }) => ({ space, count }));
}

/**
 * The person's own requests: pending ones, and those decided or cancelled in the last 60 days.
 * A pending one that no longer holds reads as cancelled (closed for good at the next write:
 * reading the home page takes no write lock).
 */
export function listMyRequests(viewer: Viewer, now = new Date()): MyJoinRequest[] {
  if (!viewer) return [];
  const since = new Date(now.getTime() - SHOWN_AFTER_DECISION_MS);
  return db()
    .select({ r: joinRequests, space: { id: spaces.id, name: spaces.name, kind: spaces.kind }, stale: sql<number>`${staleSql}` })
    .from(joinRequests)
    .innerJoin(spaces, eq(spaces.id, joinRequests.spaceId))
    .where(and(eq(joinRequests.userId, viewer.id), or(eq(joinRequests.status, 'pending'), gte(joinRequests.decidedAt, since))))
    .orderBy(desc(joinRequests.createdAt))
    .limit(20)
    .all()
    .map(({ r, space, stale }) => mine(r.status === 'pending' && stale ? { ...r, status: 'cancelled' } : r, space));
}

/**
 * The request and its space, for someone who may see it: the person who asked, or a decider.
 * Anyone else gets `not_found` (a request is not even known to exist).
 */
function loadVisible(viewer: Viewer, id: string): { row: RequestRow; space: SpaceRow; decides: boolean } {
  if (!viewer) throw new AppError('unauthorized');
  const row = db().select().from(joinRequests).where(eq(joinRequests.id, id)).get();
  if (!row) throw new AppError('not_found');
  const space = getSpaceRow(row.spaceId);
  const decides = canSpace(viewer, 'decideRequests', toSpaceRef(space));
  if (!decides && row.userId !== viewer.id) throw new AppError('not_found');
  return { row, space, decides };
}

function assertPending(row: RequestRow): void {
  if (row.status !== 'pending') {
    throw new AppError('conflict', `This request is already ${row.status}.`, undefined, { key: `request_${row.status}` });
  }
}

/** Marks a pending request decided, unless someone else did first (then 409). */
function settle(tx: Pick<ReturnType<typeof db>, 'update'>, row: RequestRow, set: Partial<RequestRow>): void {
  const res = tx
    .update(joinRequests)
    .set(set)
    .where(and(eq(joinRequests.id, row.id), eq(joinRequests.status, 'pending')))
    .run();
  if (res.changes === 0) throw new AppError('conflict', 'This request was decided meanwhile.', undefined, { key: 'request_decided' });
}

/**
 * The person who asked, once their requests that no longer hold are closed; 409 when this one
 * was among them (or their account is gone), without saying why: the reason is theirs.
 */
function stillHolding(row: RequestRow) {
  closeStaleRequests(row.userId);
  const person = db().select({ email: users.email, locale: users.locale, deletedAt: users.deletedAt }).from(users).where(eq(users.id, row.userId)).get();
  const status = db().select({ status: joinRequests.status }).from(joinRequests).where(eq(joinRequests.id, row.id)).get()?.status;
  if (!person || person.deletedAt || status !== 'pending') throw new AppError('conflict', 'This request no longer holds: it is closed.', undefined, { key: 'request_stale' });
  return person;
}

/**
 * A decider accepts: a citizen becomes a party member of the section, a member moves there
 * (through `moveIntoSection`, which tells the section they leave), a party member joins the
 * group. The person is told by mail. Returns the request as the person sees it.
 */
export function acceptJoinRequest(viewer: Viewer, id: string): MyJoinRequest {
  const { row, space, decides } = loadVisible(viewer, id);
  if (!decides) throw new AppError('forbidden');
  assertPending(row);
  const person = stillHolding(row);
  const kind = kindOf(row, space);
  const now = new Date();
  const decided = db().transaction((tx) => {
    settle(tx, row, { status: 'accepted', decidedBy: viewer!.id, decidedAt: now });
    if (space.kind === 'group') {
      tx.insert(memberships).values({ userId: row.userId, spaceId: space.id, role: 'member' }).onConflictDoNothing().run();
      tx.delete(spaceInvitations).where(and(eq(spaceInvitations.userId, row.userId), eq(spaceInvitations.spaceId, space.id))).run();
    } else {
      moveIntoSection(tx, { userId: row.userId, toSpaceId: space.id, byUserId: viewer!.id });
    }
    if (person.email) {
      const v = { kind, space: space.name, answer: '', url: `${env().AUTH_URL}/espaces/${space.id}` };
      queueMail(tx, joinRequestAnsweredMail(person.email, { ...v, accepted: true }, person.locale));
    }
    return tx.select().from(joinRequests).where(eq(joinRequests.id, row.id)).get()!;
  });
  afterMembershipChange([row.userId]);
  return mine(decided, space);
}

/** A decider declines with a message (optional), which is all the person is told. */
export function declineJoinRequest(viewer: Viewer, id: string, raw: unknown): MyJoinRequest {
  const input = parseInput(declineJoinRequestInput, raw ?? {});
  const { row, space, decides } = loadVisible(viewer, id);
  if (!decides) throw new AppError('forbidden');
  assertPending(row);
  const person = stillHolding(row);
  const now = new Date();
  const decided = db().transaction((tx) => {
    settle(tx, row, { status: 'declined', answer: input.message, decidedBy: viewer!.id, decidedAt: now });
    if (person.email) {
      const v = { kind: kindOf(row, space), space: space.name, answer: input.message, url: `${env().AUTH_URL}/` };
      queueMail(tx, joinRequestAnsweredMail(person.email, { ...v, accepted: false }, person.locale));
    }
    return tx.select().from(joinRequests).where(eq(joinRequests.id, row.id)).get()!;
  });
  return mine(decided, space);
}

/** The person who asked withdraws their pending request; the deciders are not told. */
export function cancelJoinRequest(viewer: Viewer, id: string): MyJoinRequest {
  const { row, space } = loadVisible(viewer, id);
  if (row.userId !== viewer!.id) throw new AppError('forbidden');
  assertPending(row);
  const decided = db().transaction((tx) => {
    settle(tx, row, { status: 'cancelled', decidedAt: new Date() });
    return tx.select().from(joinRequests).where(eq(joinRequests.id, row.id)).get()!;
  });
  return mine(decided, space);
}

/** The viewer's pending request for this space, if any (the space page shows « Demande envoyée »). */
export function myPendingRequestFor(viewer: Viewer, spaceId: string): { id: string; kind: JoinRequestKind } | null {
  if (!viewer) return null;
  const row = db()
    .select()
    .from(joinRequests)
    .where(and(eq(joinRequests.userId, viewer.id), eq(joinRequests.spaceId, spaceId), eq(joinRequests.status, 'pending'), not(staleSql)))
    .get();
  if (!row) return null;
  return { id: row.id, kind: kindOf(row, getSpaceRow(spaceId)) };
}
