/**
 * Personal calendar-feed tokens: phone calendars send no cookie, so the feed's URL carries a
 * secret. Only its SHA-256 is stored; one live token per person and scope (a space's agenda, or
 * their own « Mes événements »): making a new one revokes the old. Revoked, unknown or malformed
 * tokens all resolve to nothing (the feed answers 404, the same body).
 */
import crypto from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { calendarTokens, spaces, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { env } from '@/server/env';
import type { Viewer } from '@/server/policy';
import { getSpaceRow } from '@/server/spaces/queries';

const TOKEN = /^cal_[A-Za-z0-9_-]{43}$/;
const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export type CalendarScope = { spaceId: string | null };

/** The feed's address (`webcal://…`) for a token of `scope`. */
export function feedUrl(token: string, scope: CalendarScope): string {
  const base = new URL(env().AUTH_URL);
  const path = scope.spaceId ? `/api/v1/spaces/${scope.spaceId}/calendar.ics` : '/api/v1/me/calendar.ics';
  return `webcal://${base.host}${path}?token=${token}`;
}

/** A new token for the viewer and scope (the previous one of that scope stops working); the secret is shown once. */
export function createCalendarToken(viewer: Viewer, scope: CalendarScope, now = new Date()): { id: string; token: string; url: string } {
  if (!viewer) throw new AppError('unauthorized');
  if (scope.spaceId) getSpaceRow(scope.spaceId);
  const token = `cal_${crypto.randomBytes(32).toString('base64url')}`;
  const row = db().transaction((tx) => {
    tx.update(calendarTokens).set({ revokedAt: now }).where(and(eq(calendarTokens.userId, viewer.id), scopeIs(scope), isNull(calendarTokens.revokedAt))).run();
    return tx.insert(calendarTokens).values({ userId: viewer.id, spaceId: scope.spaceId, tokenHash: hash(token), createdAt: now }).returning().get();
  });
  return { id: row.id, token, url: feedUrl(token, scope) };
}

const scopeIs = (scope: CalendarScope) => (scope.spaceId ? eq(calendarTokens.spaceId, scope.spaceId) : isNull(calendarTokens.spaceId));

/** The viewer's live tokens (without their secrets), for the screen that revokes them. */
export function listCalendarTokens(viewer: Viewer, scope?: CalendarScope) {
  if (!viewer) return [];
  return db()
    .select({ id: calendarTokens.id, spaceId: calendarTokens.spaceId, spaceName: spaces.name, createdAt: calendarTokens.createdAt })
    .from(calendarTokens)
    .leftJoin(spaces, eq(spaces.id, calendarTokens.spaceId))
    .where(and(eq(calendarTokens.userId, viewer.id), isNull(calendarTokens.revokedAt), scope ? scopeIs(scope) : undefined))
    .orderBy(desc(calendarTokens.createdAt))
    .all();
}

/** Revokes one of the viewer's tokens (someone else's, or an unknown id: not_found). */
export function revokeCalendarToken(viewer: Viewer, id: string, now = new Date()): void {
  if (!viewer) throw new AppError('unauthorized');
  const res = db()
    .update(calendarTokens)
    .set({ revokedAt: now })
    .where(and(eq(calendarTokens.id, id), eq(calendarTokens.userId, viewer.id), isNull(calendarTokens.revokedAt)))
    .run();
  if (res.changes === 0) throw new AppError('not_found');
}

/** The owner of a live token of exactly this scope, or null (revoked, unknown, malformed, other scope, deleted account). */
export function calendarTokenOwner(token: string | null, scope: CalendarScope): string | null {
  if (!token || !TOKEN.test(token)) return null;
  const row = db()
    .select({ userId: calendarTokens.userId, spaceId: calendarTokens.spaceId, revokedAt: calendarTokens.revokedAt, deletedAt: users.deletedAt })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .where(eq(calendarTokens.tokenHash, sql`${hash(token)}`))
    .get();
  if (!row || row.revokedAt || row.deletedAt || row.spaceId !== scope.spaceId) return null;
  return row.userId;
}
