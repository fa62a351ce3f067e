/** Invitation links that admit new citizens while registration is closed. */
import { and, desc, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { invitations, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { authorizeSite, type Viewer } from '@/server/policy';
import { env } from '@/server/env';
import { parseInput } from '@/lib/parse-input';
import { issueToken, readToken } from '@/server/tokens/signed-token';

const PURPOSE = 'invitation';

export const createInvitationInput = z.object({
  maxUses: z.coerce.number().int().min(1).max(1000).default(10),
  expiresInDays: z.coerce.number().int().min(1).max(90).default(14),
  note: z.string().trim().max(200).default(''),
});

export function invitationUrl(token: string): string {
  return `${env().AUTH_URL}/invitation/${token}`;
}

export function createInvitation(viewer: Viewer, raw: z.input<typeof createInvitationInput>) {
  authorizeSite(viewer, 'createInvitation');
  const input = parseInput(createInvitationInput, raw);
  const ttlMs = input.expiresInDays * 86_400_000;
  const row = db()
    .insert(invitations)
    .values({ createdBy: viewer!.id, maxUses: input.maxUses, note: input.note, expiresAt: new Date(Date.now() + ttlMs) })
    .returning()
    .get();
  const token = issueToken({ purpose: PURPOSE, subject: row.id, ttlMs });
  return { ...row, url: invitationUrl(token) };
}

export function listMyInvitations(viewer: Viewer) {
  if (!viewer) return [];
  return db().select().from(invitations).where(eq(invitations.createdBy, viewer.id)).orderBy(desc(invitations.createdAt)).limit(50).all();
}

export function revokeInvitation(viewer: Viewer, id: string): void {
  authorizeSite(viewer, 'createInvitation');
  const res = db().update(invitations).set({ revokedAt: new Date() }).where(and(eq(invitations.id, id), eq(invitations.createdBy, viewer!.id))).run();
  if (res.changes === 0) throw new AppError('not_found');
}

/** Reads an invitation link without using it; throws a readable error if it is no good. */
export function checkInvitation(token: string) {
  const { subject } = readToken(token, PURPOSE);
  const inv = db().select().from(invitations).where(eq(invitations.id, subject)).get();
  if (!inv || inv.revokedAt || inv.expiresAt < new Date()) throw new AppError('invalid_input', 'This invitation is no longer valid.', 'token', { key: 'invitationInvalid' });
  if (inv.uses >= inv.maxUses) throw new AppError('invalid_input', 'This invitation has been used as many times as allowed.', 'token', { key: 'invitationUsedUp' });
  return inv;
}

/**
 * Spends one use of an invitation, atomically (two people racing for the last seat: one wins).
 * Returns the invitation's id, kept on the pending account (`purgePendingAccounts`).
 */
export function useInvitation(token: string): string {
  const inv = checkInvitation(token);
  const res = db()
    .update(invitations)
    .set({ uses: sql`${invitations.uses} + 1` })
    .where(and(eq(invitations.id, inv.id), lt(invitations.uses, invitations.maxUses), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .run();
  if (res.changes === 0) throw new AppError('invalid_input', 'This invitation has been used as many times as allowed.', 'token', { key: 'invitationUsedUp' });
  return inv.id;
}

/** How long a new account waits for its first sign-in (links last a day). */
export const PENDING_ACCOUNT_DAYS = 3;

/**
 * Accounts whose first sign-in link was never opened (a mistyped address, someone else's
 * address) are removed: those admitted by an invitation, whose seat goes back to it, and those
 * created while registration was open. Accounts made by an admin or a secretary stay. Daily
 * job; returns how many.
 */
export function purgePendingAccounts(now = new Date()): number {
  const cutoff = new Date(now.getTime() - PENDING_ACCOUNT_DAYS * 86_400_000);
  return db().transaction((tx) => {
    const stale = tx
      .select({ id: users.id, invitationId: users.pendingInvitationId })
      .from(users)
      .where(
        and(
          or(isNotNull(users.pendingInvitationId), eq(users.selfRegistered, true)),
          isNull(users.emailVerified),
          eq(users.siteRole, 'citizen'),
          lt(users.createdAt, cutoff),
        ),
      )
      .all();
    for (const u of stale) {
      if (u.invitationId) tx.update(invitations).set({ uses: sql`max(${invitations.uses} - 1, 0)` }).where(eq(invitations.id, u.invitationId)).run();
      tx.delete(users).where(eq(users.id, u.id)).run();
    }
    return stale.length;
  });
}
