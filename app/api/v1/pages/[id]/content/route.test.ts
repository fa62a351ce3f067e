import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { db } from '@/db/client';
import { pageLinks, pages } from '@/db/schema';
import { createPage, type CreatePageInput } from '@/server/pages/page-service';
import { yStateToJSON } from '@/server/pages/body';
import { bodyText, startCollab, synced, until } from '@/test/collab-harness';
import { and, eq } from 'drizzle-orm';
import { params, person, read, req, territory, viewerOf, type Person } from '../../../test-helpers';
import { GET as getPage } from '../route';
import { PUT } from './route';

const t = territory();
const militante = person('member', [[t.section.id, 'member']]);
const voisine = person('member', [[t.section.id, 'member']]);
const colmar = person('member', [[t.otherSection.id, 'member']]);
const citoyen = person('citizen');
const make = (who: Person, input: CreatePageInput) => createPage(viewerOf(who), input);

const page = make(militante, { spaceId: t.section.id, title: 'Motion transports', visibility: 'members', status: 'published', markdown: 'Premier paragraphe.' });
const existing = make(militante, { spaceId: t.section.id, title: 'Élection Municipale', visibility: 'public', status: 'published' });
const secret = make(militante, { spaceId: t.section.id, title: 'Bureau secret', visibility: 'space', status: 'published' });

const put = async (id: string, body: unknown, token?: string) => read(await PUT(req(`/api/v1/pages/${id}/content`, { method: 'PUT', body, token }), params({ id })));
const get = async (id: string, token?: string) => read(await getPage(req(`/api/v1/pages/${id}`, { token }), params({ id })));
/** The revision a writer reads before replacing the body. */
const revision = async (id: string) => (await get(id, militante.token)).body.revision as string;
const linksOf = (id: string) => db().select({ targetId: pageLinks.targetId }).from(pageLinks).where(eq(pageLinks.sourceId, id)).all().map((l) => l.targetId);

describe('PUT /api/v1/pages/:id/content', () => {
  it('replaces and appends the body', async () => {
    let r = await put(page.id, { markdown: '# Titre\n\nUn **texte** neuf.', mode: 'replace', baseRevision: await revision(page.id) }, militante.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: page.id, text: 'Titre\n\nUn texte neuf.' });
    r = await put(page.id, { markdown: 'Ajout à la fin.', mode: 'append' }, militante.token);
    expect(r.body.text).toBe('Titre\n\nUn texte neuf.\n\nAjout à la fin.');
    expect(r.body.markdown).toContain('Un **texte** neuf.');
    r = await put(page.id, { markdown: 'Tout remplacé.', baseRevision: await revision(page.id) }, militante.token); // replace is the default
    expect(r.body.text).toBe('Tout remplacé.');
  });

  it('links [[Titre]] to the readable page of that title, accents and case folded', async () => {
    const r = await put(page.id, { markdown: 'Voir [[election municipale]] et `[[pas un lien]]`.', baseRevision: await revision(page.id) }, militante.token);
    expect(r.status).toBe(200);
    expect(linksOf(page.id)).toEqual([existing.id]);
    expect(r.body.markdown).toContain(`[Élection Municipale](/pages/${existing.id})`);
    expect(r.body.markdown).toContain('`[[pas un lien]]`');
  });

  it('creates a draft in the page’s space for an unknown title, once, that only its creator reads until it is published', async () => {
    const r = await put(page.id, { markdown: 'À écrire : [[Plan de mobilité douce]], encore [[plan de mobilité douce]].', baseRevision: await revision(page.id) }, militante.token);
    expect(r.status).toBe(200);
    const stubs = db().select().from(pages).where(and(eq(pages.title, 'Plan de mobilité douce'))).all();
    expect(stubs).toHaveLength(1);
    expect(stubs[0]).toMatchObject({ spaceId: t.section.id, status: 'draft', visibility: 'space', createdBy: militante.id });
    expect(linksOf(page.id)).toEqual([stubs[0]!.id]);
    // Its creator reads it; another member of the section, or of another section, sees
    // "page privée" and gets a 404, as for any draft.
    expect((await get(page.id, militante.token)).body.text).toContain('Plan de mobilité douce');
    expect((await get(stubs[0]!.id, militante.token)).status).toBe(200);
    for (const other of [voisine, colmar]) {
      expect((await get(page.id, other.token)).body.text).toContain('page privée');
      expect((await get(stubs[0]!.id, other.token)).status).toBe(404);
    }
  });

  it('turns links to page URLs into wiki links, relative or absolute', async () => {
    const r = await put(page.id, { markdown: `[notre texte](/pages/${existing.id}) et [le bureau](http://localhost:3999/pages/${secret.id}) et [ailleurs](https://example.org/pages/x)`, baseRevision: await revision(page.id) }, militante.token);
    expect(r.status).toBe(200);
    expect(linksOf(page.id).sort()).toEqual([existing.id, secret.id].sort());
    // the writer reads both targets: current titles
    expect(r.body.text).toBe('Élection Municipale et Bureau secret et ailleurs');
    // a reader of the page who may not read the target sees "page privée", never its title
    const other = await get(page.id, colmar.token);
    expect(other.body.text).toBe('Élection Municipale et page privée et ailleurs');
    expect(other.text).not.toContain('Bureau secret');
    expect(other.text).not.toContain(secret.id);
  });

  it('answers 400 naming the field, 401, 404 and 403', async () => {
    expect((await put(page.id, { mode: 'replace' }, militante.token)).body.error).toMatchObject({ code: 'invalid_input', field: 'markdown' });
    expect((await put(page.id, { markdown: 1 }, militante.token)).body.error).toMatchObject({ code: 'invalid_input', field: 'markdown' });
    expect((await put(page.id, { markdown: 'x', mode: 'prepend' }, militante.token)).body.error).toMatchObject({ code: 'invalid_input', field: 'mode' });
    expect((await put(page.id, { markdown: 'x', extra: 1 }, militante.token)).body.error).toMatchObject({ code: 'invalid_input', field: 'extra' });
    expect((await put(page.id, 'not json', militante.token)).body.error).toMatchObject({ code: 'invalid_input', field: 'body' });
    expect((await put(page.id, { markdown: 'x'.repeat(1_000_001) }, militante.token)).status).toBe(400);
    expect((await put(page.id, { markdown: 'x' })).status).toBe(401);
    const hidden = await put(secret.id, { markdown: 'x' }, colmar.token);
    expect(hidden.status).toBe(404);
    expect(hidden.text).not.toContain('Bureau secret');
    expect((await put(page.id, { markdown: 'x' }, colmar.token)).status).toBe(403); // may read, not edit
    expect((await put(page.id, { markdown: 'x' }, citoyen.token)).status).toBe(404);
  });
});

describe('PUT content reaches open editors', () => {
  const harness = startCollab();
  afterAll(async () => (await harness).close());

  it('an open editor receives the change at once, merged with what they typed', async () => {
    const h = await harness;
    const live = make(militante, { spaceId: t.section.id, title: 'Co-écriture', markdown: 'Début.' });
    const editor = h.provider(live.id, { token: militante.token });
    await synced(editor);
    expect(bodyText(editor.doc)).toContain('Début.');
    const r = await put(live.id, { markdown: `Suite par l’API, voir [[Élection municipale]].`, mode: 'append' }, militante.token);
    expect(r.status).toBe(200);
    await until(() => bodyText(editor.doc).includes('Suite par l’API'), 'the API change in the editor');
    const json = yStateToJSON(Y.encodeStateAsUpdate(editor.doc));
    expect(JSON.stringify(json)).toContain(`"pageId":"${existing.id}"`);
    expect(h.collab.rooms.get(live.id)).toBeDefined();
    expect(linksOf(live.id)).toEqual([existing.id]);
  });
});
