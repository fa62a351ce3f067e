import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageAuthors, pageDocs, pages } from '@/db/schema';
import { addMembership, expectAppError, makePage, makeTree, makeUser, setPageDates, viewerOf, type Tree, type UserRow } from '@/test/factories';
import { createPage, deletePage, getPage, listPages, listTrash, purgeTrash, restorePage, updatePage } from './page-service';
import { pageRevision } from '@/server/pages/based-write';

const DAY = 86_400_000;
let tree: Tree;
let author: UserRow, colleague: UserRow, secretary: UserRow, outsider: UserRow, citizen: UserRow;

beforeAll(() => {
  tree = makeTree('Pages');
  author = makeUser({ name: 'Autrice' });
  colleague = makeUser({ name: 'Collègue' });
  secretary = makeUser({ name: 'Secrétaire' });
  outsider = makeUser({ name: 'Ailleurs' });
  citizen = makeUser({ siteRole: 'citizen' });
  addMembership(author, tree.section);
  addMembership(colleague, tree.section);
  addMembership(secretary, tree.section, 'secretary');
  addMembership(outsider, tree.otherSection);
});

describe('createPage', () => {
  it('stores the page, its author and its body, and derives plain text', () => {
    const row = createPage(viewerOf(author), { spaceId: tree.section.id, title: '  Programme  ', markdown: '# Titre\n\nPremier **paragraphe**.' });
    expect(row).toMatchObject({ title: 'Programme', status: 'draft', visibility: 'space', kind: 'document', createdBy: author.id, publishedAt: null });
    expect(row.text).toBe('Titre\n\nPremier paragraphe.');
    expect(db().select().from(pageAuthors).where(eq(pageAuthors.pageId, row.id)).all().map((a) => a.userId)).toEqual([author.id]);
    expect(db().select().from(pageDocs).where(eq(pageDocs.pageId, row.id)).get()?.state.length).toBeGreaterThan(0);
    const view = getPage(viewerOf(author), row.id);
    expect(view.body.markdown).toBe('# Titre\n\nPremier **paragraphe**.');
  });

  it('published at creation sets publishedAt', () => {
    const row = makePage(author, tree.section, { status: 'published', visibility: 'public' });
    expect(row.publishedAt).toBeInstanceOf(Date);
  });

  it('refuses anonymous, citizens, members of other sections, unknown spaces and bad input', () => {
    expectAppError(() => createPage(null, { spaceId: tree.section.id, title: 'x' }), 'unauthorized');
    expectAppError(() => createPage(viewerOf(citizen), { spaceId: tree.section.id, title: 'x' }), 'forbidden');
    expectAppError(() => createPage(viewerOf(outsider), { spaceId: tree.section.id, title: 'x' }), 'forbidden');
    expectAppError(() => createPage(viewerOf(author), { spaceId: 'nope', title: 'x' }), 'invalid_input', 'spaceId');
    expectAppError(() => createPage(viewerOf(author), { spaceId: tree.section.id, title: '   ' }), 'invalid_input', 'title');
    expectAppError(() => createPage(viewerOf(author), { spaceId: tree.section.id, title: 'x', markdown: 'a'.repeat(200_001) }), 'invalid_input', 'markdown');
  });
});

describe('updatePage', () => {
  it('a member of the space renames a published page and becomes co-author by editing its text', () => {
    const page = makePage(author, tree.section, { status: 'published', markdown: 'Avant' });
    expect(updatePage(viewerOf(colleague), page.id, { title: 'Nouveau titre' }).title).toBe('Nouveau titre');
    updatePage(viewerOf(colleague), page.id, { markdown: 'Après', baseRevision: pageRevision(page.id) });
    const view = getPage(viewerOf(colleague), page.id);
    expect(view.body.markdown).toBe('Après');
    expect(view.text).toBe('Après');
    expect(view.authors.map((a) => a.id).sort()).toEqual([author.id, colleague.id].sort());
    expect(view.updatedBy).toBe(colleague.id);
  });

  it('readers who may not edit get forbidden; those who cannot read get not_found', () => {
    const shared = makePage(author, tree.section, { status: 'published', visibility: 'members' });
    expectAppError(() => updatePage(viewerOf(outsider), shared.id, { title: 'Piraté' }), 'forbidden');
    const secret = makePage(author, tree.section, { status: 'published', visibility: 'space' });
    expectAppError(() => updatePage(viewerOf(outsider), secret.id, { title: 'Piraté' }), 'not_found');
    expectAppError(() => updatePage(viewerOf(outsider), 'no-such-page', { title: 'x' }), 'not_found');
    expect(getPage(viewerOf(author), secret.id).title).toBe(secret.title);
  });

  it('an empty patch is not a free write: unreadable → not_found, readable but not editable → forbidden', () => {
    const secret = makePage(author, tree.section, { status: 'published', visibility: 'space' });
    setPageDates(secret.id, { updatedAt: new Date(2020, 0, 1) });
    expectAppError(() => updatePage(viewerOf(outsider), secret.id, {}), 'not_found');
    expectAppError(() => updatePage(viewerOf(outsider), secret.id, { status: 'published' }), 'not_found');
    const shared = makePage(author, tree.section, { status: 'published', visibility: 'members' });
    expectAppError(() => updatePage(viewerOf(outsider), shared.id, {}), 'forbidden');
    expect(db().select().from(pages).where(eq(pages.id, secret.id)).get()?.updatedAt).toEqual(new Date(2020, 0, 1));
  });

  it('visibility and publication belong to authors and animators', () => {
    const page = makePage(author, tree.section, { visibility: 'space' });
    // A colleague cannot even read a draft they did not write.
    expectAppError(() => updatePage(viewerOf(colleague), page.id, { status: 'published' }), 'not_found');
    expectAppError(() => getPage(viewerOf(colleague), page.id), 'not_found');
    const published = updatePage(viewerOf(author), page.id, { status: 'published' });
    expect(published.status).toBe('published');
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(getPage(viewerOf(colleague), page.id).abilities).toMatchObject({ read: true, edit: true, publish: false, changeVisibility: false, delete: false });
    expectAppError(() => updatePage(viewerOf(colleague), page.id, { visibility: 'public' }), 'forbidden');
    expect(updatePage(viewerOf(secretary), page.id, { visibility: 'public' }).visibility).toBe('public');
    expect(getPage(null, page.id).title).toBe(page.title);
    // Back to draft (unpublish) hides it again from anonymous readers.
    updatePage(viewerOf(author), page.id, { status: 'draft' });
    expectAppError(() => getPage(null, page.id), 'not_found');
  });

  it('archived pages are read-only, and can be published again by their steward', () => {
    const page = makePage(author, tree.section, { status: 'published', visibility: 'members' });
    expect(updatePage(viewerOf(secretary), page.id, { status: 'archived' }).status).toBe('archived');
    expectAppError(() => updatePage(viewerOf(author), page.id, { title: 'Encore' }), 'forbidden');
    expectAppError(() => updatePage(viewerOf(colleague), page.id, { markdown: 'Encore' }), 'forbidden');
    expect(getPage(viewerOf(outsider), page.id).abilities.edit).toBe(false);
    expect(updatePage(viewerOf(author), page.id, { status: 'published' }).status).toBe('published');
    expect(updatePage(viewerOf(author), page.id, { title: 'Encore' }).title).toBe('Encore');
  });
});

describe('delete, trash and restore', () => {
  it('a deleted page is unreadable by all, listed in its space trash, and restorable by its author', () => {
    const page = makePage(author, tree.section, { status: 'published', visibility: 'public' });
    expectAppError(() => deletePage(viewerOf(colleague), page.id), 'forbidden');
    expectAppError(() => deletePage(viewerOf(outsider), page.id), 'forbidden');
    deletePage(viewerOf(author), page.id);
    expectAppError(() => getPage(null, page.id), 'not_found');
    expectAppError(() => getPage(viewerOf(author), page.id), 'not_found');
    expectAppError(() => getPage(viewerOf(makeUser({ siteRole: 'admin' })), page.id), 'not_found');
    expectAppError(() => deletePage(viewerOf(author), page.id), 'not_found');
    expect(listPages(viewerOf(author), { spaceId: tree.section.id, limit: 100 }).data.map((p) => p.id)).not.toContain(page.id);

    const trash = listTrash(viewerOf(secretary), tree.section.id);
    const entry = trash.find((t) => t.id === page.id);
    expect(entry?.purgeAt.getTime()).toBe(entry!.deletedAt.getTime() + 30 * DAY);
    // A member of the space sees the trash, but only what they may restore: not this page.
    expect(listTrash(viewerOf(colleague), tree.section.id).map((t) => t.id)).not.toContain(page.id);
    expectAppError(() => listTrash(viewerOf(outsider), tree.section.id), 'forbidden');

    // A stranger learns nothing; a reader of the space who does not steer it neither.
    expectAppError(() => restorePage(viewerOf(outsider), page.id), 'not_found');
    expectAppError(() => restorePage(viewerOf(colleague), page.id), 'not_found');
    expect(restorePage(viewerOf(author), page.id).deletedAt).toBeNull();
    expect(getPage(null, page.id).id).toBe(page.id);
  });

  it('restoring a live page: conflict for those who read it, not_found for those who cannot', () => {
    const page = makePage(author, tree.section, { status: 'published', visibility: 'space' });
    expectAppError(() => restorePage(viewerOf(author), page.id), 'conflict');
    expectAppError(() => restorePage(viewerOf(outsider), page.id), 'not_found');
  });

  it('restore is refused after 30 days; purge removes those pages (and their body) for good', () => {
    const old = makePage(author, tree.section, { markdown: 'vieux' });
    const recent = makePage(author, tree.section);
    deletePage(viewerOf(author), old.id);
    deletePage(viewerOf(secretary), recent.id);
    setPageDates(old.id, { deletedAt: new Date(Date.now() - 31 * DAY) });
    setPageDates(recent.id, { deletedAt: new Date(Date.now() - 29 * DAY) });
    expectAppError(() => restorePage(viewerOf(author), old.id), 'forbidden');

    expect(purgeTrash()).toBeGreaterThanOrEqual(1);
    expect(db().select().from(pages).where(eq(pages.id, old.id)).get()).toBeUndefined();
    expect(db().select().from(pageDocs).where(eq(pageDocs.pageId, old.id)).get()).toBeUndefined();
    expect(db().select().from(pageAuthors).where(eq(pageAuthors.pageId, old.id)).get()).toBeUndefined();
    expect(db().select().from(pages).where(eq(pages.id, recent.id)).get()?.deletedAt).toBeInstanceOf(Date);
    // Two days later the second one goes too.
    expect(purgeTrash(new Date(Date.now() + 2 * DAY))).toBeGreaterThanOrEqual(1);
    expect(db().select().from(pages).where(eq(pages.id, recent.id)).get()).toBeUndefined();
  });
});

describe('listPages', () => {
  it('walks every page exactly once through cursors, newest change first, ties broken by id', () => {
    const reader = makeUser();
    const space = makeTree('Liste').section;
    addMembership(reader, space);
    const made = Array.from({ length: 23 }, (_, i) => makePage(reader, space, { title: `Liste ${i}` }));
    // Several pages share one timestamp: the cursor must not skip or repeat among ties.
    const tie = new Date(2024, 5, 1, 12);
    for (const p of made.slice(5, 15)) setPageDates(p.id, { updatedAt: tie });
    const seen: string[] = [];
    let cursor: string | null = null;
    let rounds = 0;
    do {
      const pageOf: ReturnType<typeof listPages> = listPages(viewerOf(reader), { spaceId: space.id, limit: 4, cursor });
      expect(pageOf.data.length).toBeLessThanOrEqual(4);
      seen.push(...pageOf.data.map((p) => p.id));
      cursor = pageOf.nextCursor;
      rounds++;
    } while (cursor && rounds < 20);
    expect(rounds).toBe(6);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(made.map((p) => p.id).sort());
    const all = listPages(viewerOf(reader), { spaceId: space.id, limit: 100 });
    expect(all.nextCursor).toBeNull();
    expect(all.data.map((p) => p.id)).toEqual(seen);
    const times = all.data.map((p) => p.updatedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('an invalid cursor is invalid_input on the cursor field', () => {
    const v = viewerOf(author);
    for (const cursor of ['garbage!', Buffer.from('null').toString('base64url'), Buffer.from('{"t":"x","id":1}').toString('base64url')]) {
      expectAppError(() => listPages(v, { cursor }), 'invalid_input', 'cursor');
    }
  });

  it('filters by kind and by author', () => {
    const event = makePage(author, tree.section, { kind: 'event', title: 'Réunion' });
    const byKind = listPages(viewerOf(author), { kind: 'event', limit: 100 }).data.map((p) => p.id);
    expect(byKind).toEqual([event.id]);
    const mine = listPages(viewerOf(secretary), { authorId: colleague.id, limit: 100 }).data;
    expect(mine.length).toBeGreaterThan(0);
    for (const p of mine) expect(getPage(viewerOf(secretary), p.id).authors.map((a) => a.id)).toContain(colleague.id);
  });
});
