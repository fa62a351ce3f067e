/**
 * getPageView: the one read behind the page route and GET /api/v1/pages/:id. It loads the page
 * row once, and what it gives differs by reader as the rules say: a member of the space edits the
 * live text, a member elsewhere reads it, citizens and anonymous readers get the published
 * version with no author, no revision and no live document.
 */
import { describe, expect, it, vi } from 'vitest';
import { prepared } from '@/db/prepared';
import { listBacklinks } from '@/server/links/backlinks';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { pageRevision } from './based-write';
import { loadPage } from './load-page';
import { getPage, updatePage } from './page-service';
import { getPageView } from './page-view';

const tree = makeTree('Vue');
const author = makeUser({ name: 'Autrice' });
addMembership(author, tree.section);
const elsewhere = makeUser({ name: 'Membre ailleurs' });
addMembership(elsewhere, tree.otherSection);
const citizen = makeUser({ siteRole: 'citizen' });

const target = makePage(author, tree.section, { title: 'Cible', visibility: 'public', status: 'published' });
// A draft of the section: « page privée » to everyone but its author (and the animators).
const secret = makePage(author, tree.section, { title: 'Secret', visibility: 'space', status: 'draft' });
const page = makePage(author, tree.section, {
  title: 'Charte',
  visibility: 'public',
  status: 'published',
  markdown: `Texte publié, voir [la cible](/pages/${target.id}) et [le secret](/pages/${secret.id}).`,
});
// After publication: the target renamed, the live text changed.
updatePage(viewerOf(author), target.id, { title: 'Cible renommée' });
updatePage(viewerOf(author), page.id, {
  markdown: `Texte en cours, voir [la cible](/pages/${target.id}) et [le secret](/pages/${secret.id}).`,
  baseRevision: pageRevision(page.id),
});

/** Counts the runs of loadPage's prepared statement (the page row with its space) while `fn` runs. */
function pageRowLoads(fn: () => void): { total: number; ids: unknown[] } {
  loadPage(page.id); // prepares the statement, so it can be watched
  const stmt = prepared<{ get: (...args: unknown[]) => unknown }>('loadPage', () => {
    throw new Error('loadPage is prepared above');
  });
  const spy = vi.spyOn(stmt, 'get');
  try {
    fn();
    return { total: spy.mock.calls.length, ids: spy.mock.calls.map((c) => (c[0] as { id: string }).id) };
  } finally {
    spy.mockRestore();
  }
}

describe('getPageView', () => {
  it('loads the page row once for everything it shows (body, links, abilities, live access, backlinks, breadcrumbs)', () => {
    for (const reader of [author, elsewhere, citizen, null]) {
      const v = viewerOf(reader);
      expect(pageRowLoads(() => getPageView(v, target.id, { backlinks: 50 }))).toEqual({ total: 1, ids: [target.id] });
      expect(pageRowLoads(() => getPageView(v, page.id, { backlinks: 50 }))).toEqual({ total: 1, ids: [page.id] });
    }
    // What the route did before: getPage, then the backlinks, each loading the row again.
    expect(pageRowLoads(() => (getPage(viewerOf(author), target.id), listBacklinks(viewerOf(author), target.id, { limit: 50 }))).total).toBe(2);
  });

  it('a member of the space edits the live text, links titled as they are now', () => {
    const view = getPageView(viewerOf(author), page.id, { backlinks: 50 });
    expect(view.body.text).toContain('Texte en cours');
    expect(view.body.revision).toBe(pageRevision(page.id));
    expect(view.liveAccess).toBe('edit');
    expect(view.abilities).toMatchObject({ read: true, edit: true, readsLiveText: true, viewHistory: true });
    expect(view.authors.map((a) => a.id)).toEqual([author.id]);
    expect(view.body.markdown).toContain('Cible renommée');
    expect(view.body.markdown).toContain('Secret'); // its author reads the draft
    expect(view.breadcrumbs.map((c) => c.id)).toEqual([tree.national.id, tree.federation.id, tree.section.id]);
    expect(view.backlinks).toEqual({ data: [], nextCursor: null });
  });

  it('a member of another section reads the live text without editing it; the draft is « page privée »', () => {
    const view = getPageView(viewerOf(elsewhere), page.id);
    expect(view.body.text).toContain('Texte en cours');
    expect(view.liveAccess).toBe('read');
    expect(view.abilities).toMatchObject({ read: true, edit: false, readsLiveText: true });
    expect(view.body.markdown).toContain('Cible renommée');
    expect(view.body.markdown).toContain('page privée');
    expect(view.body.markdown).not.toContain('Secret');
    expect(view.backlinks).toBeNull(); // not asked for
  });

  it('citizens and anonymous readers get the published version: its text and titles, no author, no revision, no live document', () => {
    for (const reader of [citizen, null]) {
      const view = getPageView(viewerOf(reader), page.id);
      expect(view.body.text).toContain('Texte publié');
      expect(view.body.text).not.toContain('Texte en cours');
      expect(view.body.revision).toBeNull();
      expect(view.liveAccess).toBeNull();
      expect(view.abilities).toMatchObject({ read: true, edit: false, readsLiveText: false, viewHistory: false, comment: reader !== null });
      expect(view.authors).toEqual([]);
      expect(view.body.markdown).toContain('Cible');
      expect(view.body.markdown).not.toContain('renommée');
      expect(view.body.markdown).toContain('page privée');
      // The target's backlinks come from published versions, titled as published.
      const backlinks = getPageView(viewerOf(reader), target.id, { backlinks: 50 }).backlinks!;
      expect(backlinks.data.map((b) => b.id)).toEqual([page.id]);
      expect(backlinks.data[0]!.snippet).not.toContain('renommée');
    }
  });

  it('is not_found for a page the reader may not read, as for one that does not exist', () => {
    expectAppError(() => getPageView(viewerOf(elsewhere), secret.id), 'not_found');
    expectAppError(() => getPageView(null, secret.id, { backlinks: 50 }), 'not_found');
    expectAppError(() => getPageView(viewerOf(author), 'no-such-page'), 'not_found');
  });
});
