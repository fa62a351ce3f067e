/**
 * Test factories, one module: people with a site role, the territorial tree and groups,
 * memberships, and pages made through the domain functions (so a factory page is what a real
 * person would have made). Every test file has its own database (test/setup.ts).
 */
import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { db } from '@/db/client';
import { jobs, memberships, pages, pageStewards, users, type SiteRole, type SpaceRole, type PageStatus, type Visibility } from '@/db/schema';
import { isAppError, type ErrorCode } from '@/lib/errors';
import * as Y from 'yjs';
import { loadViewer } from '@/server/auth/load-viewer';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { appendUpdate } from '@/server/documents/store';
import { liveDocState } from '@/server/documents/live-state';
import { derivePage } from '@/server/pages/derive';
import { createPage, deletePage, type CreatePageInput } from '@/server/pages/page-service';
import type { Mail } from '@/server/mail/outbox';
import type { Viewer } from '@/server/policy';
import { createGroup, createSubspace, ensureNationalSpace } from '@/server/spaces/space-service';
import type { SpaceRow } from '@/server/spaces/queries';

export type UserRow = typeof users.$inferSelect;
export type PageRow = typeof pages.$inferSelect;

let seq = 0;
const run = Math.random().toString(36).slice(2, 8);

/** A person. Party member by default; e-mails are unique within the file. */
export function makeUser(opts: { siteRole?: SiteRole; name?: string; email?: string } = {}): UserRow {
  seq++;
  return db()
    .insert(users)
    .values({ name: opts.name ?? `Personne ${seq}`, email: opts.email ?? `personne${seq}.${run}@coopol.test`, siteRole: opts.siteRole ?? 'member' })
    .returning()
    .get();
}

/** The policy's view of a person, fresh from the database. */
export function viewerOf(user: { id: string } | null): Viewer {
  return user ? loadViewer(user.id) : null;
}

export function addMembership(user: { id: string }, space: { id: string }, role: SpaceRole = 'member'): void {
  db().insert(memberships).values({ userId: user.id, spaceId: space.id, role }).run();
}

export function removeMembership(user: { id: string }, space: { id: string }): void {
  db().delete(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.spaceId, space.id))).run();
}

/** A site admin (made once per file) who builds the territorial tree. */
let builder: UserRow | null = null;
export function siteBuilder(): UserRow {
  builder ??= makeUser({ siteRole: 'admin', name: 'Bâtisseuse' });
  return builder;
}

export type Tree = { national: SpaceRow; federation: SpaceRow; section: SpaceRow; otherSection: SpaceRow };

/** national → federation → two sections, made through `createSubspace` by a site admin. */
export function makeTree(name = `T${seq + 1}`): Tree {
  const admin = viewerOf(siteBuilder());
  const national = ensureNationalSpace();
  const federation = createSubspace(admin, { parentId: national.id, name: `Fédération ${name}` });
  const section = createSubspace(admin, { parentId: federation.id, name: `Section ${name}` });
  const otherSection = createSubspace(admin, { parentId: federation.id, name: `Section ${name} bis` });
  return { national, federation, section, otherSection };
}

/** A group made by `owner` (who becomes its admin). */
export function makeGroup(owner: UserRow, opts: { name?: string; isOpen?: boolean } = {}): SpaceRow {
  return createGroup(viewerOf(owner), { name: opts.name ?? `Groupe ${++seq}`, isOpen: opts.isOpen });
}

/** A page written by `author` through `createPage`. */
export function makePage(author: UserRow, space: { id: string }, input: Partial<CreatePageInput> = {}): PageRow {
  return createPage(viewerOf(author), { title: `Page ${++seq}`, ...input, spaceId: space.id });
}

/** A page's row as stored (deleted ones too), or undefined once purged. */
export function storedPage(id: string): PageRow | undefined {
  return db().select().from(pages).where(eq(pages.id, id)).get();
}

export function setPageDates(id: string, dates: Partial<Pick<PageRow, 'updatedAt' | 'deletedAt' | 'createdAt'>>): void {
  db().update(pages).set(dates).where(eq(pages.id, id)).run();
}

/** The mails queued in the outbox for `to`, oldest first. */
export function queuedMails(to: string): Mail[] {
  return db()
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(eq(jobs.queue, 'mail'))
    .orderBy(asc(jobs.id))
    .all()
    .map((j) => j.payload as Mail)
    .filter((m) => m.to === to);
}

/** Asserts that `fn` throws an AppError with this code (and field, when given). */
export function expectAppError(fn: () => unknown, code: ErrorCode, field?: string): void {
  let thrown: unknown = null;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected AppError ${code}`).not.toBeNull();
  expect(isAppError(thrown) ? thrown.code : thrown).toBe(code);
  if (field !== undefined) expect((thrown as { field?: string }).field).toBe(field);
}

export async function expectAppErrorAsync(p: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  const thrown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown, `expected AppError ${code}`).not.toBeNull();
  expect(isAppError(thrown) ? thrown.code : thrown).toBe(code);
  if (field !== undefined) expect((thrown as { field?: string }).field).toBe(field);
}

// ---------------------------------------------------------------------------------------------
// The permission world: every role of the matrix, and a page for every (space, visibility,
// status, deleted) combination, all written by one author who then moved to another section
// (so "author" is their only tie to those pages).

export const MATRIX_ROLES = [
  'anonymous',
  'citizen',
  // A citizen left holding memberships (secretary of the section, admin of the group): rows
  // that must give no right to someone who is not a party member.
  'citizenWithStaleRoles',
  'memberSameSection',
  'memberOtherSection',
  'sectionSecretary',
  'federationSecretary',
  'groupAdmin',
  'groupMember',
  'siteAdmin',
  'author',
  // Named co-author of every page (page_stewards), from another section.
  'namedCoAuthor',
  // Typed a letter in every page and deleted it, then moved to another section.
  'typedAndDeleted',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export const MATRIX_SPACES = ['section', 'group'] as const;
export type MatrixSpace = (typeof MATRIX_SPACES)[number];
export const MATRIX_DELETED = ['alive', 'deletedRecently', 'deletedLongAgo'] as const;
export type MatrixDeleted = (typeof MATRIX_DELETED)[number];

export type MatrixPage = { id: string; space: MatrixSpace; visibility: Visibility; status: PageStatus; deleted: MatrixDeleted };

/** A letter typed at the start of the page's first paragraph, derived, then deleted and derived again. */
export function typeAndDelete(pageId: string, who: { id: string }): void {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, liveDocState(pageId));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const paragraph = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
  if (!(paragraph.get(0) instanceof Y.XmlText)) paragraph.insert(0, [new Y.XmlText()]);
  const text = paragraph.get(0) as Y.XmlText;
  text.insert(0, 'x');
  text.delete(0, 1);
  for (const update of updates) {
    appendUpdate(pageId, update, who.id);
    derivePage(pageId, liveDocState(pageId), [who.id]);
  }
  doc.destroy();
}

export type PermissionWorld = {
  tree: Tree;
  group: SpaceRow;
  users: Record<Exclude<MatrixRole, 'anonymous'>, UserRow>;
  viewers: Record<MatrixRole, Viewer>;
  pages: MatrixPage[];
  spaceOf: Record<MatrixSpace, SpaceRow>;
};

const DAY = 86_400_000;

export function buildPermissionWorld(): PermissionWorld {
  const tree = makeTree('Matrice');
  const thirdSection = createSubspace(viewerOf(siteBuilder()), { parentId: tree.federation.id, name: 'Section Matrice ter' });
  const u = {
    citizen: makeUser({ siteRole: 'citizen', name: 'Citoyenne' }),
    citizenWithStaleRoles: makeUser({ siteRole: 'citizen', name: 'Ancienne secrétaire' }),
    memberSameSection: makeUser({ name: 'Membre même section' }),
    memberOtherSection: makeUser({ name: 'Membre autre section' }),
    sectionSecretary: makeUser({ name: 'Secrétaire de section' }),
    federationSecretary: makeUser({ name: 'Secrétaire fédéral' }),
    groupAdmin: makeUser({ name: 'Admin du groupe' }),
    groupMember: makeUser({ name: 'Membre du groupe' }),
    siteAdmin: makeUser({ siteRole: 'admin', name: 'Admin du site' }),
    author: makeUser({ name: 'Autrice' }),
    namedCoAuthor: makeUser({ name: 'Co-autrice nommée' }),
    typedAndDeleted: makeUser({ name: 'Frappe et efface' }),
  };
  addMembership(u.memberSameSection, tree.section);
  addMembership(u.citizenWithStaleRoles, tree.section, 'secretary');
  addMembership(u.memberOtherSection, tree.otherSection);
  addMembership(u.sectionSecretary, tree.section, 'secretary');
  addMembership(u.federationSecretary, tree.federation, 'secretary');
  addMembership(u.groupAdmin, tree.otherSection);
  addMembership(u.groupMember, tree.otherSection);
  const group = makeGroup(u.groupAdmin, { name: 'Groupe Matrice' });
  addMembership(u.groupMember, group);
  addMembership(u.citizenWithStaleRoles, group, 'admin');
  // The author writes as a member of the section and of the group...
  addMembership(u.author, tree.section);
  addMembership(u.author, group);
  const spaceOf = { section: tree.section, group };
  const list: MatrixPage[] = [];
  for (const space of MATRIX_SPACES) {
    for (const visibility of ['public', 'members', 'space'] as const) {
      for (const status of ['draft', 'published', 'archived'] as const) {
        for (const deleted of MATRIX_DELETED) {
          const row = makePage(u.author, spaceOf[space], { title: `${space}/${visibility}/${status}/${deleted}`, visibility, status });
          if (deleted !== 'alive') deletePage(viewerOf(u.author), row.id);
          if (deleted === 'deletedLongAgo') setPageDates(row.id, { deletedAt: new Date(Date.now() - 40 * DAY) });
          list.push({ id: row.id, space, visibility, status, deleted });
        }
      }
    }
  }
  // A member of the section and the group types a letter in every page, and deletes it.
  addMembership(u.typedAndDeleted, tree.section);
  addMembership(u.typedAndDeleted, group);
  for (const p of list) typeAndDelete(p.id, u.typedAndDeleted);
  removeMembership(u.typedAndDeleted, tree.section);
  removeMembership(u.typedAndDeleted, group);
  addMembership(u.typedAndDeleted, thirdSection);
  addMembership(u.namedCoAuthor, tree.otherSection);
  for (const p of list) db().insert(pageStewards).values({ pageId: p.id, userId: u.namedCoAuthor.id, addedBy: u.author.id }).run();
  // ...then moves to another section and leaves the group: only authorship ties them now.
  removeMembership(u.author, tree.section);
  removeMembership(u.author, group);
  addMembership(u.author, thirdSection);
  const viewers = { anonymous: null, ...Object.fromEntries(Object.entries(u).map(([k, user]) => [k, viewerOf(user)])) } as Record<MatrixRole, Viewer>;
  return { tree, group, users: u, viewers, pages: list, spaceOf };
}
