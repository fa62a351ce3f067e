import { describe, expect, it } from 'vitest';
import { listInvitations, readMemberInvitation } from '@/server/membership/member-invitations';
import { addMembership, makeTree, makeUser, queuedMails, viewerOf } from '@/test/factories';
import { seedDemoMemberInvitations } from './demo-membership';

describe('demo: invitations by e-mail', () => {
  it('leaves pending invitations in Strasbourg-Centre, one expired, whose live links work', () => {
    const tree = makeTree();
    const secretary = makeUser({ email: 'secretaire@coopol.test' });
    addMembership(secretary, tree.section, 'secretary');
    seedDemoMemberInvitations({ now: Date.now(), sections: new Map([['Strasbourg-Centre', tree.section]]), personaBy: () => secretary.id });
    const list = listInvitations(viewerOf(secretary), tree.section.id);
    expect(list.map((i) => i.state).sort()).toEqual(['expired', 'pending', 'pending', 'pending']);
    expect(list.find((i) => i.role === 'secretary')?.message).toMatch(/secrétariat/);
    const link = /\/adhesion\/(\S+)/.exec(queuedMails('lea.fontaine@exemple.fr')[0]!.text)![1]!;
    expect(readMemberInvitation(link).state).toBe('valid');
  });
});
