/**
 * The home page's stream: what the page services record (edits coalesced per person and hour),
 * grouped per page; only pages the viewer may read; people never named by e-mail address; drafts
 * apart; and what awaits those who animate a space.
 */
import * as Y from 'yjs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { activities, memberships, spaceInvitations, users } from '@/db/schema';
import { appendUpdate } from '@/server/documents/store';
import { liveDocState } from '@/server/documents/live-state';
import { applyMarkdown } from '@/server/pages/body';
import { derivePage } from '@/server/pages/derive';
import { deletePage, restorePage, updatePage } from '@/server/pages/page-service';
import { addMembership, makeGroup, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { listActivity, listAwaiting, listMyDrafts } from './home-feed';

const HOUR = 3_600_000;
const tree = makeTree('Flux');
const camille = makeUser({ name: 'Camille Roux' });
const ines = makeUser({ name: 'Inès Benali' });
const sansNom = makeUser({ name: '', email: 'sans.nom.flux@coopol.test' });
db().update(users).set({ name: null }).where(eq(users.id, sansNom.id)).run();
const secretaire = makeUser({ name: 'Sam Secrétaire' });
const ailleurs = makeUser({ name: 'Olga Ailleurs' }); // another section
for (const u of [camille, ines, sansNom]) addMembership(u, tree.section);
addMembership(secretaire, tree.section, 'secretary');
addMembership(ailleurs, tree.otherSection);

/** A change typed in the editor: an update in the log, then the derivation at `now`. */
function type(pageId: string, md: string, who: { id: string }, now: Date): void {
  const base = liveDocState(pageId);
  appendUpdate(pageId, Y.diffUpdate(applyMarkdown(base, md), Y.encodeStateVectorFromUpdate(base)), who.id);
  derivePage(pageId, liveDocState(pageId), [who.id], now);
}
const rowsOf = (pageId: string) => db().select().from(activities).where(eq(activities.pageId, pageId)).all();

describe('recording', () => {
  it('creating, then typing within the hour, is one « created »; edits are one row per person and hour', () => {
    const page = makePage(camille, tree.section, { title: 'Programme — Transports', visibility: 'members', status: 'published', markdown: 'Début.' });
    const t0 = Date.now();
    type(page.id, 'Début, suite.', camille, new Date(t0 + 60_000));
    expect(rowsOf(page.id).map((r) => r.verb)).toEqual(['created']);
    for (let m = 2; m < 50; m += 5) type(page.id, `Inès écrit ${m}.`, ines, new Date(t0 + m * 60_000));
    const edits = rowsOf(page.id).filter((r) => r.verb === 'edited');
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ actorId: ines.id, spaceId: tree.section.id, createdAt: new Date(t0 + 47 * 60_000) });
    // More than an hour after her last edit: a new row.
    type(page.id, 'Inès revient.', ines, new Date(t0 + 47 * 60_000 + HOUR + 1000));
    expect(rowsOf(page.id).filter((r) => r.verb === 'edited')).toHaveLength(2);
  });

  it('renaming, publishing, archiving, returning to draft, deleting and restoring are recorded; a title saved unchanged is not', () => {
    const page = makePage(camille, tree.section, { title: 'Motion', visibility: 'members' });
    const v = viewerOf(camille);
    updatePage(v, page.id, { title: 'Motion' });
    updatePage(v, page.id, { title: 'Motion logement' });
    updatePage(v, page.id, { status: 'published' });
    updatePage(v, page.id, { status: 'draft' });
    updatePage(v, page.id, { status: 'published' });
    updatePage(v, page.id, { status: 'archived' });
    deletePage(v, page.id);
    restorePage(v, page.id);
    expect(rowsOf(page.id).map((r) => r.verb)).toEqual(['created', 'renamed', 'published', 'unpublished', 'published', 'archived', 'deleted', 'restored']);
  });
});

describe('the stream', () => {
  const t0 = Date.now();
  const shared = makePage(camille, tree.section, { title: 'Programme — Logement', visibility: 'members', status: 'published', markdown: 'Texte.' });
  const internal = makePage(camille, tree.section, { title: 'Réunion interne', visibility: 'space', status: 'published', markdown: 'Ordre du jour.' });
  const draft = makePage(ines, tree.section, { title: 'Brouillon d’Inès', visibility: 'members', markdown: 'À finir.' });
  type(shared.id, 'Texte revu par Inès.', ines, new Date(t0 + 60_000));
  type(shared.id, 'Texte revu par une personne sans nom.', sansNom, new Date(t0 + 120_000));
  type(internal.id, 'Ordre du jour, complété.', ines, new Date(t0 + 180_000));
  type(draft.id, 'Presque fini.', ines, new Date(t0 + 240_000));
  const now = new Date(t0 + 300_000);

  it('groups what happened per page: who did what, latest first', () => {
    const feed = listActivity(viewerOf(secretaire), { now });
    const titles = feed.map((e) => e.page.title);
    expect(new Set(titles).size).toBe(titles.length); // one entry per page
    const logement = feed.find((e) => e.page.id === shared.id)!;
    expect(logement.verb).toBe('edited');
    expect(logement.actors.map((a) => a.name)).toEqual([`Membre de ${tree.section.name}`, 'Inès Benali']);
    expect(logement.also).toEqual([{ verb: 'created', actors: [{ id: camille.id, name: 'Camille Roux' }] }]);
    expect(logement.page.spaceName).toBe(tree.section.name);
    expect(JSON.stringify(feed)).not.toContain('sans.nom.flux@coopol.test');
    expect(titles.indexOf('Réunion interne')).toBeLessThan(titles.indexOf('Programme — Logement'));
  });

  it('holds only pages the viewer may read, in the viewer’s spaces', () => {
    // The secretary reads the draft (animator of the space); a plain member does not.
    expect(listActivity(viewerOf(secretaire), { now }).map((e) => e.page.id)).toContain(draft.id);
    expect(listActivity(viewerOf(camille), { now }).map((e) => e.page.id)).not.toContain(draft.id);
    // Olga's section is another: nothing of this one reaches her stream, nor of the internal page.
    makeGroup(ailleurs);
    expect(listActivity(viewerOf(ailleurs), { now })).toEqual([]);
    expect(listActivity(viewerOf(makeUser({ siteRole: 'citizen' })), { now })).toEqual([]);
    expect(listActivity(null, { now })).toEqual([]);
    // A page in the trash leaves the stream.
    const gone = makePage(camille, tree.section, { title: 'Bientôt supprimée', visibility: 'members', status: 'published' });
    deletePage(viewerOf(camille), gone.id);
    expect(listActivity(viewerOf(camille), { now: new Date() }).map((e) => e.page.id)).not.toContain(gone.id);
  });

  it('my drafts come apart, and leave the stream so that no page shows twice', () => {
    const drafts = listMyDrafts(viewerOf(ines));
    expect(drafts.map((d) => d.title)).toEqual(['Brouillon d’Inès']);
    expect(listMyDrafts(viewerOf(camille)).map((d) => d.id)).not.toContain(draft.id);
    const feed = listActivity(viewerOf(ines), { now, exclude: drafts.map((d) => d.id) });
    expect(feed.map((e) => e.page.id)).not.toContain(draft.id);
    expect(feed.map((e) => e.page.id)).toContain(shared.id);
  });
});

describe('what awaits an animator', () => {
  it('new members of the section (by name, never address) and pending group invitations; nothing for a plain member', () => {
    const recruit = makeUser({ name: '', email: 'recrue.flux@coopol.test' });
    db().update(users).set({ name: null }).where(eq(users.id, recruit.id)).run();
    addMembership(recruit, tree.section);
    // An old member is not new.
    db().update(memberships).set({ createdAt: new Date(Date.now() - 60 * 86_400_000) }).where(and(eq(memberships.userId, camille.id), eq(memberships.spaceId, tree.section.id))).run();
    const awaiting = listAwaiting(viewerOf(secretaire));
    const mine = awaiting.find((a) => a.space.id === tree.section.id)!;
    expect(mine.newMembers.names).toContain(`Membre de ${tree.section.name}`);
    expect(mine.newMembers.names).toContain('Inès Benali');
    expect(mine.newMembers.names).not.toContain('Camille Roux');
    expect(mine.newMembers.names).not.toContain('Sam Secrétaire');
    expect(JSON.stringify(awaiting)).not.toContain('@coopol.test');
    expect(listAwaiting(viewerOf(ines))).toEqual([]);

    const animator = makeUser({ name: 'Alix Animatrice' });
    addMembership(animator, tree.otherSection);
    const group = makeGroup(animator, { name: 'Groupe Vélo' });
    db().insert(spaceInvitations).values({ spaceId: group.id, userId: ines.id, invitedBy: animator.id }).run();
    // A pending invitation is the invitee's business: a count shown to the animator would rise
    // only for addresses of party members, telling who is in the party.
    expect(listAwaiting(viewerOf(animator))).toEqual([]);
  });
});
