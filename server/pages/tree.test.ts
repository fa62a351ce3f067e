/**
 * The page tree of a space: nesting and order (a move writes one row), refusals (cycles, another
 * space's parent, no edit right), and only readable pages in the tree.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pages } from '@/db/schema';
import { deletePage } from './page-service';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { listPageTree, movePage, type TreeNode } from './tree';

const tree = makeTree();
const alice = makeUser({ name: 'Alice' });
const other = makeUser({ name: 'Olga' }); // another section: reads `members` pages, edits none
addMembership(alice, tree.section);
addMembership(other, tree.otherSection);
const va = () => viewerOf(alice);

/** The tree as indented titles, for readable assertions. */
const shape = (nodes: TreeNode[], depth = 0): string[] => nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.title}`, ...shape(n.children, depth + 1)]);
const positionsWritten = (fn: () => void): number => {
  const before = new Map(db().select({ id: pages.id, p: pages.position, parent: pages.parentId }).from(pages).all().map((r) => [r.id, `${r.p}/${r.parent}`]));
  fn();
  return db()
    .select({ id: pages.id, p: pages.position, parent: pages.parentId })
    .from(pages)
    .all()
    .filter((r) => before.get(r.id) !== `${r.p}/${r.parent}`).length;
};

describe('page tree', () => {
  const section = makeTree('Arbre');
  addMembership(alice, section.section);
  const make = (title: string, extra = {}) => makePage(alice, section.section, { title, visibility: 'members', status: 'published', ...extra });
  const programme = make('Programme');
  const transports = make('Transports');
  const logement = make('Logement');
  const annexe = make('Annexe');

  it('new pages come in creation order at the top; a page nests under another and orders among its siblings', () => {
    expect(shape(listPageTree(va(), section.section.id))).toEqual(['Programme', 'Transports', 'Logement', 'Annexe']);
    movePage(va(), transports.id, { parentId: programme.id });
    movePage(va(), logement.id, { parentId: programme.id, afterId: transports.id });
    expect(shape(listPageTree(va(), section.section.id))).toEqual(['Programme', '  Transports', '  Logement', 'Annexe']);
    // Logement first among the chapter's pages: one row written.
    expect(positionsWritten(() => movePage(va(), logement.id, { parentId: programme.id, afterId: null }))).toBe(1);
    expect(shape(listPageTree(va(), section.section.id))).toEqual(['Programme', '  Logement', '  Transports', 'Annexe']);
    // Annexe before Programme at the top (its siblings are numbered once), then back after it: one row.
    movePage(va(), annexe.id, { parentId: null, afterId: null });
    expect(shape(listPageTree(va(), section.section.id))).toEqual(['Annexe', 'Programme', '  Logement', '  Transports']);
    expect(positionsWritten(() => movePage(va(), annexe.id, { parentId: null, afterId: programme.id }))).toBe(1);
    expect(shape(listPageTree(va(), section.section.id))).toEqual(['Programme', '  Logement', '  Transports', 'Annexe']);
    // Out of the chapter, back to the top, right after it.
    expect(positionsWritten(() => movePage(va(), transports.id, { parentId: null, afterId: programme.id }))).toBe(1);
    expect(shape(listPageTree(va(), section.section.id))).toEqual(['Programme', '  Logement', 'Transports', 'Annexe']);
    // Many moves between the same two neighbours keep the order right.
    for (let i = 0; i < 60; i++) movePage(va(), i % 2 ? transports.id : annexe.id, { parentId: null, afterId: programme.id });
    expect(shape(listPageTree(va(), section.section.id))).toEqual(['Programme', '  Logement', 'Transports', 'Annexe']);
    movePage(va(), transports.id, { parentId: null, afterId: annexe.id });
  });

  it('refuses a cycle, a parent of another space, an unknown sibling, and anyone without edit', () => {
    movePage(va(), logement.id, { parentId: programme.id });
    expectAppError(() => movePage(va(), programme.id, { parentId: programme.id }), 'invalid_input', 'parentId');
    expectAppError(() => movePage(va(), programme.id, { parentId: logement.id }), 'invalid_input', 'parentId');
    const elsewhere = makePage(alice, tree.section, { title: 'Ailleurs', visibility: 'members', status: 'published' });
    expectAppError(() => movePage(va(), logement.id, { parentId: elsewhere.id }), 'invalid_input', 'parentId');
    expectAppError(() => movePage(va(), logement.id, { parentId: 'nope' }), 'invalid_input', 'parentId');
    // The sibling must be under the new parent.
    expectAppError(() => movePage(va(), annexe.id, { parentId: null, afterId: logement.id }), 'invalid_input', 'afterId');
    // Olga reads these pages but may not edit them; a stranger to the page gets not_found.
    expectAppError(() => movePage(viewerOf(other), annexe.id, { parentId: null }), 'forbidden');
    const secret = makePage(alice, section.section, { title: 'Secret', visibility: 'space', status: 'published' });
    expectAppError(() => movePage(viewerOf(other), secret.id, { parentId: null }), 'not_found');
    expectAppError(() => movePage(null, annexe.id, { parentId: null }), 'not_found');
    expect(db().select({ parentId: pages.parentId }).from(pages).where(eq(pages.id, programme.id)).get()!.parentId).toBeNull();
  });

  it('shows only the pages the viewer may read: a sub-page under an unreadable page comes to the top, its parent untold', () => {
    const chapter = make('Chapitre interne', { visibility: 'space' });
    const sub = make('Sous-page ouverte');
    const draft = make('Brouillon', { status: 'draft' });
    movePage(va(), sub.id, { parentId: chapter.id });
    movePage(va(), draft.id, { parentId: programme.id, afterId: logement.id });
    const mine = shape(listPageTree(va(), section.section.id));
    expect(mine).toContain('Chapitre interne');
    expect(mine).toContain('  Sous-page ouverte');
    expect(mine).toContain('  Brouillon');
    const theirs = listPageTree(viewerOf(other), section.section.id);
    expect(shape(theirs)).not.toContain('Chapitre interne');
    expect(shape(theirs)).not.toContain('  Brouillon');
    expect(shape(theirs)).toContain('Sous-page ouverte');
    expect(JSON.stringify(theirs)).not.toContain(chapter.id);
    expect(theirs.every((n) => !n.canMove)).toBe(true);
    expect(listPageTree(va(), section.section.id).find((n) => n.title === 'Programme')!.canMove).toBe(true);
    // A page in the trash leaves the tree; its sub-pages come to the top. Nobody nests under it.
    deletePage(va(), chapter.id);
    expect(shape(listPageTree(va(), section.section.id))).toContain('Sous-page ouverte');
    expectAppError(() => movePage(va(), annexe.id, { parentId: chapter.id }), 'invalid_input', 'parentId');
    // A citizen sees no members' page at all.
    expect(listPageTree(viewerOf(makeUser({ siteRole: 'citizen' })), section.section.id)).toEqual([]);
  });
});
