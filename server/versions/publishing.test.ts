/**
 * What the public reads: the latest published version, never the live document, never who
 * writes it — through the domain (`getPage`, `listPages`), the JSON API without a token, and
 * the public search table.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pages, pageVersions } from '@/db/schema';
import { deletePage, getPage, listPages, restorePage, updatePage } from '@/server/pages/page-service';
import { pageRevision } from '@/server/pages/based-write';
import { GET as getPageRoute } from '@/app/api/v1/pages/[id]/route';
import { params, read, req } from '@/app/api/v1/test-helpers';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { backfillPublishedVersions } from './versions';
import { publishNewVersion } from './version-service';

const tree = makeTree();
const militante = makeUser({ name: 'Militante Autrice' });
const colmarien = makeUser({ name: 'Militant Colmar' });
const citoyen = makeUser({ siteRole: 'citizen', name: 'Citoyen' });
addMembership(militante, tree.section);
addMembership(colmarien, tree.otherSection);
const vm = () => viewerOf(militante);

const apiGet = async (id: string) => read(await getPageRoute(req(`/api/v1/pages/${id}`), params({ id })));
const publicSearch = (word: string) =>
  db().all<{ id: string }>(sql`select p.id as id from page_search_public s join pages p on p.rowid = s.rowid where page_search_public match ${word}`).map((r) => r.id);

describe('publishing takes a version', () => {
  it('creating a published page records a published version the page points to', () => {
    const page = makePage(militante, tree.section, { status: 'published', visibility: 'public', markdown: 'Texte initial.' });
    const versions = db().select().from(pageVersions).where(eq(pageVersions.pageId, page.id)).all();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ kind: 'published', text: 'Texte initial.', title: page.title, createdBy: militante.id });
    expect(db().select().from(pages).where(eq(pages.id, page.id)).get()?.publishedVersionId).toBe(versions[0]!.id);
  });

  it('publishing a draft takes a version with the name given, or none', () => {
    const page = makePage(militante, tree.section, { visibility: 'public', markdown: 'Brouillon.' });
    expect(db().select().from(pageVersions).where(eq(pageVersions.pageId, page.id)).all()).toHaveLength(0);
    updatePage(vm(), page.id, { status: 'published', versionName: 'Version soumise au bureau' });
    const row = db().select().from(pages).where(eq(pages.id, page.id)).get()!;
    const v = db().select().from(pageVersions).where(eq(pageVersions.id, row.publishedVersionId!)).get()!;
    expect(v).toMatchObject({ kind: 'published', name: 'Version soumise au bureau', text: 'Brouillon.' });
  });
});

describe('the public reads the published version while members edit the live text', () => {
  const page = makePage(militante, tree.section, { title: 'Programme municipal', status: 'published', visibility: 'public', markdown: 'Des pistes cyclables partout.' });
  updatePage(vm(), page.id, { markdown: 'Des pistes cyclables partout.\n\nEt un tramway secretissime.', baseRevision: pageRevision(page.id) });

  it('members read the live text, see who wrote it, and that it changed since publication', () => {
    for (const v of [vm(), viewerOf(colmarien)]) {
      const seen = getPage(v, page.id);
      expect(seen.body.text).toContain('tramway secretissime');
      expect(seen.text).toContain('tramway secretissime');
      expect(seen.authors.map((a) => a.name)).toContain('Militante Autrice');
      expect(seen.publication?.changedSince).toBe(true);
    }
  });

  it('citizens and anonymous readers read the published body, with no author and no live trace', () => {
    for (const v of [viewerOf(citoyen), null]) {
      const seen = getPage(v, page.id);
      expect(seen.title).toBe('Programme municipal');
      expect(seen.body.text).toBe('Des pistes cyclables partout.');
      expect(seen.body.markdown).not.toContain('tramway');
      expect(seen.text).not.toContain('tramway');
      expect(seen.authors).toEqual([]);
      expect(seen.createdBy).toBeNull();
      expect(seen.updatedBy).toBeNull();
      expect(seen.contentUpdatedAt).toBeNull();
      expect(JSON.stringify(seen)).not.toContain('Militante Autrice');
      expect(JSON.stringify(seen)).not.toContain('secretissime');
    }
  });

  it('GET /api/v1/pages/:id without a token serves the published text only', async () => {
    const r = await apiGet(page.id);
    expect(r.status).toBe(200);
    expect(r.body.text).toBe('Des pistes cyclables partout.');
    expect(r.text).not.toContain('secretissime');
    expect(r.text).not.toContain('Militante');
  });

  it('lists show the public the published excerpt, never the live one', () => {
    const listed = listPages(null, { spaceId: tree.section.id }).data.find((p) => p.id === page.id);
    expect(listed?.excerpt).toBe('Des pistes cyclables partout.');
    expect(listPages(vm(), { spaceId: tree.section.id }).data.find((p) => p.id === page.id)?.excerpt).toContain('secretissime');
  });

  it('the public search finds the published text only', () => {
    expect(publicSearch('cyclables')).toContain(page.id);
    expect(publicSearch('secretissime')).not.toContain(page.id);
  });

  it('only stewards publish a new version, and only of a published page', () => {
    expectAppError(() => publishNewVersion(viewerOf(colmarien), page.id), 'forbidden');
    expectAppError(() => publishNewVersion(viewerOf(citoyen), page.id), 'forbidden');
    const draft = makePage(militante, tree.section, { visibility: 'public' });
    expectAppError(() => publishNewVersion(vm(), draft.id), 'forbidden');
  });

  it('the public sees the change only after a new version is published', async () => {
    const v = publishNewVersion(vm(), page.id, 'Version avec le tramway');
    expect(v).toMatchObject({ kind: 'published', name: 'Version avec le tramway' });
    expect(getPage(null, page.id).body.text).toContain('tramway secretissime');
    expect((await apiGet(page.id)).body.text).toContain('tramway secretissime');
    expect(getPage(vm(), page.id).publication).toMatchObject({ versionId: v.id, changedSince: false });
    expect(publicSearch('secretissime')).toContain(page.id);
    // Older published versions stay in the history.
    expect(db().select().from(pageVersions).where(eq(pageVersions.pageId, page.id)).all().filter((r) => r.kind === 'published')).toHaveLength(2);
  });
});

describe('the public index follows the page’s life', () => {
  it('unpublish removes it, archive keeps it, delete removes it, restore brings it back', () => {
    const page = makePage(militante, tree.section, { status: 'published', visibility: 'public', markdown: 'Le mot ornithorynque.' });
    expect(publicSearch('ornithorynque')).toEqual([page.id]);
    updatePage(vm(), page.id, { status: 'draft' });
    expect(publicSearch('ornithorynque')).toEqual([]);
    updatePage(vm(), page.id, { status: 'published' });
    expect(publicSearch('ornithorynque')).toEqual([page.id]);
    updatePage(vm(), page.id, { status: 'archived' });
    expect(publicSearch('ornithorynque')).toEqual([page.id]);
    expect(getPage(null, page.id).body.text).toBe('Le mot ornithorynque.');
    deletePage(vm(), page.id);
    expect(publicSearch('ornithorynque')).toEqual([]);
    restorePage(vm(), page.id);
    expect(publicSearch('ornithorynque')).toEqual([page.id]);
  });

  it('a renamed page is found by its new title once the rename is published', () => {
    const page = makePage(militante, tree.section, { status: 'published', visibility: 'public', markdown: 'Corps.' });
    updatePage(vm(), page.id, { title: 'Hippocampe' });
    expect(publicSearch('hippocampe')).toEqual([]);
    publishNewVersion(vm(), page.id);
    expect(publicSearch('hippocampe')).toEqual([page.id]);
  });

  it('archiving a page never published gives the public a version to read', () => {
    const page = makePage(militante, tree.section, { visibility: 'public', markdown: 'Archive directe.' });
    updatePage(vm(), page.id, { status: 'archived' });
    expect(getPage(null, page.id).body.text).toBe('Archive directe.');
  });
});

describe('backfillPublishedVersions', () => {
  it('gives legacy published pages a version of their current document, once', () => {
    const page = makePage(militante, tree.section, { status: 'published', visibility: 'public', markdown: 'Page ancienne.' });
    // A row from before versions existed.
    db().update(pages).set({ publishedVersionId: null }).where(eq(pages.id, page.id)).run();
    db().delete(pageVersions).where(eq(pageVersions.pageId, page.id)).run();
    expect(getPage(null, page.id).body.text).toBe('');
    const first = backfillPublishedVersions();
    expect(first.published).toBeGreaterThanOrEqual(1);
    expect(getPage(null, page.id).body.text).toBe('Page ancienne.');
    expect(backfillPublishedVersions().published).toBe(0);
    expect(db().select().from(pageVersions).where(eq(pageVersions.pageId, page.id)).all()).toHaveLength(1);
  });
});
