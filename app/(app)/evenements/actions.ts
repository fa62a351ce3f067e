'use server';
import { requireViewer } from '@/server/auth/current';
import { runAction, type ActionResult } from '@/server/http/action';
import { createCalendarToken, revokeCalendarToken } from '@/server/events/calendar-tokens';

/** A new personal feed link for a space's agenda (`spaceId`) or one's own events (null); the old one stops working. */
export async function createFeedTokenAction(spaceId: string | null): Promise<ActionResult> {
  const viewer = await requireViewer(spaceId ? `/espaces/${spaceId}/agenda` : '/evenements');
  return runAction(() => {
    const now = new Date();
    const { id, url } = createCalendarToken(viewer, { spaceId }, now);
    return { id, url, createdAt: now.toISOString() };
  });
}

export async function revokeFeedTokenAction(id: string): Promise<ActionResult> {
  const viewer = await requireViewer('/evenements');
  return runAction(() => {
    revokeCalendarToken(viewer, id);
    return null;
  });
}
