/**
 * Whole-body writes (PATCH markdown, PUT content replace) are changes against the revision the
 * writer read: what others typed since survives, or the write answers 409 and changes nothing.
 * Real collaboration server, stock y-websocket clients typing live.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { pages } from '@/db/schema';
import { createPage } from '@/server/pages/page-service';
import { BODY, bodyText, startCollab, synced, until, type Harness } from '@/test/collab-harness';
import { params, person, read, req, territory, viewerOf } from '../test-helpers';
import { GET, PATCH } from './[id]/route';
import { PUT } from './[id]/content/route';

const t = territory();
const typist = person('member', [[t.section.id, 'member']]);
const writer = person('member', [[t.section.id, 'member']]);

const get = async (id: string) => read(await GET(req(`/api/v1/pages/${id}`, { token: writer.token }), params({ id })));
const patch = async (id: string, body: unknown) => read(await PATCH(req(`/api/v1/pages/${id}`, { method: 'PATCH', body, token: writer.token }), params({ id })));
const put = async (id: string, body: unknown) => read(await PUT(req(`/api/v1/pages/${id}/content`, { method: 'PUT', body, token: writer.token }), params({ id })));

const newPage = (markdown: string) => createPage(viewerOf(typist), { spaceId: t.section.id, title: 'Plateforme', visibility: 'members', status: 'published', markdown });
const titleOf = (id: string) => db().select({ title: pages.title }).from(pages).where(eq(pages.id, id)).get()!.title;

/** The text node of the body's `index`-th paragraph, as the editor holds it. */
function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const p = doc.getXmlFragment(BODY).get(index) as Y.XmlElement;
  return p.get(0) as Y.XmlText;
}

/** Types `words` at the end of the paragraph, one character per tick, as a person does. */
async function typeInto(text: Y.XmlText, words: string): Promise<void> {
  for (const ch of words) {
    text.insert(text.length, ch);
    await new Promise((r) => setTimeout(r, 2));
  }
}

let h: Harness;
beforeAll(async () => {
  h = await startCollab({ deriveDebounceMs: 20 });
});
afterAll(() => h.close());

describe('a whole-body write while someone types', () => {
  it('keeps what was typed live in paragraph 2 and the writer’s change to paragraph 1', async () => {
    const page = newPage('Premier paragraphe.\n\nDeuxième paragraphe.');
    const read0 = await get(page.id);
    expect(typeof read0.body.revision).toBe('string');
    expect(read0.body.markdown).toBe('Premier paragraphe.\n\nDeuxième paragraphe.');

    const live = h.provider(page.id, { token: typist.token });
    await synced(live);
    const room = h.collab.rooms.get(page.id)!;
    const p2 = paragraphText(live.doc, 1);
    await typeInto(p2, ' Tapé en direct');
    await until(() => bodyText(room.doc).includes('Tapé en direct'), 'the typing in the room');

    // The writer saves the body as read before the typing, with paragraph 1 rewritten, while
    // the typist goes on.
    const typing = typeInto(p2, ', et encore.');
    const r = await patch(page.id, { markdown: 'Premier paragraphe, réécrit par l’API.\n\nDeuxième paragraphe.', baseRevision: read0.body.revision });
    await typing;
    expect(r.status, r.text).toBe(200);
    expect(r.body.revision).not.toBe(read0.body.revision);

    const expected = ['Premier paragraphe, réécrit par l’API.', 'Deuxième paragraphe. Tapé en direct, et encore.'].join('\n');
    await until(() => bodyText(room.doc) === expected, 'both changes in the room');
    await until(() => bodyText(live.doc) === expected, 'both changes in the typist’s editor');
    expect((await get(page.id)).body.markdown).toBe('Premier paragraphe, réécrit par l’API.\n\nDeuxième paragraphe. Tapé en direct, et encore.');
  });

  it('answers 409 with the current revision and changes nothing when the write deletes the paragraph being typed in', async () => {
    const page = newPage('Premier paragraphe.\n\nDeuxième paragraphe.');
    const read0 = await get(page.id);
    const live = h.provider(page.id, { token: typist.token });
    await synced(live);
    const room = h.collab.rooms.get(page.id)!;
    await typeInto(paragraphText(live.doc, 1), ' Phrase en cours');
    await until(() => bodyText(room.doc).includes('Phrase en cours'), 'the typing in the room');
    const before = Y.encodeStateAsUpdate(room.doc);

    const r = await patch(page.id, { title: 'Titre changé', markdown: 'Premier paragraphe.', baseRevision: read0.body.revision });
    expect(r.status, r.text).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'conflict', field: 'baseRevision' });
    expect(r.body.revision).toBe((await get(page.id)).body.revision);
    expect(r.body.revision).not.toBe(read0.body.revision);
    // Nothing changed: not the body, not the title.
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(bodyText(room.doc)).toBe('Premier paragraphe.\nDeuxième paragraphe. Phrase en cours');
    expect(titleOf(page.id)).toBe('Plateforme');

    // Read again, write again: the writer now sees the typed text and may remove it knowingly.
    const again = await patch(page.id, { markdown: 'Premier paragraphe.', baseRevision: r.body.revision });
    expect(again.status, again.text).toBe(200);
    await until(() => bodyText(live.doc) === 'Premier paragraphe.', 'the deliberate removal in the editor');
  });

  it('PUT content replace merges the same way with an open editor', async () => {
    const page = newPage('Alpha.\n\nBêta.');
    const read0 = await get(page.id);
    const live = h.provider(page.id, { token: typist.token });
    await synced(live);
    const room = h.collab.rooms.get(page.id)!;
    await typeInto(paragraphText(live.doc, 0), ' Ajout live.');
    await until(() => bodyText(room.doc).includes('Ajout live.'), 'the typing in the room');
    const r = await put(page.id, { markdown: 'Alpha.\n\nBêta, complété.', baseRevision: read0.body.revision });
    expect(r.status, r.text).toBe(200);
    expect(r.body.markdown).toBe('Alpha. Ajout live.\n\nBêta, complété.');
    await until(() => bodyText(live.doc) === 'Alpha. Ajout live.\nBêta, complété.', 'the merged body in the editor');
  });
});

describe('based writes without an open editor', () => {
  it('a stale write unrelated to what changed since still merges', async () => {
    const page = newPage('Un.\n\nDeux.');
    const stale = await get(page.id);
    // Someone else writes meanwhile: a new paragraph, and a change to the second one.
    const fresh = await get(page.id);
    expect((await patch(page.id, { markdown: 'Un.\n\nDeux, modifié.\n\nTrois.', baseRevision: fresh.body.revision })).status).toBe(200);
    const r = await patch(page.id, { markdown: 'Un, réécrit.\n\nDeux.', baseRevision: stale.body.revision });
    expect(r.status, r.text).toBe(200);
    expect(r.body.markdown).toBe('Un, réécrit.\n\nDeux, modifié.\n\nTrois.');
  });

  it('a write based on the current revision is a plain replace', async () => {
    const page = newPage('Ancien texte.');
    const r = await put(page.id, { markdown: '# Nouveau\n\nTout autre.', baseRevision: (await get(page.id)).body.revision });
    expect(r.status, r.text).toBe(200);
    expect(r.body.markdown).toBe('# Nouveau\n\nTout autre.');
  });

  it('asks for baseRevision (400) on a replace, not on an append', async () => {
    const page = newPage('Texte.');
    for (const r of [await patch(page.id, { markdown: 'Écrasé.' }), await put(page.id, { markdown: 'Écrasé.' }), await put(page.id, { markdown: 'Écrasé.', mode: 'replace' })]) {
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'invalid_input', field: 'baseRevision' });
      expect(r.body.error.message).toMatch(/GET the page/);
    }
    for (const bad of ['pas une révision !', 'AAAA', Buffer.from(Y.encodeStateVector(new Y.Doc({ gc: true }))).toString('base64url') + 'zz']) {
      const r = await patch(page.id, { markdown: 'Écrasé.', baseRevision: bad });
      expect(r.status, bad).toBe(400);
      expect(r.body.error.field).toBe('baseRevision');
    }
    expect((await get(page.id)).body.markdown).toBe('Texte.');
    const appended = await put(page.id, { markdown: 'Ajout.', mode: 'append' });
    expect(appended.status).toBe(200);
    expect(appended.body.markdown).toBe('Texte.\n\nAjout.');
  });

  it('gives no revision to readers of the published version', async () => {
    const page = newPage('Texte public.');
    const anonymous = await read(await GET(req(`/api/v1/pages/${page.id}`), params({ id: page.id })));
    expect(anonymous.status).toBe(404); // members-only page
    const open = createPage(viewerOf(typist), { spaceId: t.section.id, title: 'Ouvert', visibility: 'public', status: 'published', markdown: 'Pour tous.' });
    const r = await read(await GET(req(`/api/v1/pages/${open.id}`), params({ id: open.id })));
    expect(r.body.revision).toBeNull();
  });
});
