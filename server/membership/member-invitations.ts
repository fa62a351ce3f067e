/**
 * Invitations by e-mail to join a section (its secretaries) or a group (its admins), issue 12.
 *
 * A row in `member_invitations` and a signed link (subject: the row id, ~14 days) sent through the
 * outbox in the same transaction. The row's `expiresAt` is the link's own expiry to the
 * millisecond: resending issues a new link and moves `expiresAt`, so the old link no longer
 * matches and stops working (no token is stored).
 *
 * No oracle: inviting an address that belongs to a member of the space, that has a pending
 * invitation, or that belongs to nobody answers the same (`{ invited: n }`, n = addresses given),
 * with the same work done in the transaction; one address never receives two mails less than 10
 * minutes apart (a later mail is held in the outbox until then).
 *
 * Accepting (`/adhesion/:token`): signed in with the invited address, or the address has no
 * account yet (created, verified by the link itself, and signed in), the person enters the space —
 * a section through `moveIntoSection`, a group with a membership row.
 */
import { and, desc, eq, gt, isNull, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Db } from '@/db/client';
import { memberInvitations, memberships, sessions, spaceInvitations, spaces, users, type Locale, type SpaceRole } from '@/db/schema';
import { AppError, isAppError } from '@/lib/errors';
import { parseInput } from '@/lib/parse-input';
import { env } from '@/server/env';
import { limit } from '@/server/http/rate-limit';
import { enqueue } from '@/server/jobs/queue';
import { memberInvitationMail } from '@/server/mail/templates';
import { authorizeSpace, type Viewer } from '@/server/policy';
import { getSpaceRow, toSpaceRef, type SpaceRow } from '@/server/spaces/queries';
import { issueToken, readToken } from '@/server/tokens/signed-token';
import { displayName, sectionNameSql } from '@/server/users/display-name';
import { afterMembershipChange, moveIntoSection } from './section-membership';

const PURPOSE = 'member-invitation';
export const INVITATION_TTL_MS = 14 * 86_400_000;
/** No address receives two invitation mails less than this apart; no invitation is resent sooner. */
export const RESEND_GAP_MS = 10 * 60_000;
export const MAX_EMAILS = 50;

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
const emailSchema = z.string().trim().toLowerCase().email().max(254);

export function adhesionUrl(token: string): string {
  return `${env().AUTH_URL}/adhesion/${token}`;
}

/**
 * The addresses of a paste: separated by commas, semicolons, spaces or line breaks; « Jeanne
 * <jeanne@exemple.fr> » as a mail program copies it gives the address. Duplicates count once.
 */
export function parseEmails(raw: unknown): string[] {
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (typeof v === 'string' ? v.split(/[\s,;]+/) : []));
  const out = new Set<string>();
  for (const part of parts) {
    const bracketed = /<([^<>]*)>/.exec(part);
    const candidate = (bracketed ? bracketed[1]! : part).replace(/^[<"'(]+|[>"'),.]+$/g, '');
    if (!candidate) continue;
    // Words around an address (a name copied with it) are not addresses and are left aside.
    if (!candidate.includes('@')) continue;
    const parsed = emailSchema.safeParse(candidate);
    if (!parsed.success) throw new AppError('invalid_input', `Not a valid e-mail address: ${candidate.slice(0, 100)}`, 'emails', { key: 'emailInvalid', values: { email: candidate.slice(0, 100) } });
    out.add(parsed.data);
  }
  if (out.size === 0) throw new AppError('invalid_input', 'Give at least one e-mail address.', 'emails', { key: 'emailsMissing' });
  if (out.size > MAX_EMAILS) throw new AppError('invalid_input', `No more than ${MAX_EMAILS} addresses at once.`, 'emails', { key: 'tooManyEmails' });
  return [...out];
}

const inviteInput = z.object({
  message: z.string().trim().max(2000).default(''),
  role: z.enum(['member', 'secretary', 'admin']).default('member'),
});

const animatorRole = (space: SpaceRow): SpaceRole => (space.kind === 'group' ? 'admin' : 'secretary');

function authorizeInvite(viewer: Viewer, spaceId: string): SpaceRow {
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'inviteMembers', toSpaceRef(space));
  return space;
}

const expiryWords = (at: Date, locale: Locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(at);

/**
 * Issues a new link for the row and queues its mail, held until 10 minutes after the last
 * invitation mail to this address (any space) when one left sooner. Updates expiresAt,
 * lastSentAt (when the mail leaves) and sendCount.
 */
function sendLink(tx: Tx, row: { id: string; email: string; spaceId: string; message: string; invitedBy: string | null; sendCount: number }, space: SpaceRow, now: Date): void {
  const token = issueToken({ purpose: PURPOSE, subject: row.id, ttlMs: INVITATION_TTL_MS });
  const expiresAt = new Date(readToken(token, PURPOSE).expiresAt);
  const lastToAddress = tx
    .select({ at: max(memberInvitations.lastSentAt) })
    .from(memberInvitations)
    .where(and(eq(memberInvitations.email, row.email), sql`${memberInvitations.id} <> ${row.id}`))
    .get()?.at;
  const earliest = lastToAddress ? lastToAddress.getTime() + RESEND_GAP_MS : 0;
  const sendAt = new Date(Math.max(now.getTime(), earliest));
  tx.update(memberInvitations).set({ expiresAt, lastSentAt: sendAt, sendCount: row.sendCount }).where(eq(memberInvitations.id, row.id)).run();
  const recipient = tx.select({ locale: users.locale }).from(users).where(and(eq(users.email, row.email), isNull(users.deletedAt))).get();
  const locale: Locale = recipient?.locale ?? 'fr';
  const inviter = row.invitedBy
    ? tx.select({ name: users.name, deletedAt: users.deletedAt, sectionName: sectionNameSql(users.id) }).from(users).where(eq(users.id, row.invitedBy)).get()
    : undefined;
  const mail = memberInvitationMail(
    row.email,
    {
      kind: space.kind === 'group' ? 'group' : 'section',
      space: space.name,
      inviter: inviter ? displayName(inviter, { sectionName: inviter.sectionName, locale }) : space.name,
      message: row.message,
      url: adhesionUrl(token),
      expiry: expiryWords(expiresAt, locale),
    },
    locale,
  );
  enqueue(tx, 'mail', mail, { runAt: sendAt, dedupeKey: `member-invitation:${row.id}:${row.sendCount}` });
}

const pendingWhere = (now: Date) => and(isNull(memberInvitations.acceptedAt), isNull(memberInvitations.revokedAt), gt(memberInvitations.expiresAt, now));

/** Invites each address (the same work and answer whatever the address; see the module's comment). */
function inviteOne(tx: Tx, space: SpaceRow, email: string, input: { message: string; role: SpaceRole }, inviterId: string, now: Date): void {
  const isMember = tx
    .select({ one: sql`1` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.spaceId, space.id), eq(users.email, email), isNull(users.deletedAt)))
    .get();
  const pending = tx
    .select()
    .from(memberInvitations)
    .where(and(eq(memberInvitations.spaceId, space.id), eq(memberInvitations.email, email), isNull(memberInvitations.acceptedAt), isNull(memberInvitations.revokedAt)))
    .orderBy(desc(memberInvitations.createdAt))
    .get();
  if (isMember) return;
  if (pending) {
    // Invited again: a fresh link (the old one stops), unless the last mail left less than 10 minutes ago.
    if (pending.lastSentAt.getTime() > now.getTime() - RESEND_GAP_MS) return;
    const message = input.message || pending.message;
    tx.update(memberInvitations).set({ message, role: input.role, invitedBy: inviterId }).where(eq(memberInvitations.id, pending.id)).run();
    sendLink(tx, { ...pending, message, invitedBy: inviterId, sendCount: pending.sendCount + 1 }, space, now);
    return;
  }
  const id = crypto.randomUUID();
  tx.insert(memberInvitations)
    .values({ id, spaceId: space.id, email, role: input.role, invitedBy: inviterId, message: input.message, createdAt: now, expiresAt: now, lastSentAt: now, sendCount: 1 })
    .run();
  sendLink(tx, { id, email, spaceId: space.id, message: input.message, invitedBy: inviterId, sendCount: 1 }, space, now);
}

/**
 * A secretary (a group's admin) invites addresses to join the space, with an optional message.
 * Answers `{ invited }`, the number of distinct addresses given, whatever they are.
 */
export async function inviteMembers(viewer: Viewer, spaceId: string, raw: InviteRaw): Promise<{ invited: number }> {
  const prepared = prepareInvitations(viewer, spaceId, raw);
  await limit('invite-members', viewer!.id, 500, 60 * 60);
  return sendInvitations(viewer, prepared);
}

type InviteRaw = { emails: unknown; message?: unknown; role?: unknown };
type Prepared = { space: SpaceRow; emails: string[]; input: { message: string; role: SpaceRole } };

function prepareInvitations(viewer: Viewer, spaceId: string, raw: InviteRaw): Prepared {
  const space = authorizeInvite(viewer, spaceId);
  const emails = parseEmails(raw.emails);
  const input = parseInput(inviteInput, { message: raw.message ?? undefined, role: raw.role ?? undefined });
  if (input.role !== 'member' && input.role !== animatorRole(space)) throw new AppError('invalid_input', 'This role does not exist in this space.', 'role');
  return { space, emails, input };
}

function sendInvitations(viewer: Viewer, { space, emails, input }: Prepared): { invited: number } {
  const now = new Date();
  db().transaction((tx) => {
    for (const email of emails) inviteOne(tx, space, email, input, viewer!.id, now);
  });
  return { invited: emails.length };
}

/** `inviteMembers` without the per-inviter rate limit, synchronous: for the demo seed, inside its transaction. */
export function inviteMembersUnlimited(viewer: Viewer, spaceId: string, raw: InviteRaw): { invited: number } {
  return sendInvitations(viewer, prepareInvitations(viewer, spaceId, raw));
}

function invitationOf(viewer: Viewer, spaceId: string, invitationId: string) {
  const space = authorizeInvite(viewer, spaceId);
  const row = db()
    .select()
    .from(memberInvitations)
    .where(and(eq(memberInvitations.id, invitationId), eq(memberInvitations.spaceId, spaceId)))
    .get();
  if (!row) throw new AppError('not_found');
  return { space, row };
}

/** Sends the invitation again with a new link (the old one stops working); not twice within 10 minutes. An expired one lives again. */
export async function resendInvitation(viewer: Viewer, spaceId: string, invitationId: string): Promise<{ expiresAt: Date }> {
  const { space, row } = invitationOf(viewer, spaceId, invitationId);
  if (row.acceptedAt) throw new AppError('conflict', 'This invitation was already accepted.', undefined, { key: 'invitationAccepted' });
  if (row.revokedAt) throw new AppError('conflict', 'This invitation was revoked.', undefined, { key: 'invitationRevoked' });
  const now = new Date();
  if (row.lastSentAt.getTime() > now.getTime() - RESEND_GAP_MS) {
    throw new AppError('conflict', 'This invitation was sent less than 10 minutes ago.', undefined, { key: 'resentRecently' });
  }
  await limit('invite-members', viewer!.id, 500, 60 * 60);
  return db().transaction((tx) => {
    sendLink(tx, { ...row, sendCount: row.sendCount + 1 }, space, now);
    return { expiresAt: tx.select({ e: memberInvitations.expiresAt }).from(memberInvitations).where(eq(memberInvitations.id, row.id)).get()!.e };
  });
}

/** Revokes a pending (or expired) invitation: its link then answers « invitation révoquée ». Revoking twice is harmless. */
export function revokeInvitation(viewer: Viewer, spaceId: string, invitationId: string): void {
  const { row } = invitationOf(viewer, spaceId, invitationId);
  if (row.acceptedAt) throw new AppError('conflict', 'This invitation was already accepted.', undefined, { key: 'invitationAccepted' });
  if (row.revokedAt) return;
  db().update(memberInvitations).set({ revokedAt: new Date() }).where(eq(memberInvitations.id, row.id)).run();
}

export type PendingInvitation = {
  id: string;
  email: string;
  role: SpaceRole;
  message: string;
  invitedBy: string | null;
  createdAt: Date;
  lastSentAt: Date;
  expiresAt: Date;
  sendCount: number;
  state: 'pending' | 'expired';
  /** When « Renvoyer » works again (now or in the past: at once). */
  resendableAt: Date;
};

/** The invitations not accepted nor revoked, newest first, to those who may invite (they hold addresses). */
export function listInvitations(viewer: Viewer, spaceId: string, opts: { locale?: Locale; now?: Date; limit?: number } = {}): PendingInvitation[] {
  authorizeInvite(viewer, spaceId);
  const now = opts.now ?? new Date();
  return db()
    .select({
      id: memberInvitations.id,
      email: memberInvitations.email,
      role: memberInvitations.role,
      message: memberInvitations.message,
      createdAt: memberInvitations.createdAt,
      lastSentAt: memberInvitations.lastSentAt,
      expiresAt: memberInvitations.expiresAt,
      sendCount: memberInvitations.sendCount,
      inviterId: users.id,
      inviterName: users.name,
      inviterDeletedAt: users.deletedAt,
      inviterSection: sectionNameSql(users.id),
    })
    .from(memberInvitations)
    .leftJoin(users, eq(users.id, memberInvitations.invitedBy))
    .where(and(eq(memberInvitations.spaceId, spaceId), isNull(memberInvitations.acceptedAt), isNull(memberInvitations.revokedAt)))
    .orderBy(desc(memberInvitations.createdAt), desc(memberInvitations.id))
    .limit(Math.min(Math.max(opts.limit ?? 200, 1), 500))
    .all()
    .map(({ inviterId, inviterName, inviterDeletedAt, inviterSection, ...r }) => ({
      ...r,
      invitedBy: inviterId ? displayName({ name: inviterName, deletedAt: inviterDeletedAt }, { sectionName: inviterSection, locale: opts.locale }) : null,
      state: r.expiresAt > now ? ('pending' as const) : ('expired' as const),
      resendableAt: new Date(r.lastSentAt.getTime() + RESEND_GAP_MS),
    }));
}

export type InvitationState = 'valid' | 'invalid' | 'expired' | 'revoked' | 'replaced' | 'accepted';

export type InvitationView = {
  state: InvitationState;
  /** Present for every state but `invalid` and a link expired by its own date. */
  invitation?: {
    id: string;
    email: string;
    role: SpaceRole;
    message: string;
    expiresAt: Date;
    invitedBy: string | null;
    space: { id: string; name: string; kind: 'section' | 'group'; description: string };
  };
};

/** What an invitation link says now, without using it (the adhesion page shows it). */
export function readMemberInvitation(token: string, now = new Date()): InvitationView {
  let claims: { subject: string; expiresAt: number };
  try {
    claims = readToken(token, PURPOSE, now.getTime());
  } catch (e) {
    if (isAppError(e)) return { state: e.detail?.key === 'linkExpired' ? 'expired' : 'invalid' };
    throw e;
  }
  const row = db()
    .select({ inv: memberInvitations, space: { id: spaces.id, name: spaces.name, kind: spaces.kind, description: spaces.description } })
    .from(memberInvitations)
    .innerJoin(spaces, eq(spaces.id, memberInvitations.spaceId))
    .where(eq(memberInvitations.id, claims.subject))
    .get();
  if (!row || (row.space.kind !== 'section' && row.space.kind !== 'group')) return { state: 'invalid' };
  const { inv } = row;
  const invitation = {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    message: inv.message,
    expiresAt: inv.expiresAt,
    invitedBy: inv.invitedBy,
    space: { ...row.space, kind: row.space.kind },
  };
  const state: InvitationState = inv.acceptedAt
    ? 'accepted'
    : inv.revokedAt
      ? 'revoked'
      : inv.expiresAt.getTime() !== claims.expiresAt
        ? 'replaced'
        : inv.expiresAt <= now
          ? 'expired'
          : 'valid';
  return { state, invitation };
}

const STATE_ERROR: Record<Exclude<InvitationState, 'valid'>, [string, string]> = {
  invalid: ['This invitation link is not valid.', 'linkInvalid'],
  expired: ['This invitation has expired.', 'linkExpired'],
  revoked: ['This invitation was revoked.', 'invitationRevoked'],
  replaced: ['A newer invitation replaced this link.', 'invitationGone'],
  accepted: ['This invitation was already accepted.', 'invitationAccepted'],
};

/** Who may accept an invitation to `email` in this browser. */
export type AcceptanceRoute =
  | { kind: 'viewer'; userId: string }
  /** No usable account: one is created (or an account never signed in is taken over), verified by the link. */
  | { kind: 'newAccount'; userId: string | null }
  | { kind: 'signInFirst' }
  | { kind: 'otherAccount'; viewerEmail: string };

export function acceptanceRoute(viewer: Viewer, email: string): AcceptanceRoute {
  if (viewer) {
    const mine = db().select({ email: users.email }).from(users).where(eq(users.id, viewer.id)).get()?.email ?? '';
    return mine.toLowerCase() === email ? { kind: 'viewer', userId: viewer.id } : { kind: 'otherAccount', viewerEmail: mine };
  }
  const existing = db().select({ id: users.id, emailVerified: users.emailVerified }).from(users).where(and(eq(users.email, email), isNull(users.deletedAt))).get();
  if (!existing) return { kind: 'newAccount', userId: null };
  // An account whose sign-in link was never opened and that never had a session holds nothing:
  // the invitation's link, sent to the same address, verifies it.
  const everUsed = existing.emailVerified !== null || db().select({ one: sql`1` }).from(sessions).where(eq(sessions.userId, existing.id)).get() !== undefined;
  return everUsed ? { kind: 'signInFirst' } : { kind: 'newAccount', userId: existing.id };
}

/**
 * Accepts the invitation of `token`. Signed in with the invited address, or the address has no
 * usable account (created now, verified by the link): the person enters the space. Returns who,
 * where, and whether a session is to be opened for them (a new account: `signIn`).
 */
export function acceptMemberInvitation(viewer: Viewer, token: string, opts: { locale?: Locale } = {}): { spaceId: string; spaceKind: 'section' | 'group'; userId: string; signIn: boolean } {
  const now = new Date();
  const view = readMemberInvitation(token, now);
  if (view.state !== 'valid' || !view.invitation) {
    const [message, key] = STATE_ERROR[view.state as Exclude<InvitationState, 'valid'>];
    throw new AppError('invalid_input', message, 'token', { key });
  }
  const inv = view.invitation;
  const route = acceptanceRoute(viewer, inv.email);
  if (route.kind === 'otherAccount') throw new AppError('conflict', 'This invitation was sent to another address than your account’s.', undefined, { key: 'otherAccount' });
  if (route.kind === 'signInFirst') throw new AppError('unauthorized', 'Sign in with the invited address to accept.', undefined, { key: 'signInFirst' });
  if (inv.space.kind === 'group') {
    const siteRole = route.userId ? db().select({ r: users.siteRole }).from(users).where(eq(users.id, route.userId)).get()?.r : 'citizen';
    if (siteRole !== 'member' && siteRole !== 'admin') throw new AppError('conflict', 'Groups bring party members together: join a section first.', undefined, { key: 'membersOnly' });
  }
  const userId = db().transaction((tx) => {
    // Claimed first: of two acceptances racing, one wins.
    const claimed = tx
      .update(memberInvitations)
      .set({ acceptedAt: now })
      .where(and(eq(memberInvitations.id, inv.id), eq(memberInvitations.expiresAt, inv.expiresAt), pendingWhere(now)))
      .run();
    if (claimed.changes === 0) throw new AppError('conflict', 'This invitation is no longer valid.', 'token', { key: 'invitationGone' });
    let id = route.userId;
    if (route.kind === 'newAccount') {
      if (id) tx.update(users).set({ emailVerified: now, pendingInvitationId: null, selfRegistered: false }).where(eq(users.id, id)).run();
      else id = tx.insert(users).values({ email: inv.email, emailVerified: now, siteRole: 'citizen', locale: opts.locale ?? 'fr' }).returning({ id: users.id }).get().id;
    }
    tx.update(memberInvitations).set({ acceptedBy: id }).where(eq(memberInvitations.id, inv.id)).run();
    if (inv.space.kind === 'section') {
      moveIntoSection(tx, { userId: id!, toSpaceId: inv.space.id, role: inv.role === 'secretary' ? 'secretary' : 'member', byUserId: inv.invitedBy });
    } else {
      tx.insert(memberships)
        .values({ userId: id!, spaceId: inv.space.id, role: inv.role === 'admin' ? 'admin' : 'member', createdAt: now })
        .onConflictDoNothing()
        .run();
      tx.delete(spaceInvitations).where(and(eq(spaceInvitations.userId, id!), eq(spaceInvitations.spaceId, inv.space.id))).run();
    }
    return id!;
  });
  afterMembershipChange([userId]);
  return { spaceId: inv.space.id, spaceKind: inv.space.kind, userId, signIn: route.kind === 'newAccount' };
}

/** `POST /api/v1/spaces/:id/members`: one address. */
export const inviteOneInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  role: z.enum(['member', 'secretary', 'admin']).optional(),
  message: z.string().max(2000).optional(),
});

/** `POST /api/v1/spaces/:id/invitations`: several addresses. */
export const inviteManyInput = z.object({
  emails: z.array(z.string().max(1000)).min(1).max(MAX_EMAILS),
  role: z.enum(['member', 'secretary', 'admin']).optional(),
  message: z.string().max(2000).optional(),
});
