/**
 * The event rows of the policy (the permission matrix's pages are documents): `manageEvent` (an
 * event's organisers: its creator, the co-authors they name, the space's animators and above) and
 * `rsvp` (a published event the viewer reads; an anonymous visitor of a public one), over every
 * visibility and status, checked through canPage and through the event service.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageStewards } from '@/db/schema';
import { VISIBILITIES, type Visibility } from '@/lib/domain/enums';
import { loadPage } from '@/server/pages/load-page';
import { addSteward } from '@/server/pages/stewards';
import { canPage } from '@/server/policy';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf, type Tree, type UserRow } from '@/test/factories';
import { createEvent, updateEvent } from './event-service';

type Role = 'creator' | 'coAuthor' | 'outsideCoAuthor' | 'secretary' | 'federationSecretary' | 'member' | 'otherSection' | 'citizen' | 'anonymous' | 'admin';
const ROLES: Role[] = ['creator', 'coAuthor', 'outsideCoAuthor', 'secretary', 'federationSecretary', 'member', 'otherSection', 'citizen', 'anonymous', 'admin'];

let tree: Tree;
const people = {} as Record<Exclude<Role, 'anonymous'>, UserRow>;
const events: { id: string; visibility: Visibility; status: 'draft' | 'published' }[] = [];

beforeAll(() => {
  tree = makeTree('PolitiqueEvt');
  people.creator = makeUser({ name: 'Organisatrice' });
  people.coAuthor = makeUser({ name: 'Co-organisateur' });
  // Named co-author from another section: co-writes the agenda, never sees the section's guests.
  people.outsideCoAuthor = makeUser({ name: 'Co-autrice voisine' });
  people.secretary = makeUser({ name: 'Secrétaire' });
  people.federationSecretary = makeUser({ name: 'Secrétaire fédé' });
  people.member = makeUser({ name: 'Membre' });
  people.otherSection = makeUser({ name: 'Voisine' });
  people.citizen = makeUser({ siteRole: 'citizen', name: 'Citoyen' });
  people.admin = makeUser({ siteRole: 'admin', name: 'Admin' });
  addMembership(people.creator, tree.section);
  addMembership(people.coAuthor, tree.section);
  addMembership(people.member, tree.section);
  addMembership(people.secretary, tree.section, 'secretary');
  addMembership(people.federationSecretary, tree.federation, 'secretary');
  addMembership(people.otherSection, tree.otherSection);
  addMembership(people.outsideCoAuthor, tree.otherSection);
  for (const visibility of VISIBILITIES) {
    for (const status of ['draft', 'published'] as const) {
      const { pageId } = createEvent(viewerOf(people.creator), tree.section.id, { title: `Événement ${visibility} ${status}`, startsAt: '2031-05-01T18:00', endsAt: '2031-05-01T20:00', place: 'Local', visibility, status });
      addSteward(viewerOf(people.creator), pageId, { person: 'Co-organisateur' });
      // Named while she was of the section, before she moved to the other one.
      db().insert(pageStewards).values({ pageId, userId: people.outsideCoAuthor.id, addedBy: people.creator.id }).run();
      events.push({ id: pageId, visibility, status });
    }
  }
});

const viewer = (role: Role) => (role === 'anonymous' ? null : viewerOf(people[role]));

/** Who reads an event page (the read rule, written out for these roles). */
function reads(role: Role, e: { visibility: Visibility; status: string }): boolean {
  if (role === 'admin') return true;
  if (e.status === 'draft') return ['creator', 'coAuthor', 'outsideCoAuthor', 'secretary', 'federationSecretary'].includes(role);
  if (e.visibility === 'public') return true;
  if (role === 'citizen' || role === 'anonymous') return false;
  if (e.visibility === 'members') return true;
  return role !== 'otherSection' && role !== 'outsideCoAuthor';
}

const organises = (role: Role) => ['creator', 'coAuthor', 'secretary', 'federationSecretary', 'admin'].includes(role);

describe('event policy', () => {
  it('manageEvent: the organisers of an event they read; rsvp: whoever reads a published event', () => {
    const mismatches: string[] = [];
    for (const e of events) {
      const ref = loadPage(e.id).ref;
      for (const role of ROLES) {
        const read = reads(role, e);
        const want = { read, manageEvent: read && organises(role), rsvp: read && e.status === 'published' };
        for (const action of ['read', 'manageEvent', 'rsvp'] as const) {
          if (canPage(viewer(role), action, ref) !== want[action]) mismatches.push(`${role} ${action} ${e.visibility}/${e.status}: expected ${want[action]}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('neither on a page that is not an event', () => {
    const doc = loadPage(makePage(people.creator, tree.section, { status: 'published', visibility: 'public' }).id).ref;
    for (const role of ROLES) {
      expect(canPage(viewer(role), 'manageEvent', doc)).toBe(false);
      expect(canPage(viewer(role), 'rsvp', doc)).toBe(false);
    }
  });

  it('the service follows it: a named co-author changes the event, a member is refused (403), a non-reader gets 404', () => {
    const e = events.find((x) => x.visibility === 'space' && x.status === 'published')!;
    expect(updateEvent(viewerOf(people.coAuthor), e.id, { place: 'Salle des fêtes' }).place).toBe('Salle des fêtes');
    expect(updateEvent(viewerOf(people.federationSecretary), e.id, { capacity: 30 }).capacity).toBe(30);
    expectAppError(() => updateEvent(viewerOf(people.member), e.id, { place: 'Ailleurs' }), 'forbidden');
    expectAppError(() => updateEvent(viewerOf(people.otherSection), e.id, { place: 'Ailleurs' }), 'not_found');
    expectAppError(() => updateEvent(viewerOf(people.citizen), e.id, { place: 'Ailleurs' }), 'not_found');
    expectAppError(() => updateEvent(null, e.id, { place: 'Ailleurs' }), 'unauthorized');
  });
});
