/**
 * History: automatic versions (after a pause, and during long editing), named versions, viewing,
 * comparing (word diff inside the formatted document, escaped), and restoring as a new change
 * that reaches an open room — with real sockets and the real database.
 */
import * as Y from 'yjs';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pages, pageVersions } from '@/db/schema';
import { appendUpdate, logLength } from '@/server/documents/store';
import { liveDocState } from '@/server/documents/live-state';
import { derivePage } from '@/server/pages/derive';
import { applyMarkdown, markdownToJSON, renderBody } from '@/server/pages/body';
import { getPage, updatePage } from '@/server/pages/page-service';
import { pageRevision } from '@/server/pages/based-write';
import { apiTokenFor, bodyText, startCollab, synced, until, type Harness } from '@/test/collab-harness';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { diffDocumentsHTML } from './diff-html';
import { compareVersions, getVersion, listVersions, restoreVersion, saveNamedVersion } from './version-service';
import { takePauseVersions, VERSION_EVERY_MS, VERSION_PAUSE_MS } from './versions';

const tree = makeTree();
const alice = makeUser({ name: 'Alice Martin' });
const bob = makeUser({ name: 'Bob Durand' });
const lecteur = makeUser({ name: 'Léo Lecteur' }); // other section: reads members pages, edits none
const citoyen = makeUser({ siteRole: 'citizen', name: 'Citoyenne' });
addMembership(alice, tree.section);
addMembership(bob, tree.section);
addMembership(lecteur, tree.otherSection);
const va = () => viewerOf(alice);

const versionsOf = (pageId: string) => db().select().from(pageVersions).where(eq(pageVersions.pageId, pageId)).orderBy(asc(pageVersions.createdAt)).all();
/** An edit stored in the update log, then derived at an injected time. */
function write(pageId: string, md: string, who: { id: string }, now: Date): void {
  const base = liveDocState(pageId);
  appendUpdate(pageId, Y.diffUpdate(applyMarkdown(base, md), Y.encodeStateVectorFromUpdate(base)), who.id);
  derivePage(pageId, liveDocState(pageId), [who.id], now);
}

describe('automatic versions', () => {
  it('at least every 10 minutes of continuous editing, with the people whose text it holds', () => {
    const page = makePage(alice, tree.section, { visibility: 'members', markdown: 'Début.' });
    const t0 = Date.now();
    expect(versionsOf(page.id)).toHaveLength(0);
    // Edits every 2 minutes (never a 5-minute pause) by Bob then Alice.
    for (let i = 1; i <= 4; i++) write(page.id, `Début.\n\nÉtape ${i}.`, i % 2 ? bob : alice, new Date(t0 + i * 2 * 60_000));
    expect(versionsOf(page.id)).toHaveLength(0);
    write(page.id, 'Début.\n\nÉtape 5.', bob, new Date(t0 + VERSION_EVERY_MS + 1000));
    const [auto] = versionsOf(page.id);
    expect(auto).toMatchObject({ kind: 'auto', text: 'Début.\n\nÉtape 5.' });
    expect(new Set(auto!.authorIds)).toEqual(new Set([alice.id, bob.id]));
    // The count restarts when editing resumes after that version (here 3 minutes later).
    const resumed = t0 + VERSION_EVERY_MS + 3 * 60_000;
    // No character of Bob's stays (a shared final period would keep him an author of the text).
    for (let m = 0; m <= 8; m += 2) write(page.id, `Début.\n\nReprise ${m}`, alice, new Date(resumed + m * 60_000));
    expect(versionsOf(page.id)).toHaveLength(1);
    write(page.id, 'Début.\n\nReprise 10', alice, new Date(resumed + VERSION_EVERY_MS));
    expect(versionsOf(page.id).map((v) => v.text)).toEqual(['Début.\n\nÉtape 5.', 'Début.\n\nReprise 10']);
    expect(versionsOf(page.id)[1]!.authorIds).toEqual([alice.id]);
  });

  it('after a 5-minute pause in editing, dated at the last change, once', () => {
    const page = makePage(alice, tree.section, { visibility: 'members', markdown: 'Pause.' });
    const t0 = Date.now();
    write(page.id, 'Pause, puis reprise.', bob, new Date(t0 + 60_000));
    expect(takePauseVersions(new Date(t0 + 60_000 + VERSION_PAUSE_MS - 1000), page.id)).toBe(0);
    expect(takePauseVersions(new Date(t0 + 60_000 + VERSION_PAUSE_MS + 1000), page.id)).toBe(1);
    const [v] = versionsOf(page.id);
    expect(v).toMatchObject({ kind: 'auto', text: 'Pause, puis reprise.', createdAt: new Date(t0 + 60_000) });
    expect(v!.authorIds).toContain(bob.id);
    expect(takePauseVersions(new Date(t0 + 60 * 60_000), page.id)).toBe(0);
  });

  it('a pause that finds the text of the last version takes none, and the page stops being due', () => {
    const page = makePage(alice, tree.section, { visibility: 'members', markdown: 'Aller-retour.' });
    const t0 = Date.now();
    write(page.id, 'Aller.', bob, new Date(t0 + 60_000));
    expect(takePauseVersions(new Date(t0 + 60_000 + VERSION_PAUSE_MS + 1000), page.id)).toBe(1);
    // Changed, then changed back: the same text as the version.
    write(page.id, 'Aller-retour, peut-être.', bob, new Date(t0 + 20 * 60_000));
    write(page.id, 'Aller.', bob, new Date(t0 + 21 * 60_000));
    const dueAt = new Date(t0 + 21 * 60_000 + VERSION_PAUSE_MS + 1000);
    expect(takePauseVersions(dueAt, page.id)).toBe(0);
    expect(versionsOf(page.id)).toHaveLength(1);
    const row = db().select({ through: pages.versionedThrough, content: pages.contentUpdatedAt }).from(pages).where(eq(pages.id, page.id)).get()!;
    expect(row.through).toEqual(row.content); // checked: not looked at again at the next start
    // A real change later is versioned as usual.
    write(page.id, 'Aller, et plus loin.', bob, new Date(t0 + 40 * 60_000));
    expect(takePauseVersions(new Date(t0 + 40 * 60_000 + VERSION_PAUSE_MS + 1000), page.id)).toBe(1);
    expect(versionsOf(page.id)).toHaveLength(2);
  });
});

describe('history for people', () => {
  const page = makePage(alice, tree.section, { title: 'Motion logement', visibility: 'members', status: 'published', markdown: '# Logement\n\nLe loyer est **trop** cher.\n\n- encadrer\n- construire' });
  let named: string;
  let later: string;

  beforeAll(() => {
    named = saveNamedVersion(va(), page.id, 'Version soumise au bureau').id;
    updatePage(viewerOf(bob), page.id, { markdown: '# Logement\n\nLe loyer est **bien trop** cher <script>alert(1)</script>.\n\n- encadrer\n- rénover\n- construire', baseRevision: pageRevision(page.id) });
    later = saveNamedVersion(viewerOf(bob), page.id, 'Après relecture').id;
  });

  it('lists versions newest first with names, kinds and authors', () => {
    const list = listVersions(va(), page.id);
    expect(list.versions.map((v) => v.name)).toEqual(['Après relecture', 'Version soumise au bureau', null]);
    expect(list.versions[2]).toMatchObject({ kind: 'published', isPublished: true });
    expect(list.changedSincePublication).toBe(true);
    expect(list.versions[0]!.kind).toBe('named');
    expect(list.versions[0]!.createdBy?.name).toBe('Bob Durand');
    expect(list.versions[0]!.authors.map((a) => a.name)).toContain('Bob Durand');
    expect(list.abilities.edit).toBe(true);
  });

  it('readers without edit see the list read-only; citizens and outsiders get not_found', () => {
    const list = listVersions(viewerOf(lecteur), page.id);
    expect(list.versions).toHaveLength(3);
    expect(list.abilities.edit).toBe(false);
    expectAppError(() => restoreVersion(viewerOf(lecteur), page.id, named), 'forbidden');
    expectAppError(() => saveNamedVersion(viewerOf(lecteur), page.id, 'x'), 'forbidden');
    expectAppError(() => listVersions(viewerOf(citoyen), page.id), 'not_found');
    expectAppError(() => getVersion(viewerOf(citoyen), page.id, named), 'not_found');
    expectAppError(() => compareVersions(null, page.id, named, later), 'not_found');
    // Even on a public page the history stays internal.
    const pub = makePage(alice, tree.section, { visibility: 'public', status: 'published', markdown: 'Public.' });
    expect(getPage(viewerOf(citoyen), pub.id).body.text).toBe('Public.');
    expectAppError(() => listVersions(viewerOf(citoyen), pub.id), 'not_found');
    expectAppError(() => listVersions(null, pub.id), 'not_found');
  });

  it('a version of another page is not found through this page', () => {
    const other = makePage(alice, tree.section, { visibility: 'members', markdown: 'Autre.' });
    const v = saveNamedVersion(va(), other.id, 'Ailleurs');
    expectAppError(() => getVersion(va(), page.id, v.id), 'not_found');
  });

  it('a named version needs a name', () => {
    expectAppError(() => saveNamedVersion(va(), page.id, '   '), 'invalid_input');
  });

  it('views a version rendered as the page was', () => {
    const v = getVersion(va(), page.id, named);
    expect(v.html).toContain('<h1>Logement</h1>');
    expect(v.html).toContain('<strong>trop</strong>');
    expect(v.html).not.toContain('rénover');
  });

  it('compares two versions word by word inside the formatted document, escaped', () => {
    const c = compareVersions(va(), page.id, later, named); // either order: older first
    expect(c.from.name).toBe('Version soumise au bureau');
    expect(c.html).toContain('<h1>Logement</h1>');
    expect(c.html).toContain('<strong><ins>bien </ins>trop</strong>');
    expect(c.html).toContain('<li><p><ins>rénover</ins></p></li>');
    expect(c.html).toContain('&lt;script&gt;');
    expect(c.html).not.toContain('<script>');
    expect(c.html).not.toContain('<del>');
    const live = compareVersions(va(), page.id, named, 'live');
    expect(live.to).toBeNull();
    expect(live.html).toContain('<ins>rénover</ins>');
  });

  it('marks deletions and replacements in paragraphs, headings and list items', () => {
    const before = markdownToJSON('## Titre ancien\n\nUn texte court.\n\n- garder\n- ôter\n\n---\n\nFin.');
    const after = markdownToJSON('## Titre nouveau\n\nUn texte plus court.\n\n- garder\n\nFin.');
    const html = diffDocumentsHTML(before, after);
    expect(html).toContain('<h2>Titre <del>ancien</del><ins>nouveau</ins></h2>');
    expect(html).toContain('<p>Un texte <ins>plus </ins>court.</p>');
    expect(html).toContain('<li><p><del>ôter</del></p></li>');
    expect(html).toContain('<del class="diff-block"><hr></del>');
    expect(html).toContain('<p>Fin.</p>');
  });

  it('restores a version as a new change: the log grows, earlier versions stay intact', () => {
    const before = versionsOf(page.id).map((v) => ({ id: v.id, text: v.text, state: Buffer.from(v.state).toString('base64') }));
    const logBefore = logLength(page.id);
    const restored = restoreVersion(viewerOf(bob), page.id, named);
    expect(restored).toMatchObject({ kind: 'restore', name: 'Version soumise au bureau', createdBy: bob.id });
    expect(renderBody(liveDocState(page.id)).text).toBe('Logement\n\nLe loyer est trop cher.\n\nencadrer\n\nconstruire');
    expect(logLength(page.id)).toBeGreaterThan(logBefore);
    const after = versionsOf(page.id);
    for (const v of before) expect(after.find((a) => a.id === v.id)).toMatchObject({ text: v.text });
    for (const v of before) expect(Buffer.from(after.find((a) => a.id === v.id)!.state).toString('base64')).toBe(v.state);
    expect(listVersions(va(), page.id).versions[0]!.kind).toBe('restore');
    expect(getPage(va(), page.id).text).toBe('Logement\n\nLe loyer est trop cher.\n\nencadrer\n\nconstruire');
  });

  it('keeps the unsaved document as an automatic version before restoring over it', () => {
    updatePage(va(), page.id, { markdown: '# Logement\n\nTexte jamais enregistré.', baseRevision: pageRevision(page.id) });
    restoreVersion(va(), page.id, later);
    const list = listVersions(va(), page.id).versions;
    expect(list[0]!.kind).toBe('restore');
    expect(list[1]!.kind).toBe('auto');
    expect(versionsOf(page.id).find((v) => v.id === list[1]!.id)?.text).toContain('Texte jamais enregistré.');
  });
});

describe('restore reaches an open room', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startCollab({ deriveDebounceMs: 50 });
  });
  afterAll(() => h.close());

  it('an editor connected to the page sees the restored text live', async () => {
    const page = makePage(alice, tree.section, { visibility: 'members', status: 'published', markdown: 'Version A du texte.' });
    const v = saveNamedVersion(va(), page.id, 'A');
    updatePage(va(), page.id, { markdown: 'Version B du texte.', baseRevision: pageRevision(page.id) });
    const client = h.provider(page.id, { token: apiTokenFor(bob) });
    await synced(client);
    await until(() => bodyText(client.doc).includes('Version B'), 'initial text');
    restoreVersion(va(), page.id, v.id);
    await until(() => bodyText(client.doc).includes('Version A du texte.') && !bodyText(client.doc).includes('Version B'), 'restored text reaches the client');
    expect(renderBody(liveDocState(page.id)).text).toBe('Version A du texte.');
  });
});
