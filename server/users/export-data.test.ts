/**
 * The data export holds what the person wrote — their own words, on pages they may still read
 * in full — and their account data; nothing of pages they left or put in the trash, nothing
 * of what others wrote.
 */
import { describe, expect, it } from 'vitest';
import { writeDocument } from '@/server/pages/write-document';
import { applyMarkdown } from '@/server/pages/body';
import { deletePage } from '@/server/pages/page-service';
import { leaveGroup, removeMember } from '@/server/spaces/space-service';
import { addMembership, makeGroup, makePage, makeTree, makeUser, siteBuilder, viewerOf } from '@/test/factories';
import { exportMyData } from './export-data';

const tree = makeTree('Export');
const alice = makeUser({ name: 'Alice Export' });
const bob = makeUser({ name: 'Bob Export' });
addMembership(alice, tree.section);
addMembership(bob, tree.section);

const append = (pageId: string, who: { id: string }, md: string) => writeDocument(pageId, who.id, (s) => applyMarkdown(s, md, 'append'));
const exported = (who: { id: string }) => exportMyData(who.id).pages;

describe('exportMyData: what the person wrote', () => {
  it('on a page shared with another author, only their own words', () => {
    const page = makePage(alice, tree.section, { title: 'Programme partagé', visibility: 'space', status: 'published', markdown: 'Le début par Alice.' });
    append(page.id, bob, 'La suite par Bob.');
    append(page.id, alice, 'La fin par Alice.');
    const mine = exported(alice).find((p) => p.id === page.id)!;
    expect(mine.title).toBe('Programme partagé');
    expect(mine.markdown).toContain('Le début par Alice.');
    expect(mine.markdown).toContain('La fin par Alice.');
    expect(mine.markdown).not.toContain('Bob');
    const his = exported(bob).find((p) => p.id === page.id)!;
    expect(his.markdown).toBe('La suite par Bob.');
  });

  it('a page in the trash is not exported', () => {
    const page = makePage(alice, tree.section, { title: 'Bientôt à la corbeille', markdown: 'Texte jeté.' });
    expect(exported(alice).map((p) => p.id)).toContain(page.id);
    deletePage(viewerOf(alice), page.id);
    const json = JSON.stringify(exportMyData(alice.id));
    expect(json).not.toContain('Bientôt à la corbeille');
    expect(json).not.toContain('Texte jeté.');
  });

  it('pages of a group the person left are not exported; a page the person may still read is', () => {
    const carol = makeUser({ name: 'Carol Export' });
    addMembership(carol, tree.section);
    const group = makeGroup(alice, { name: 'Groupe Export' });
    addMembership(carol, group);
    const closed = makePage(alice, group, { title: 'Stratégie du groupe', visibility: 'space', status: 'published', markdown: 'Intro.' });
    const open = makePage(alice, group, { title: 'Tract ouvert', visibility: 'members', status: 'published', markdown: 'Intro.' });
    append(closed.id, carol, 'Carol propose une stratégie.');
    append(open.id, carol, 'Carol écrit le tract.');
    expect(exported(carol).map((p) => p.title).sort()).toEqual(['Stratégie du groupe', 'Tract ouvert']);
    leaveGroup(viewerOf(carol), group.id);
    const json = JSON.stringify(exportMyData(carol.id));
    expect(json).not.toContain('Stratégie du groupe');
    expect(json).not.toContain('Carol propose une stratégie.');
    expect(exported(carol)).toEqual([expect.objectContaining({ title: 'Tract ouvert', markdown: 'Carol écrit le tract.' })]);
  });

  it('a member removed from their section exports no page text, only their account data', () => {
    const dan = makeUser({ name: 'Dan Export', email: 'dan.export@coopol.test' });
    addMembership(dan, tree.section);
    const page = makePage(dan, tree.section, { title: 'Compte rendu de Dan', visibility: 'space', status: 'published', markdown: 'Ce que Dan a noté.' });
    expect(exported(dan).map((p) => p.id)).toEqual([page.id]);
    removeMember(viewerOf(siteBuilder()), tree.section.id, dan.id);
    const data = exportMyData(dan.id);
    expect(data.pages).toEqual([]);
    expect(data.profile).toMatchObject({ name: 'Dan Export', email: 'dan.export@coopol.test' });
    expect(JSON.stringify(data)).not.toContain('Ce que Dan a noté.');
  });
});
