import crypto from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { apiTokens, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { notifyAccessChanged } from '@/server/documents/live-rooms';

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Creates a personal API token; the secret is shown once and only its hash is kept. */
export function createApiToken(userId: string, name: string): { id: string; token: string } {
  const token = `cpl_${crypto.randomBytes(24).toString('base64url')}`;
  const row = db().insert(apiTokens).values({ userId, name: name.trim().slice(0, 80) || 'API', tokenHash: hash(token) }).returning().get();
  return { id: row.id, token };
}

export function listApiTokens(userId: string) {
  return db()
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

export function revokeApiToken(userId: string, id: string): void {
  const res = db().delete(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId))).run();
  if (res.changes === 0) throw new AppError('not_found');
  notifyAccessChanged({ userIds: [userId] }); // sockets opened with this token close at once
}

/** The user id behind a bearer token, or null. */
export function authenticateApiToken(token: string): string | null {
  const row = prepared('apiToken', (d) =>
    d
      .select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt, deletedAt: users.deletedAt })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
      .prepare(),
  ).get({ hash: hash(token) });
  if (!row || row.deletedAt) return null;
  // Touch at most once a minute: no write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    db().update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id)).run();
  }
  return row.userId;
}
