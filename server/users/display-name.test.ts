import { describe, expect, it } from 'vitest';
import { addMembership, makeGroup, makeTree, makeUser } from '@/test/factories';
import { deleteAccount } from './account-service';
import { displayName, displayNameOf } from './display-name';

describe('displayName', () => {
  it('a person who set a name is shown by it', () => {
    expect(displayName({ name: '  Inès Moreau ' })).toBe('Inès Moreau');
  });

  it('a person without a name is « Membre de <section> », never their address', () => {
    expect(displayName({ name: null }, { sectionName: 'Colmar' })).toBe('Membre de Colmar');
    expect(displayName({ name: '  ' }, { sectionName: 'Colmar', locale: 'en' })).toBe('Member of Colmar');
    expect(displayName({ name: null })).toBe('Un·e membre');
    expect(displayName({ name: null, deletedAt: new Date() }, { sectionName: 'Colmar' })).toBe('Ancien membre');
  });

  it('displayNameOf finds the section of a nameless member, groups aside', () => {
    const tree = makeTree('Noms');
    const nameless = makeUser({ name: '', email: 'sans.nom@coopol.test' });
    makeGroup(nameless, { name: 'Un groupe avant la section' });
    addMembership(nameless, tree.section);
    expect(displayNameOf(nameless.id)).toBe(`Membre de ${tree.section.name}`);
    expect(displayNameOf(nameless.id, 'en')).toBe(`Member of ${tree.section.name}`);
    const named = makeUser({ name: 'Paul' });
    expect(displayNameOf(named.id)).toBe('Paul');
    expect(displayNameOf(makeUser({ name: '', siteRole: 'citizen' }).id)).toBe('Un·e membre');
    deleteAccount(named.id);
    expect(displayNameOf(named.id)).toBe('Ancien membre');
  });
});
