/**
 * A page's title and date as one reader sees them, as SQL for the queries that list pages (lists,
 * search, backlinks, wiki-link titles). Party members read the live page; citizens and anonymous
 * readers read its published version, so they see the title and date of that version, never a
 * rename or an edit made since. The `…ByClass` forms take the policy's reader class, for queries
 * prepared once per class.
 */
import { and, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { pages, pageVersions } from '@/db/schema';
import { readerClass, type ReaderClass, type Viewer } from '@/server/policy';

/** The title `viewer` sees of `pages` rows. */
export function titleSeenBy(viewer: Viewer): SQL<string> {
  return titleSeenByClass(readerClass(viewer));
}

export function titleSeenByClass(cls: ReaderClass): SQL<string> {
  return cls !== 'public'
    ? sql<string>`${pages.title}`
    : sql<string>`coalesce((select ${pageVersions.title} from ${pageVersions} where ${pageVersions.id} = ${pages.publishedVersionId}), ${pages.title})`;
}

/** The date `viewer` sees as a page's last change: the live one, or its publication's. */
export function changedAtSeenBy(viewer: Viewer): SQL<Date> {
  return changedAtSeenByClass(readerClass(viewer));
}

export function changedAtSeenByClass(cls: ReaderClass): SQL<Date> {
  return (
    cls !== 'public'
      ? sql<Date>`${pages.updatedAt}`
      : sql<Date>`coalesce((select ${pageVersions.createdAt} from ${pageVersions} where ${pageVersions.id} = ${pages.publishedVersionId}), ${pages.updatedAt})`
  ).mapWith(pages.updatedAt);
}

/**
 * A list newest first (`updated_at desc, id desc`) after its cursor, for a prepared query: the
 * cursor's instant and id come as the placeholders `curT` (epoch ms, the driver's value) and `curId`.
 */
export function afterCursorPlaceholders(): SQL {
  const t = sql.placeholder('curT');
  return or(lt(pages.updatedAt, t), and(eq(pages.updatedAt, t), lt(pages.id, sql.placeholder('curId'))))!;
}
