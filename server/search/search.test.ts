import { describe, expect, it } from 'vitest';
import { buildPermissionWorld, expectAppError, makePage, makeTree, makeUser, addMembership, viewerOf, MATRIX_ROLES } from '@/test/factories';
import { loadPage } from '@/server/pages/load-page';
import { updatePage } from '@/server/pages/page-service';
import { pageRevision } from '@/server/pages/based-write';
import { canPage } from '@/server/policy';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { reindexSearch } from './reindex';
import { ftsQuery, searchPages, snippetHTML } from './search';

const world = buildPermissionWorld();
const tree = makeTree('Recherche');
const writer = makeUser({ name: 'Rédactrice' });
addMembership(writer, tree.section);
const citizen = makeUser({ siteRole: 'citizen' });
const pub = (title: string, markdown = '') => makePage(writer, tree.section, { title, markdown, visibility: 'public', status: 'published' });

const ids = (r: { data: { id: string }[] }) => r.data.map((d) => d.id);

describe('searchPages: permissions', () => {
  // Every matrix title has the form `<space>/<visibility>/<status>/<deleted>`.
  for (const role of MATRIX_ROLES) {
    for (const space of ['section', 'group'] as const) {
      it(`${role} finds exactly the ${space} pages they may read`, () => {
        const viewer = world.viewers[role];
        const r = searchPages(viewer, space, { limit: 50 });
        const expected = world.pages
          .filter((p) => p.space === space && canPage(viewer, 'read', loadPage(p.id).ref))
          .map((p) => p.id)
          .sort();
        expect(ids(r).sort()).toEqual(expected);
        const json = JSON.stringify(r);
        for (const p of world.pages) {
          if (expected.includes(p.id)) continue;
          expect(json).not.toContain(p.id);
          expect(json).not.toContain(`${p.space}/${p.visibility}/${p.status}/${p.deleted}`);
        }
      });
    }
  }

  it('never puts an unreadable page in a snippet, even when its words match', () => {
    const secret = makePage(writer, tree.section, { title: 'Stratégie confidentielle zèbre', markdown: 'Le zèbre secret du bureau.', visibility: 'space', status: 'published' });
    const outsider = makeUser();
    addMembership(outsider, tree.otherSection);
    expect(searchPages(viewerOf(outsider), 'zèbre').data).toEqual([]);
    expect(ids(searchPages(viewerOf(writer), 'zèbre'))).toEqual([secret.id]);
  });

  it('shows citizens and anonymous visitors the published text, never the live one', () => {
    const p = pub('Plan vélo', 'Des pistes cyclables ornithorynque.');
    updatePage(viewerOf(writer), p.id, { markdown: 'Un texte en cours ocelot.', baseRevision: pageRevision(p.id) });
    for (const v of [viewerOf(citizen), null]) {
      expect(ids(searchPages(v, 'ornithorynque'))).toEqual([p.id]);
      expect(searchPages(v, 'ocelot').data).toEqual([]);
    }
    expect(ids(searchPages(viewerOf(writer), 'ocelot'))).toEqual([p.id]);
    expect(searchPages(viewerOf(writer), 'ornithorynque').data).toEqual([]);
    updatePage(viewerOf(writer), p.id, { status: 'draft' });
    expect(searchPages(viewerOf(citizen), 'ornithorynque').data).toEqual([]);
  });
});

describe('searchPages: French, ranking, snippets', () => {
  const accented = pub('Calendrier', 'La prochaine élection municipale aura lieu en mars.');
  const plain = pub('Notes', 'Preparer l election sans accents.');

  it('folds accents both ways and highlights the match as written', () => {
    const viewer = viewerOf(writer);
    expect(ids(searchPages(viewer, 'election')).sort()).toEqual([accented.id, plain.id].sort());
    expect(ids(searchPages(viewer, 'ÉLECTION')).sort()).toEqual([accented.id, plain.id].sort());
    const hit = searchPages(viewer, 'election municipale').data;
    expect(ids({ data: hit })).toEqual([accented.id]);
    expect(hit[0]!.snippet).toContain('<mark>élection</mark> <mark>municipale</mark>');
    expect(hit[0]).toMatchObject({ title: 'Calendrier', kind: 'document', status: 'published', spaceName: tree.section.name });
  });

  it('matches the last word as a prefix', () => {
    const hit = searchPages(viewerOf(writer), 'élection municip').data;
    expect(ids({ data: hit })).toEqual([accented.id]);
    expect(hit[0]!.snippet).toContain('<mark>municipale</mark>');
    expect(searchPages(viewerOf(writer), 'municip élection').data).toEqual([]); // only the last word is a prefix
  });

  it('ranks pages whose title matches before pages that only mention the words', () => {
    const body = pub('Compte rendu', 'Tramway tramway tramway. Le tramway, encore le tramway, toujours le tramway.');
    const titled = pub('Le tramway de Strasbourg', 'Une ligne nouvelle.');
    expect(ids(searchPages(viewerOf(writer), 'tramway'))).toEqual([titled.id, body.id]);
  });

  it('escapes everything but the marks', () => {
    const p = pub('<script>alert(1)</script> Hérisson', 'Le <script>alert("x")</script> hérisson & <b>gras</b>.');
    const hit = searchPages(viewerOf(writer), 'hérisson').data;
    expect(ids({ data: hit })).toEqual([p.id]);
    expect(hit[0]!.snippet).not.toContain('<script');
    expect(hit[0]!.snippet).not.toContain('<b>');
    expect(hit[0]!.snippet).toContain('&lt;script&gt;');
    expect(hit[0]!.snippet).toContain('<mark>hérisson</mark> &amp; &lt;b&gt;');
    expect(snippetHTML('a\uE000<b>\uE001 \uE000x')).toBe('a<mark>&lt;b&gt;</mark> <mark>x</mark>');
  });

  it('is safe against FTS query syntax', () => {
    const p = pub('Quotes "AND" OR NEAR', 'Colonne title: body: * ^ ( ) - + {a b}.');
    const viewer = viewerOf(writer);
    for (const q of ['"', '""', '*', '^', '()', 'NEAR(', '-', ':', '{}', '"\'', '…', '   ', '*"*', 'AND', 'OR ']) {
      expect(() => searchPages(viewer, q), q).not.toThrow();
    }
    for (const q of ['"', '*', '^', '()', '-', ':', '{}', '   ', '…', '?!']) expect(searchPages(viewer, q).data, q).toEqual([]);
    expect(ids(searchPages(viewer, 'title: colonne'))).toEqual([p.id]);
    expect(ids(searchPages(viewer, 'quotes "and" OR near'))).toEqual([p.id]);
    expect(ftsQuery('a"b OR c*')).toBe('"a" "b" "OR" "c"*');
  });

  it('paginates without repeats and caps the limit at 50', () => {
    const made = Array.from({ length: 7 }, (_, i) => pub(`Feuille ${i}`, 'Un mot rare : pangolin.').id);
    const viewer = viewerOf(writer);
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const r = searchPages(viewer, 'pangolin', { limit: 3, cursor });
      sizes.push(r.data.length);
      seen.push(...ids(r));
      cursor = r.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen.sort()).toEqual(made.sort());
    expect(searchPages(viewer, 'pangolin', { limit: 500 }).data).toHaveLength(7);
    expectAppError(() => searchPages(viewer, 'pangolin', { cursor: 'nope' }), 'invalid_input', 'cursor');
  });
});

describe('reindexSearch', () => {
  it('rebuilds both indexes and pages.text from the stored documents', () => {
    const p = pub('Réindexation', 'Le texte du capybara.');
    updatePage(viewerOf(writer), p.id, { markdown: 'Le texte vivant du capybara et du tapir.', baseRevision: pageRevision(p.id) }); // live change in the update log
    db().run(sql`delete from page_search`);
    db().run(sql`delete from page_search_public`);
    db().run(sql`update pages set text = '' where id = ${p.id}`);
    expect(searchPages(viewerOf(writer), 'capybara').data).toEqual([]);
    const seen: number[] = [];
    const r = reindexSearch((done) => seen.push(done));
    expect(r.indexed).toBe(db().get<{ n: number }>(sql`select count(*) as n from pages where deleted_at is null`)!.n);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(r.indexed);
    expect(ids(searchPages(viewerOf(writer), 'tapir'))).toEqual([p.id]);
    expect(ids(searchPages(null, 'capybara'))).toEqual([p.id]); // the published text
    expect(searchPages(null, 'tapir').data).toEqual([]);
    expect(db().get<{ text: string }>(sql`select text from pages where id = ${p.id}`)!.text).toBe('Le texte vivant du capybara et du tapir.');
    // deleted pages stay out
    expect(searchPages(viewerOf(world.users.siteAdmin), 'deletedRecently').data).toEqual([]);
  });
});
