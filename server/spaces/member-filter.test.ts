/**
 * Finding a member by part of the name, case and accents aside; by e-mail address only for
 * those who manage the members (and see the addresses).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, expectAppError, makeTree, makeUser, viewerOf, type Tree, type UserRow } from '@/test/factories';
import { countMatchingMembers, listMembers } from './queries';

let tree: Tree;
let secretary: UserRow;
let member: UserRow;
let outsider: UserRow;

beforeAll(() => {
  tree = makeTree('Filtre');
  secretary = makeUser({ name: 'Sandrine Secrétaire' });
  member = makeUser({ name: 'Marc Militant' });
  outsider = makeUser({ name: 'Odile Ailleurs' });
  addMembership(secretary, tree.section, 'secretary');
  addMembership(member, tree.section);
  addMembership(outsider, tree.otherSection);
  addMembership(makeUser({ name: 'Inès Moreau', email: 'ines.moreau@coopol.test' }), tree.section);
  addMembership(makeUser({ name: 'Hélène Dubois', email: 'h.dubois@coopol.test' }), tree.section);
  addMembership(makeUser({ name: 'Paul 100% Martin', email: 'paul@coopol.test' }), tree.section);
});

const names = (viewer: UserRow, q: string) => listMembers(viewerOf(viewer), tree.section.id, { q }).data.map((m) => m.name);

describe('member filter', () => {
  it('matches part of a name whatever the case and accents', () => {
    expect(names(member, 'ines')).toEqual(['Inès Moreau']);
    expect(names(member, 'HÉLÈNE')).toEqual(['Hélène Dubois']);
    expect(names(member, 'mo')).toEqual(['Inès Moreau']);
    expect(countMatchingMembers(viewerOf(member), tree.section.id, 'helene')).toBe(1);
    expect(names(member, '   ')).toHaveLength(5); // blank: everyone
  });

  it('takes % and _ literally', () => {
    expect(names(member, '100%')).toEqual(['Paul 100% Martin']);
    expect(names(member, '%')).toEqual(['Paul 100% Martin']);
    expect(names(member, '_')).toEqual([]);
  });

  it('searches e-mail addresses only for those who manage the members', () => {
    expect(names(secretary, 'h.dubois@')).toEqual(['Hélène Dubois']);
    expect(names(member, 'h.dubois@')).toEqual([]);
    expect(countMatchingMembers(viewerOf(member), tree.section.id, 'h.dubois@')).toBe(0);
  });

  it('answers only those who may see the list', () => {
    expectAppError(() => listMembers(viewerOf(outsider), tree.section.id, { q: 'ines' }), 'forbidden');
    expectAppError(() => countMatchingMembers(viewerOf(outsider), tree.section.id, 'ines'), 'forbidden');
  });
});
