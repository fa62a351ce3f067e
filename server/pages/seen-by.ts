/**
 * A page's title and date as one reader sees them, as SQL for the queries that list pages (lists,
 * search, backlinks, wiki-link titles). Party members read the live page; citizens and anonymous
 * readers read its published version, so they see the title and date of that version, never a
 * rename or an edit made since.
 */
import { sql, type SQL } from 'drizzle-orm';
import { pages, pageVersions } from '@/db/schema';
import { readsLiveText, type Viewer } from '@/server/policy';

/** The title `viewer` sees of `pages` rows. */
export function titleSeenBy(viewer: Viewer): SQL<string> {
  return readsLiveText(viewer)
    ? sql<string>`${pages.title}`
    : sql<string>`coalesce((select ${pageVersions.title} from ${pageVersions} where ${pageVersions.id} = ${pages.publishedVersionId}), ${pages.title})`;
}

/** The date `viewer` sees as a page's last change: the live one, or its publication's. */
export function changedAtSeenBy(viewer: Viewer): SQL<Date> {
  return (
    readsLiveText(viewer)
      ? sql<Date>`${pages.updatedAt}`
      : sql<Date>`coalesce((select ${pageVersions.createdAt} from ${pageVersions} where ${pageVersions.id} = ${pages.publishedVersionId}), ${pages.updatedAt})`
  ).mapWith(pages.updatedAt);
}
