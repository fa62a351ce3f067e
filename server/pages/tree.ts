/**
 * A space's pages as a tree (a chapter and its sub-pages): each page has a parent in the same
 * space (or none, at the top) and a position among its siblings. Positions are fractional, so a
 * move writes one row: the page takes a position between its new neighbours.
 *
 * Pages never placed by hand keep position 0 and come after the placed ones, oldest first (a new
 * page lands at the end of its list). The first move among such siblings numbers them once.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { deliberations, pages, spaces } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/parse-input';
import { prepared } from '@/db/prepared';
import { authorizePage, canPage, editsPlainPagesOf, READER_PLACEHOLDERS, readableSql, readerClass, readerValues, type Viewer } from '@/server/policy';
import { loadPage, loadPageRefs } from './load-page';
import { titleSeenByClass } from './seen-by';

/** More pages than this in one space's tree are left out (the space's page list has them all). */
export const MAX_TREE_PAGES = 400;
/** Below this gap between two neighbours, the siblings are numbered afresh. */
const MIN_GAP = 1e-9;

export type TreeNode = {
  id: string;
  title: string;
  status: 'draft' | 'published' | 'archived';
  /** The viewer may move this page (the policy's `edit` on it). */
  canMove: boolean;
  children: TreeNode[];
};

type Row = { id: string; title: string; status: TreeNode['status']; parentId: string | null; position: number; createdAt: Date };

/** Sibling order: placed pages by position, then never-placed ones (position 0) oldest first. */
const bySiblingOrder = (a: Pick<Row, 'position' | 'createdAt' | 'id'>, b: Pick<Row, 'position' | 'createdAt' | 'id'>): number =>
  Number(a.position === 0) - Number(b.position === 0) || a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

/**
 * The tree of the pages of `spaceId` that the viewer may read. A page whose parent the viewer
 * may not read (or that is in the trash) shows at the top: nothing of that parent shows.
 */
export function listPageTree(viewer: Viewer, spaceId: string): TreeNode[] {
  const cls = readerClass(viewer);
  const rows: (Row & { deliberated: boolean })[] = prepared(`listPageTree.${cls}`, (d) =>
    d
      // Citizens and anonymous readers see the published title (a rename since is not published).
      .select({
        id: pages.id,
        title: titleSeenByClass(cls),
        status: pages.status,
        parentId: pages.parentId,
        position: pages.position,
        createdAt: pages.createdAt,
        deliberated: sql<boolean>`${deliberations.pageId} is not null`.mapWith(Boolean),
      })
      .from(pages)
      .leftJoin(deliberations, eq(deliberations.pageId, pages.id))
      .where(and(eq(pages.spaceId, sql.placeholder('space')), readableSql(cls, READER_PLACEHOLDERS)))
      .orderBy(asc(pages.createdAt))
      .limit(MAX_TREE_PAGES)
      .prepare(),
  ).all({ space: spaceId, ...readerValues(viewer) });
  // Members and animators of the space edit every plain page they read: only the others (and
  // pages with a stage) need what the policy reads of each page, loaded for them alone.
  const space = prepared('listPageTree.space', (d) => d.select({ id: spaces.id, path: spaces.path }).from(spaces).where(eq(spaces.id, sql.placeholder('id'))).prepare()).get({ id: spaceId });
  const plainEditor = space !== undefined && editsPlainPagesOf(viewer, space);
  const needRef = (r: (typeof rows)[number]) => r.status !== 'archived' && (r.deliberated || !plainEditor);
  const refs = loadPageRefs(rows.filter(needRef).map((r) => r.id));
  const nodes = new Map<string, TreeNode & { row: Row }>();
  for (const r of rows) {
    const ref = refs.get(r.id);
    const canMove = r.status === 'archived' ? false : needRef(r) ? (ref ? canPage(viewer, 'edit', ref) : false) : true;
    nodes.set(r.id, { id: r.id, title: r.title, status: r.status, canMove, children: [], row: r });
  }
  const top: (TreeNode & { row: Row })[] = [];
  for (const n of nodes.values()) {
    const parent = n.row.parentId ? nodes.get(n.row.parentId) : undefined;
    (parent ? (parent.children as (TreeNode & { row: Row })[]) : top).push(n);
  }
  const finish = (list: (TreeNode & { row: Row })[]): TreeNode[] =>
    list.sort((a, b) => bySiblingOrder(a.row, b.row)).map(({ row: _row, children, ...n }) => ({ ...n, children: finish(children as (TreeNode & { row: Row })[]) }));
  return finish(top);
}

export const movePageInput = z.object({
  /** The new parent (a page of the same space), or null for the top of the tree. */
  parentId: z.string().min(1).nullable(),
  /** The sibling the page goes right after, or null to go first. */
  afterId: z.string().min(1).nullable().default(null),
});
export type MovePageInput = z.input<typeof movePageInput>;

/**
 * Moves a page under another page of its space (or to the top) and among its siblings. Needs
 * `edit` on the page; the new parent and the sibling it follows must be pages the viewer reads.
 * A page never goes under itself or one of its own sub-pages.
 */
export function movePage(viewer: Viewer, pageId: string, raw: MovePageInput): void {
  const input = parseInput(movePageInput, raw);
  const { ref } = loadPage(pageId);
  authorizePage(viewer, 'edit', ref);
  const spaceId = ref.space.id;
  const readablePeer = (id: string, field: string) => {
    let peer;
    try {
      peer = loadPage(id);
    } catch {
      throw new AppError('invalid_input', 'Unknown page.', field);
    }
    if (peer.row.spaceId !== spaceId || !canPage(viewer, 'read', peer.ref)) throw new AppError('invalid_input', 'Unknown page.', field);
    return peer.row;
  };
  if (input.parentId !== null) {
    readablePeer(input.parentId, 'parentId');
    // Up from the new parent: meeting the page itself means it would go under its own sub-page.
    const seen = new Set<string>();
    for (let at: string | null = input.parentId; at !== null && !seen.has(at); ) {
      if (at === pageId) throw new AppError('invalid_input', 'A page cannot go under itself or one of its sub-pages.', 'parentId');
      seen.add(at);
      at = db().select({ parentId: pages.parentId }).from(pages).where(eq(pages.id, at)).get()?.parentId ?? null;
    }
  }
  if (input.afterId !== null) {
    if (input.afterId === pageId) return; // after itself: where it already is
    const after = readablePeer(input.afterId, 'afterId');
    if ((after.parentId ?? null) !== input.parentId) throw new AppError('invalid_input', 'That page is not under this parent.', 'afterId');
  }
  db().transaction((tx) => {
    const siblingsOf = () =>
      tx
        .select({ id: pages.id, position: pages.position, createdAt: pages.createdAt })
        .from(pages)
        .where(and(eq(pages.spaceId, spaceId), input.parentId === null ? isNull(pages.parentId) : eq(pages.parentId, input.parentId), sql`${pages.id} <> ${pageId}`))
        .all()
        .sort(bySiblingOrder);
    let siblings = siblingsOf();
    const at = input.afterId === null ? 0 : siblings.findIndex((s) => s.id === input.afterId) + 1;
    const gapOf = (list: typeof siblings) => {
      const prev = at > 0 ? list[at - 1]!.position : null;
      const next = at < list.length ? list[at]!.position : null;
      return { prev, next };
    };
    let { prev, next } = gapOf(siblings);
    const placed = (p: number | null) => p !== null && p !== 0;
    // Neighbours never placed (position 0), or too close to split: number the siblings once.
    const tight = prev !== null && next !== null ? next - prev < MIN_GAP : next !== null && prev === null && next < MIN_GAP;
    if ((prev !== null && !placed(prev)) || (next !== null && !placed(next)) || tight) {
      siblings.forEach((s, i) => tx.update(pages).set({ position: i + 1 }).where(eq(pages.id, s.id)).run());
      siblings = siblings.map((s, i) => ({ ...s, position: i + 1 }));
      ({ prev, next } = gapOf(siblings));
    }
    const position = prev === null && next === null ? 1 : prev === null ? next! / 2 : next === null ? prev + 1 : (prev + next) / 2;
    tx.update(pages).set({ parentId: input.parentId, position }).where(eq(pages.id, pageId)).run();
  });
}
