/**
 * What the members list shows beside each person (issue 12): the last pages of this space where
 * their text is, with the date they last wrote there — only pages the viewer may read (the policy
 * decides, page by page), and only to those who may see the members list at all.
 */
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { authorizeSpace, canPage, type Viewer } from '@/server/policy';
import { loadPageRefs } from '@/server/pages/load-page';
import { getSpaceRow, toSpaceRef } from '@/server/spaces/queries';
import { pageAuthors } from '@/db/schema';

export type RecentWriting = { pageId: string; title: string; at: Date };

/** Pages looked at per person before the policy filters (a few may be drafts the viewer cannot read). */
const CANDIDATES = 8;

/**
 * For each of `userIds`, up to `perPerson` pages of `spaceId` where their text is, newest first.
 * The date is their last creation or edit of the page in the activity stream, else the page's.
 */
export function recentWritingOf(viewer: Viewer, spaceId: string, userIds: readonly string[], opts: { perPerson?: number } = {}): Map<string, RecentWriting[]> {
  const space = getSpaceRow(spaceId);
  authorizeSpace(viewer, 'listMembers', toSpaceRef(space));
  const out = new Map<string, RecentWriting[]>();
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return out;
  const perPerson = Math.min(Math.max(opts.perPerson ?? 3, 1), 5);
  const inIds = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = db().all<{ userId: string; pageId: string; title: string; at: number }>(sql`
    select user_id as userId, page_id as pageId, title, at from (
      select pa.user_id, p.id as page_id, p.title,
        coalesce((select max(a.created_at) from activities a
                   where a.page_id = p.id and a.actor_id = pa.user_id and a.verb in ('created', 'edited')), p.updated_at) as at,
        row_number() over (partition by pa.user_id order by coalesce((select max(a.created_at) from activities a
                   where a.page_id = p.id and a.actor_id = pa.user_id and a.verb in ('created', 'edited')), p.updated_at) desc, p.id) as rn
      from ${pageAuthors} pa join pages p on p.id = pa.page_id
      where p.space_id = ${spaceId} and p.deleted_at is null and pa.user_id in (${inIds})
    ) where rn <= ${CANDIDATES}
    order by userId, at desc`);
  const refs = loadPageRefs(rows.map((r) => r.pageId));
  for (const r of rows) {
    const ref = refs.get(r.pageId);
    if (!ref || !canPage(viewer, 'read', ref)) continue;
    const list = out.get(r.userId) ?? [];
    if (list.length >= perPerson) continue;
    list.push({ pageId: r.pageId, title: r.title, at: new Date(r.at) });
    out.set(r.userId, list);
  }
  return out;
}
