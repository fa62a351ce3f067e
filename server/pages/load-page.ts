import { eq, sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import { pageAuthors, pages, pageStewards, spaces } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canPage, PAGE_ACTIONS, type PageAction, type PageRef, type Viewer } from '@/server/policy';
import { toSpaceRef, type SpaceRow } from '@/server/spaces/queries';

export type PageRow = typeof pages.$inferSelect;
export type LoadedPage = { row: PageRow; space: SpaceRow; ref: PageRef };

/** Loads a page with what the policy needs. Unknown id → not_found. */
export function loadPage(id: string): LoadedPage {
  const found = prepared('loadPage', (d) =>
    d.select({ page: pages, space: spaces }).from(pages).innerJoin(spaces, eq(spaces.id, pages.spaceId)).where(eq(pages.id, sql.placeholder('id'))).prepare(),
  ).get({ id });
  if (!found) throw new AppError('not_found');
  const authorIds = prepared('loadPage.authors', (d) =>
    d.select({ userId: pageAuthors.userId }).from(pageAuthors).where(eq(pageAuthors.pageId, sql.placeholder('id'))).prepare(),
  )
    .all({ id })
    .map((a) => a.userId);
  const stewardIds = prepared('loadPage.stewards', (d) =>
    d.select({ userId: pageStewards.userId }).from(pageStewards).where(eq(pageStewards.pageId, sql.placeholder('id'))).prepare(),
  )
    .all({ id })
    .map((a) => a.userId);
  const { page, space } = found;
  return {
    row: page,
    space,
    ref: { id: page.id, space: toSpaceRef(space), visibility: page.visibility, status: page.status, deletedAt: page.deletedAt, authorIds, createdBy: page.createdBy, stewardIds },
  };
}

export type PageAbilities = Record<PageAction, boolean>;

export function pageAbilities(viewer: Viewer, ref: PageRef): PageAbilities {
  return Object.fromEntries(PAGE_ACTIONS.map((a) => [a, canPage(viewer, a, ref)])) as PageAbilities;
}
