import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { memberships, spaces, users } from '@/db/schema';
import type { Viewer } from '@/server/policy';

/** Builds the policy's view of a person: site role, roles per space, animated space paths. */
export function loadViewer(userId: string): Viewer {
  const user = db().select({ id: users.id, siteRole: users.siteRole, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId)).get();
  if (!user || user.deletedAt) return null;
  const rows = db()
    .select({ spaceId: memberships.spaceId, role: memberships.role, path: spaces.path })
    .from(memberships)
    .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
    .where(eq(memberships.userId, userId))
    .all();
  return {
    id: user.id,
    siteRole: user.siteRole,
    roles: new Map(rows.map((r) => [r.spaceId, r.role])),
    managedPaths: rows.filter((r) => r.role !== 'member').map((r) => r.path),
  };
}
