/**
 * Citizens and anonymous readers see the published version of a page: its title and date, not
 * a rename or an edit made since, on every channel (page, lists, API, search). Stored wiki-link
 * labels (the target's title when the link was made) never reach a snippet or an excerpt.
 */
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pages, pageVersions } from '@/db/schema';
import { GET as listRoute } from '@/app/api/v1/pages/route';
import { GET as pageRoute } from '@/app/api/v1/pages/[id]/route';
import { params, read, req } from '@/app/api/v1/test-helpers';
import { writeDocument } from '@/server/pages/write-document';
import { listBacklinks } from '@/server/links/backlinks';
import { putPageContent } from '@/server/links/put-page-content';
import { renderLinks } from '@/server/links/render-links';
import { reindexSearch } from '@/server/search/reindex';
import { searchPages } from '@/server/search/search';
import { apiTokenFor } from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { pageRevision } from './based-write';
import { jsonToText, jsonToYState } from './body';
import { getPage, listPages, updatePage } from './page-service';
import { listPageTree } from './tree';

const tree = makeTree('Publication');
const author = makeUser({ name: 'Autrice' });
addMembership(author, tree.section);
const elsewhere = makeUser({ name: 'Membre ailleurs' });
addMembership(elsewhere, tree.otherSection);
const citizen = makeUser({ siteRole: 'citizen' });

describe('the published title and date', () => {
  const page = makePage(author, tree.section, { title: 'Charte du tramway', markdown: 'Le texte publié du tramway.', visibility: 'public', status: 'published' });
  const publishedAt = getPage(viewerOf(citizen), page.id).publication!.publishedAt;
  // After publication: renamed, and the live text changed.
  updatePage(viewerOf(author), page.id, { title: 'Charte du téléphérique confidentiel', markdown: 'Un brouillon sur le téléphérique.', baseRevision: pageRevision(page.id) });

  it('is what getPage gives citizens and anonymous readers; members see the live page', () => {
    for (const viewer of [viewerOf(citizen), null]) {
      const seen = getPage(viewer, page.id);
      expect(seen.title).toBe('Charte du tramway');
      expect(seen.updatedAt).toEqual(publishedAt);
      expect(seen.body.text).toBe('Le texte publié du tramway.');
      expect(JSON.stringify(seen)).not.toMatch(/téléphérique/);
    }
    const member = getPage(viewerOf(elsewhere), page.id);
    expect(member.title).toBe('Charte du téléphérique confidentiel');
  });

  it('is what the space’s page tree shows them', () => {
    const titleIn = (viewer: Parameters<typeof listPageTree>[0]) => listPageTree(viewer, tree.section.id).find((n) => n.id === page.id)?.title;
    expect(titleIn(viewerOf(citizen))).toBe('Charte du tramway');
    expect(titleIn(null)).toBe('Charte du tramway');
    expect(titleIn(viewerOf(elsewhere))).toBe('Charte du téléphérique confidentiel');
  });

  it('is what lists and the API list give them', async () => {
    for (const viewer of [viewerOf(citizen), null]) {
      const item = listPages(viewer, { spaceId: tree.section.id }).data.find((p) => p.id === page.id)!;
      expect(item).toMatchObject({ title: 'Charte du tramway', updatedAt: publishedAt, excerpt: 'Le texte publié du tramway.' });
      expect(Object.keys(item)).not.toContain('sortedAt');
    }
    expect(listPages(viewerOf(elsewhere), { spaceId: tree.section.id }).data.find((p) => p.id === page.id)!.title).toBe('Charte du téléphérique confidentiel');
    for (const token of [apiTokenFor(citizen), undefined]) {
      const list = await read(await listRoute(req(`/api/v1/pages?spaceId=${tree.section.id}`, { token })));
      expect(list.status).toBe(200);
      expect(list.text).not.toMatch(/téléphérique/);
      expect(list.body.data.find((p: { id: string }) => p.id === page.id)).toMatchObject({ title: 'Charte du tramway', updatedAt: publishedAt.toISOString() });
      const one = await read(await pageRoute(req(`/api/v1/pages/${page.id}`, { token }), params({ id: page.id })));
      expect(one.body).toMatchObject({ title: 'Charte du tramway', updatedAt: publishedAt.toISOString(), text: 'Le texte publié du tramway.' });
      expect(one.text).not.toMatch(/téléphérique/);
    }
  });

  it('is what search finds and shows them; the rename is found by members only', () => {
    for (const viewer of [viewerOf(citizen), null]) {
      expect(searchPages(viewer, 'téléphérique').data).toEqual([]);
      const found = searchPages(viewer, 'charte tramway').data.find((r) => r.id === page.id);
      expect(found?.title).toBe('Charte du tramway');
    }
    expect(searchPages(viewerOf(elsewhere), 'téléphérique confidentiel').data.map((r) => r.title)).toEqual(['Charte du téléphérique confidentiel']);
  });

  it('moves to the new title once it is published', () => {
    updatePage(viewerOf(author), page.id, { status: 'draft' });
    updatePage(viewerOf(author), page.id, { status: 'published' });
    expect(getPage(null, page.id).title).toBe('Charte du téléphérique confidentiel');
    expect(searchPages(null, 'téléphérique').data.map((r) => r.id)).toEqual([page.id]);
  });
});

describe('links between published pages', () => {
  it('show citizens the titles that were published, in the text and in backlinks', () => {
    const target = makePage(author, tree.section, { title: 'Budget vert', markdown: 'Chiffres.', visibility: 'public', status: 'published' });
    const source = makePage(author, tree.section, { title: 'Tract budget', visibility: 'public', status: 'draft' });
    putPageContent(viewerOf(author), source.id, { markdown: `Lire le [budget](/pages/${target.id}) avant lundi.`, mode: 'append' });
    updatePage(viewerOf(author), source.id, { status: 'published' });
    // Both renamed after publication.
    updatePage(viewerOf(author), target.id, { title: 'Budget vert (version de travail)' });
    updatePage(viewerOf(author), source.id, { title: 'Tract budget, brouillon interne' });

    for (const viewer of [viewerOf(citizen), null]) {
      const text = jsonToText(renderLinks(viewer, getPage(viewer, source.id).body.json), { linkLabels: true });
      expect(text).toContain('Lire le Budget vert avant lundi.');
      const back = listBacklinks(viewer, target.id).data;
      expect(back).toHaveLength(1);
      expect(back[0]).toMatchObject({ id: source.id, title: 'Tract budget', snippet: 'Lire le Budget vert avant lundi.' });
      expect(JSON.stringify(back)).not.toMatch(/travail|brouillon/);
    }
    const member = listBacklinks(viewerOf(elsewhere), target.id).data[0]!;
    expect(member).toMatchObject({ title: 'Tract budget, brouillon interne', snippet: 'Lire le Budget vert (version de travail) avant lundi.' });
  });
});

describe('stored wiki-link labels', () => {
  it('never reach search snippets or excerpts, whoever reads', () => {
    const secret = makePage(author, tree.section, { title: 'Réunion clandestine du bureau', visibility: 'space', status: 'published' });
    const page = makePage(author, tree.section, { title: 'Tract ouvert', visibility: 'public', status: 'draft' });
    // A link made before labels stopped being stored: it holds the target's title.
    writeDocument(page.id, author.id, (state) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      const next = jsonToYState({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Avant le vote, voir ' }, { type: 'wikiLink', attrs: { pageId: secret.id, label: 'Réunion clandestine du bureau' } }, { type: 'text', text: ' pour le détail.' }] }],
      });
      return Y.mergeUpdates([state, next]);
    });
    updatePage(viewerOf(author), page.id, { status: 'published' });

    const stored = db().select({ text: pages.text }).from(pages).where(eq(pages.id, page.id)).get()!.text;
    expect(stored).toContain('Avant le vote, voir … pour le détail.');
    expect(stored).not.toContain('clandestine');
    for (const viewer of [viewerOf(citizen), null, viewerOf(elsewhere)]) {
      const excerpts = JSON.stringify(listPages(viewer, { spaceId: tree.section.id }).data);
      expect(excerpts).toContain('Avant le vote, voir');
      expect(excerpts).not.toContain('clandestine');
      const hits = searchPages(viewer, 'avant le vote').data;
      expect(hits.map((h) => h.id)).toContain(page.id);
      expect(JSON.stringify(hits)).not.toContain('clandestine');
      expect(searchPages(viewer, 'clandestine').data.map((h) => h.id)).not.toContain(page.id);
    }

    // Texts derived before labels were left out: search:reindex derives them again.
    const old = 'Avant le vote, voir Réunion clandestine du bureau pour le détail.';
    db().update(pages).set({ text: old }).where(eq(pages.id, page.id)).run();
    db().update(pageVersions).set({ text: old }).where(eq(pageVersions.pageId, page.id)).run();
    reindexSearch();
    for (const viewer of [viewerOf(citizen), null, viewerOf(elsewhere)]) {
      expect(JSON.stringify(listPages(viewer, { spaceId: tree.section.id }).data)).not.toContain('clandestine');
      expect(searchPages(viewer, 'clandestine').data.map((h) => h.id)).not.toContain(page.id);
    }
  });
});
