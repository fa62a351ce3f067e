/**
 * History as each reader may see it: widening a page opens only its versions from the widening
 * on; links in old versions show their targets' titles to those who may read them (« page
 * privée » otherwise); a rewritten block reads as before | after; a restore that changes nothing
 * adds no version; people are never named by address.
 */
import * as Y from 'yjs';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageVersions, users } from '@/db/schema';
import { appendUpdate } from '@/server/documents/store';
import { liveDocState } from '@/server/documents/live-state';
import { applyMarkdown, markdownToJSON, yStateToJSON } from '@/server/pages/body';
import { derivePage } from '@/server/pages/derive';
import { updatePage } from '@/server/pages/page-service';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { diffDocumentsHTML } from './diff-html';
import { compareVersions, getVersion, listVersions, restoreVersion, saveNamedVersion } from './version-service';

const tree = makeTree('Lecteurs');
const alice = makeUser({ name: 'Alice Martin' });
const olga = makeUser({ name: 'Olga Ailleurs' }); // another section
const anonyme = makeUser({ name: '', email: 'sans.nom.histoire@coopol.test' });
db().update(users).set({ name: null }).where(eq(users.id, anonyme.id)).run();
addMembership(alice, tree.section);
addMembership(anonyme, tree.section);
addMembership(olga, tree.otherSection);
const va = () => viewerOf(alice);
const versionsOf = (pageId: string) => db().select().from(pageVersions).where(eq(pageVersions.pageId, pageId)).orderBy(asc(pageVersions.createdAt)).all();

/** A change typed in the editor: an update in the log, then the derivation. */
function type(pageId: string, md: string, who: { id: string }): void {
  const base = liveDocState(pageId);
  appendUpdate(pageId, Y.diffUpdate(applyMarkdown(base, md), Y.encodeStateVectorFromUpdate(base)), who.id);
  derivePage(pageId, liveDocState(pageId), [who.id], new Date());
}

describe('widening a page', () => {
  it('opens to the new audience only the versions taken from the widening on', () => {
    const page = makePage(alice, tree.section, { title: 'Compte rendu interne', visibility: 'space', status: 'published', markdown: 'Les noms des présents.' });
    const internal = saveNamedVersion(va(), page.id, 'Interne').id;
    type(page.id, 'Version à partager.', alice);
    updatePage(va(), page.id, { visibility: 'members' });
    const shared = saveNamedVersion(va(), page.id, 'Partagée').id;
    // Alice (of the section) sees every version.
    expect(listVersions(va(), page.id).versions.map((v) => v.name)).toEqual(['Partagée', 'Interne', null]);
    // Olga, of another section, now reads the page: its history starts at the widening.
    const theirs = listVersions(viewerOf(olga), page.id);
    expect(theirs.versions.map((v) => v.name)).toEqual(['Partagée']);
    expect(JSON.stringify(theirs)).not.toContain('présents');
    expect(getVersion(viewerOf(olga), page.id, shared).html).toContain('Version à partager.');
    expectAppError(() => getVersion(viewerOf(olga), page.id, internal), 'not_found');
    expectAppError(() => compareVersions(viewerOf(olga), page.id, internal, 'live'), 'not_found');
    expectAppError(() => compareVersions(viewerOf(olga), page.id, shared, internal), 'not_found');
    expect(compareVersions(viewerOf(olga), page.id, shared, 'live').html).toContain('Version à partager.');
    // Versions from before the visibility was kept (null) count as the narrowest.
    db().update(pageVersions).set({ visibility: null }).where(eq(pageVersions.id, shared)).run();
    expect(listVersions(viewerOf(olga), page.id).versions).toEqual([]);
    expect(listVersions(va(), page.id).versions).toHaveLength(3);
  });
});

describe('reading old versions', () => {
  it('links show the current title of a page the reader may read, « page privée » otherwise, never the stored label', () => {
    const open = makePage(alice, tree.section, { title: 'Programme ancien titre', visibility: 'members', status: 'published' });
    const closed = makePage(alice, tree.section, { title: 'Dossier confidentiel', visibility: 'space', status: 'published' });
    const page = makePage(alice, tree.section, {
      title: 'Page qui renvoie',
      visibility: 'members',
      status: 'published',
      markdown: `Voir [le programme](/pages/${open.id}) et [le dossier](/pages/${closed.id}).`,
    });
    const v = saveNamedVersion(va(), page.id, 'Avec liens').id;
    updatePage(va(), open.id, { title: 'Programme nouveau titre' });
    const mine = getVersion(va(), page.id, v).html;
    expect(mine).toContain('Programme nouveau titre');
    expect(mine).toContain('Dossier confidentiel');
    const theirs = getVersion(viewerOf(olga), page.id, v).html;
    expect(theirs).toContain('Programme nouveau titre');
    expect(theirs).not.toContain('Programme ancien titre');
    expect(theirs).not.toContain('Dossier confidentiel');
    expect(theirs).not.toContain(closed.id);
    expect(theirs).toContain('page privée');
    const diff = compareVersions(viewerOf(olga), page.id, v, 'live').html;
    expect(diff).not.toContain('Dossier confidentiel');
    expect(diff).not.toContain('<ins>'); // a rename of a target is no change of this page
  });

  it('names an author who set no name « Membre de <section> », never by address', () => {
    const page = makePage(alice, tree.section, { title: 'Par quelqu’un', visibility: 'members', status: 'published', markdown: 'Début.' });
    type(page.id, 'Début, et une phrase de plus.', anonyme);
    saveNamedVersion(viewerOf(anonyme), page.id, 'Avec sa phrase');
    const list = listVersions(viewerOf(olga), page.id);
    expect(list.versions[0]!.createdBy?.name).toBe(`Membre de ${tree.section.name}`);
    expect(JSON.stringify(list)).not.toContain('sans.nom.histoire');
  });
});

describe('comparing', () => {
  it('a block changed a little shows its changes inline; a block rewritten shows before | after', () => {
    const before = markdownToJSON('## Transports\n\nLe tram passe toutes les dix minutes en semaine.\n\n- gratuité pour les jeunes');
    const after = markdownToJSON('## Transports\n\nLe tram passe toutes les cinq minutes en semaine.\n\n- un réseau de pistes cyclables sûres');
    const html = diffDocumentsHTML(before, after, { labels: { before: 'Avant', after: 'Après' } });
    expect(html).toContain('<p>Le tram passe toutes les <del>dix</del><ins>cinq</ins> minutes en semaine.</p>');
    expect(html).toContain(
      '<div class="diff-split"><div class="diff-side diff-before"><span class="diff-label">Avant</span><p><del>gratuité pour les jeunes</del></p></div><div class="diff-side diff-after"><span class="diff-label">Après</span><p><ins>un réseau de pistes cyclables sûres</ins></p></div></div>',
    );
    expect(html).toContain('<h2>Transports</h2>');
  });
});

describe('restoring', () => {
  it('restoring the text it already has adds no version', () => {
    const page = makePage(alice, tree.section, { title: 'Statuts', visibility: 'members', status: 'published', markdown: 'Article premier.' });
    const named = saveNamedVersion(va(), page.id, 'Texte voté').id;
    type(page.id, 'Article premier, modifié.', alice);
    expect(restoreVersion(va(), page.id, named)).toMatchObject({ kind: 'restore' });
    const count = versionsOf(page.id).length;
    expect(restoreVersion(va(), page.id, named)).toBeNull();
    expect(versionsOf(page.id)).toHaveLength(count);
    // Nor does restoring the version that holds the current text, whatever the last version is.
    type(page.id, 'Article premier, encore.', alice);
    saveNamedVersion(va(), page.id, 'Encore');
    type(page.id, 'Article premier.', alice);
    const before = versionsOf(page.id).length;
    expect(restoreVersion(va(), page.id, named)).toBeNull();
    expect(versionsOf(page.id)).toHaveLength(before);
  });

  it('a restored text ends with a paragraph, as the editor keeps it: open editors add none (a change nobody made)', () => {
    const page = makePage(alice, tree.section, { title: 'Liste de courses', visibility: 'members', status: 'published', markdown: 'Acheter :\n\n- du pain\n- du sel' });
    const named = saveNamedVersion(va(), page.id, 'Liste').id;
    type(page.id, 'Plus rien à acheter.', alice);
    restoreVersion(va(), page.id, named);
    const json = yStateToJSON(liveDocState(page.id));
    expect(json.content!.map((n) => n.type)).toEqual(['paragraph', 'bulletList', 'paragraph']);
    expect(json.content![2]!.content ?? []).toEqual([]);
    // The text is that version's: restoring it again changes nothing.
    expect(restoreVersion(va(), page.id, named)).toBeNull();
  });
});
