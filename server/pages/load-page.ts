import { eq, sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import { deliberations, pageAuthors, pages, pageStewards, spaces } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { DeliberationRef, PageRef } from '@/server/policy';
import { toSpaceRef, type SpaceRow } from '@/server/spaces/queries';

export type PageRow = typeof pages.$inferSelect;
export type LoadedPage = { row: PageRow; space: SpaceRow; ref: PageRef };

/** Loads a page with what the policy needs. Unknown id → not_found. */
export function loadPage(id: string): LoadedPage {
  const found = prepared('loadPage', (d) =>
    d
      .select({ page: pages, space: spaces, procedure: deliberations.procedure, stage: deliberations.stage, amendmentsCloseAt: deliberations.amendmentsCloseAt })
      .from(pages)
      .innerJoin(spaces, eq(spaces.id, pages.spaceId))
      .leftJoin(deliberations, eq(deliberations.pageId, pages.id))
      .where(eq(pages.id, sql.placeholder('id')))
      .prepare(),
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
  return { row: page, space, ref: refOf(page, space, authorIds, stewardIds, deliberationOf(found)) };
}

type RefColumns = Pick<PageRow, 'id' | 'kind' | 'visibility' | 'status' | 'deletedAt' | 'createdBy'>;
type DeliberationColumns = { procedure: DeliberationRef['procedure'] | null; stage: DeliberationRef['stage'] | null; amendmentsCloseAt: Date | null };

const deliberationOf = (r: DeliberationColumns): DeliberationRef | null =>
  r.procedure && r.stage ? { procedure: r.procedure, stage: r.stage, amendmentsCloseAt: r.amendmentsCloseAt } : null;

function refOf(page: RefColumns, space: Pick<SpaceRow, 'id' | 'kind' | 'path' | 'isOpen'>, authorIds: string[], stewardIds: string[], deliberation: DeliberationRef | null): PageRef {
  return {
    id: page.id,
    kind: page.kind,
    space: toSpaceRef(space),
    visibility: page.visibility,
    status: page.status,
    deletedAt: page.deletedAt,
    authorIds,
    createdBy: page.createdBy,
    stewardIds,
    deliberation,
  };
}

/**
 * What the policy needs of many pages at once (three queries, whatever their number), for lists
 * that carry each page's abilities. Unknown ids are left out.
 */
export function loadPageRefs(ids: readonly string[]): Map<string, PageRef> {
  const unique = [...new Set(ids)];
  const refs = new Map<string, PageRef>();
  if (unique.length === 0) return refs;
  // Prepared once: the ids go in as one JSON array. Only what the policy reads (a page row holds its whole text).
  const idList = JSON.stringify(unique);
  const rows = prepared('loadPageRefs', (d) =>
    d
      .select({
        page: { id: pages.id, kind: pages.kind, visibility: pages.visibility, status: pages.status, deletedAt: pages.deletedAt, createdBy: pages.createdBy },
        space: { id: spaces.id, kind: spaces.kind, path: spaces.path, isOpen: spaces.isOpen },
        procedure: deliberations.procedure,
        stage: deliberations.stage,
        amendmentsCloseAt: deliberations.amendmentsCloseAt,
      })
      .from(pages)
      .innerJoin(spaces, eq(spaces.id, pages.spaceId))
      .leftJoin(deliberations, eq(deliberations.pageId, pages.id))
      .where(sql`${pages.id} in (select value from json_each(${sql.placeholder('ids')}))`)
      .prepare(),
  ).all({ ids: idList });
  const idsBy = (table: typeof pageAuthors | typeof pageStewards) => {
    const by = new Map<string, string[]>();
    const query = prepared(`loadPageRefs.${table === pageAuthors ? 'authors' : 'stewards'}`, (d) =>
      d
        .select({ pageId: table.pageId, userId: table.userId })
        .from(table)
        .where(sql`${table.pageId} in (select value from json_each(${sql.placeholder('ids')}))`)
        .prepare(),
    );
    for (const r of query.all({ ids: idList })) by.set(r.pageId, [...(by.get(r.pageId) ?? []), r.userId]);
    return by;
  };
  const authors = idsBy(pageAuthors);
  const stewards = idsBy(pageStewards);
  for (const r of rows) refs.set(r.page.id, refOf(r.page, r.space, authors.get(r.page.id) ?? [], stewards.get(r.page.id) ?? [], deliberationOf(r)));
  return refs;
}
