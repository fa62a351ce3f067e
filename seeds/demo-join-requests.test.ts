import { describe, expect, it } from 'vitest';
import { listSpaceRequests, listSpacesAwaitingDecision } from '@/server/membership/join-requests';
import { createSubspace } from '@/server/spaces/space-service';
import { addMembership, makeGroup, makeTree, makeUser, queuedMails, siteBuilder, viewerOf } from '@/test/factories';
import { seedDemoJoinRequests } from './demo-membership';

describe('demo: join requests', () => {
  it('leaves pending requests: two citizens and a transfer into Strasbourg-Centre, a citizen into Colmar, a member into a group on request; no mail sent at start', () => {
    const tree = makeTree();
    const admin = viewerOf(siteBuilder());
    const mulhouse = createSubspace(admin, { parentId: tree.federation.id, name: 'Mulhouse démo' });
    const neudorf = createSubspace(admin, { parentId: tree.federation.id, name: 'Neudorf démo' });
    const secretary = makeUser({ email: 'secretaire.demo@example.org' });
    addMembership(secretary, tree.section, 'secretary');
    const mover = makeUser({ name: 'Aline Mobile' });
    addMembership(mover, mulhouse);
    const feminist = makeUser({ name: 'Bérénice Égalité' });
    addMembership(feminist, neudorf);
    const groupAdmin = makeUser();
    addMembership(groupAdmin, neudorf);
    const group = makeGroup(groupAdmin, { isOpen: false });

    seedDemoJoinRequests({
      now: Date.now(),
      sections: new Map([
        ['Strasbourg-Centre', tree.section],
        ['Colmar', tree.otherSection],
        ['Mulhouse', mulhouse],
        ['Strasbourg-Neudorf', neudorf],
      ]),
      groups: new Map([['Féminisme et égalité', group]]),
    });

    const here = listSpaceRequests(viewerOf(secretary), tree.section.id);
    expect(here.map((r) => r.kind).sort()).toEqual(['join', 'join', 'transfer']);
    expect(here.find((r) => r.kind === 'transfer')).toMatchObject({ person: { id: mover.id }, fromSpace: { id: mulhouse.id } });
    expect(here.filter((r) => r.kind === 'join').every((r) => r.message.length > 0)).toBe(true);
    expect(listSpaceRequests(viewerOf(groupAdmin), group.id)).toMatchObject([{ kind: 'group', person: { id: feminist.id } }]);
    expect(listSpacesAwaitingDecision(viewerOf(secretary))).toEqual([{ space: { id: tree.section.id, name: tree.section.name, kind: 'section' }, count: 3 }]);
    expect(queuedMails(secretary.email!)).toEqual([]);
  });
});
