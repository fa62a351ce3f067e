/**
 * The members list: what each person recently wrote in the space (pages the viewer may read, with
 * the date of their own last edit), and addresses only to those who manage the space.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordActivity } from '@/server/activity/record-activity';
import { listMembers } from '@/server/spaces/queries';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf, type Tree } from '@/test/factories';
import { recentWritingOf } from './member-queries';

let tree: Tree;
beforeAll(() => {
  tree = makeTree();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('recentWritingOf', () => {
  it('gives each member’s last three pages of this space, newest first, only those the viewer reads', () => {
    const writer = makeUser({ name: 'Wanda' });
    addMembership(writer, tree.section);
    const reader = makeUser();
    addMembership(reader, tree.section);
    const day = (n: number) => new Date(Date.UTC(2026, 10, n, 10));
    const pages = [1, 2, 3, 4].map((n) => {
      vi.useFakeTimers({ toFake: ['Date'], now: day(n) });
      const p = makePage(writer, tree.section, { title: `Compte rendu ${n}`, visibility: 'space', status: 'published' });
      vi.useRealTimers();
      return p;
    });
    // A draft of hers, newer than all: she sees it, another member does not.
    vi.useFakeTimers({ toFake: ['Date'], now: day(20) });
    makePage(writer, tree.section, { title: 'Brouillon', status: 'draft' });
    vi.useRealTimers();
    // An edit of the oldest page, later: it comes first among those she wrote.
    recordActivity(pages[0]!.id, writer.id, 'edited', day(10));
    // Elsewhere: not listed.
    const otherWriter = makeUser();
    addMembership(otherWriter, tree.otherSection);
    makePage(otherWriter, tree.otherSection, { title: 'Ailleurs', status: 'published', visibility: 'members' });

    const forReader = recentWritingOf(viewerOf(reader), tree.section.id, [writer.id, reader.id]);
    expect(forReader.get(writer.id)!.map((w) => w.title)).toEqual(['Compte rendu 1', 'Compte rendu 4', 'Compte rendu 3']);
    expect(forReader.get(writer.id)![1]!.at).toEqual(day(4));
    expect(forReader.get(writer.id)![0]!.pageId).toBe(pages[0]!.id);
    expect(forReader.has(reader.id)).toBe(false);
    const forHerself = recentWritingOf(viewerOf(writer), tree.section.id, [writer.id]);
    expect(forHerself.get(writer.id)!.map((w) => w.title)).toEqual(['Brouillon', 'Compte rendu 1', 'Compte rendu 4']);
  });

  it('follows the members list’s rule: an outsider is refused', () => {
    const outsider = makeUser();
    addMembership(outsider, tree.otherSection);
    expectAppError(() => recentWritingOf(viewerOf(outsider), tree.section.id, []), 'forbidden');
  });
});

describe('addresses in the members list', () => {
  it('a plain member’s payload holds no address; the secretary’s does', () => {
    const secretary = makeUser();
    addMembership(secretary, tree.section, 'secretary');
    const plain = makeUser({ email: `discrete-${crypto.randomUUID()}@exemple.fr` });
    addMembership(plain, tree.section);
    const asMember = JSON.stringify(listMembers(viewerOf(plain), tree.section.id));
    expect(asMember).not.toMatch(/@/);
    const asSecretary = listMembers(viewerOf(secretary), tree.section.id);
    expect(asSecretary.data.find((m) => m.userId === plain.id)?.email).toBe(plain.email);
  });
});
