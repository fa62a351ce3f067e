import { eq, sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import { memberships, spaces, users } from '@/db/schema';
import type { Viewer } from '@/server/policy';

/** Builds the policy's view of a person: site role, roles per space, animated space paths. */
export function loadViewer(userId: string): Viewer {
  const user = prepared('viewer.user', (d) =>
    d.select({ id: users.id, siteRole: users.siteRole, deletedAt: users.deletedAt }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare(),
  ).get({ id: userId });
  if (!user || user.deletedAt) return null;
  const rows = prepared('viewer.roles', (d) =>
    d
      .select({ spaceId: memberships.spaceId, role: memberships.role, path: spaces.path })
      .from(memberships)
      .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
      .where(eq(memberships.userId, sql.placeholder('userId')))
      .prepare(),
  ).all({ userId });
  return {
    id: user.id,
    siteRole: user.siteRole,
    roles: new Map(rows.map((r) => [r.spaceId, r.role])),
    managedPaths: rows.filter((r) => r.role !== 'member').map((r) => r.path),
  };
}
