/**
 * The demo database: territories, groups, ~300 members, the personas and ~60 pages, all written
 * through the domain functions (so the demo obeys the same rules as real use), in one
 * transaction so that a failed seed leaves nothing behind.
 */
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { activities, memberships, pageDocs, pages, users } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { createPage, updatePage } from '@/server/pages/page-service';
import { movePage } from '@/server/pages/tree';
import { addSteward } from '@/server/pages/stewards';
import { seedDemoMotions } from './demo-motions';
import { seedDemoEvents, type DemoEvents } from './demo-events';
import { seedDemoEventGuests } from './demo-event-guests';
import { seedDemoJoinRequests, seedDemoMemberInvitations } from './demo-membership';
import { pageRevision } from '@/server/pages/based-write';
import { publishNewVersion } from '@/server/versions/version-service';
import { acceptInvitation, addMember, createGroup, createSubspace, ensureNationalSpace, joinGroup } from '@/server/spaces/space-service';
import type { SpaceRow } from '@/server/spaces/queries';
import type { Viewer } from '@/server/policy';
import {
  FEDERATIONS,
  GROUPS,
  NATIONAL_NAME,
  PAGES,
  TEMPLATED_SECTIONS,
  sectionHomeMarkdown,
  sectionReportMarkdown,
  type AuthorRef,
  type PageSpec,
} from './demo-content';
import { insertUser, personAt } from './people';
import { DEMO_PERSONAS } from './personas';

export { DEMO_PERSONAS, type DemoPersona } from './personas';

/** Generated members of the demo (personas come on top). */
export const DEMO_MEMBER_COUNT = 300;

const HOUR = 3_600_000;

/** Extra members on top of 7 per section, so that a few sections look bigger. */
const EXTRA_MEMBERS: Record<string, number> = {
  'Strasbourg-Centre': 15,
  Colmar: 6,
  Mulhouse: 7,
  'Paris 11e': 5,
  'Paris 18e': 5,
  'Paris 20e': 5,
  'Strasbourg-Neudorf': 4,
  Schiltigheim: 4,
  Haguenau: 4,
};
const BASE_MEMBERS = 7;

/** Which section's n-th generated member creates (and so animates) each group. */
const GROUP_FOUNDERS: Record<string, { section: string; index: number } | { persona: string }> = {
  'Transition écologique': { persona: 'militante@coopol.test' },
  'Logement pour tous': { section: 'Paris 18e', index: 1 },
  'Services publics ruraux': { section: 'Saverne', index: 1 },
  'Numérique libre': { section: 'Schiltigheim', index: 2 },
  'Féminisme et égalité': { section: 'Paris 20e', index: 1 },
  Jeunes: { section: 'Sélestat', index: 1 },
};

export type DemoSeed = {
  adminId: string;
  national: SpaceRow;
  federations: Map<string, SpaceRow>;
  sections: Map<string, SpaceRow>;
  groups: Map<string, SpaceRow>;
  /** e-mail → user id, for the personas. */
  personaIds: Map<string, string>;
  /** Generated people used so far: `personAt(n)` for n ≥ this is free. */
  peopleUsed: number;
  /** The demo's events (page ids), for the guests' seed. */
  events: DemoEvents;
};

/** Seeds the demo only on a database without any account; says whether it did. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const count = db().select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  if (count > 0) return false;
  await seedDemo();
  return true;
}

export async function seedDemo(): Promise<DemoSeed> {
  // better-sqlite3 nests the domain functions' own transactions as savepoints inside this one.
  return db().$client.transaction(seedDemoSync)();
}

function seedDemoSync(): DemoSeed {
  const now = Date.now();
  const personaIds = new Map<string, string>();
  const personaBy = (email: string): string => personaIds.get(email)!;
  for (const p of DEMO_PERSONAS) {
    const siteRole = p.email === 'admin@coopol.test' ? 'admin' : 'citizen';
    personaIds.set(p.email, insertUser({ email: p.email, name: p.name, siteRole, createdAt: new Date(now - 400 * 24 * HOUR) }));
  }
  const adminId = personaBy('admin@coopol.test');
  const admin = () => loadViewer(adminId);

  // Territories.
  const national = ensureNationalSpace(NATIONAL_NAME);
  const federations = new Map<string, SpaceRow>();
  const sections = new Map<string, SpaceRow>();
  for (const f of FEDERATIONS) {
    const fed = createSubspace(admin(), { parentId: national.id, name: f.name, description: f.description });
    federations.set(f.name, fed);
    for (const name of f.sections) {
      sections.set(name, createSubspace(admin(), { parentId: fed.id, name, description: `La section ${name} de la fédération ${f.name}.` }));
    }
  }

  // Generated members: the first of each section is its secretary, except where a persona is.
  const sectionMembers = new Map<string, string[]>();
  const secretaries = new Map<string, string>();
  let n = 0;
  for (const [name, section] of sections) {
    const ids: string[] = [];
    const count = BASE_MEMBERS + (EXTRA_MEMBERS[name] ?? 0);
    for (let i = 0; i < count; i++, n++) {
      const person = personAt(n);
      const id = insertUser({ ...person, createdAt: new Date(now - ((n * 37) % 700) * 24 * HOUR - 30 * 24 * HOUR) });
      const isSecretary = i === 0 && name !== 'Strasbourg-Centre';
      const by = isSecretary || !secretaries.has(section.id) ? admin() : loadViewer(secretaries.get(section.id)!);
      addMember(by, section.id, { email: person.email, role: isSecretary ? 'secretary' : 'member' });
      if (isSecretary) secretaries.set(section.id, id);
      ids.push(id);
    }
    sectionMembers.set(name, ids);
  }

  // Personas' places.
  const sc = sections.get('Strasbourg-Centre')!;
  const basRhin = federations.get('Bas-Rhin')!;
  addMember(admin(), sc.id, { email: 'secretaire@coopol.test', role: 'secretary' });
  secretaries.set(sc.id, personaBy('secretaire@coopol.test'));
  addMember(loadViewer(personaBy('secretaire@coopol.test')), sc.id, { email: 'militante@coopol.test' });
  addMember(admin(), sections.get('Schiltigheim')!.id, { email: 'federation@coopol.test' });
  addMember(admin(), basRhin.id, { email: 'federation@coopol.test', role: 'secretary' });
  secretaries.set(basRhin.id, personaBy('federation@coopol.test'));
  addMember(loadViewer(secretaries.get(sections.get('Colmar')!.id)!), sections.get('Colmar')!.id, { email: 'militant.colmar@coopol.test' });
  sectionMembers.get('Strasbourg-Centre')!.unshift(personaBy('secretaire@coopol.test'), personaBy('militante@coopol.test'));
  sectionMembers.get('Colmar')!.push(personaBy('militant.colmar@coopol.test'));
  // The other federations are animated by a member of their largest section.
  for (const [fed, section] of [['Haut-Rhin', 'Mulhouse'], ['Paris', 'Paris 11e']] as const) {
    const id = sectionMembers.get(section)![1]!;
    const email = db().select({ email: users.email }).from(users).where(eq(users.id, id)).get()!.email!;
    addMember(admin(), federations.get(fed)!.id, { email, role: 'secretary' });
    secretaries.set(federations.get(fed)!.id, id);
  }

  // Groups: founded by a member, joined by members from every federation.
  const groups = new Map<string, SpaceRow>();
  const groupMembers = new Map<string, string[]>();
  for (const g of GROUPS) {
    const founder = GROUP_FOUNDERS[g.name]!;
    const founderId = 'persona' in founder ? personaBy(founder.persona) : sectionMembers.get(founder.section)![founder.index]!;
    const group = createGroup(loadViewer(founderId), { name: g.name, description: g.description, isOpen: g.isOpen });
    groups.set(g.name, group);
    groupMembers.set(g.name, [founderId]);
    secretaries.set(group.id, founderId);
  }
  const join = (groupName: string, userId: string) => {
    const group = groups.get(groupName)!;
    const members = groupMembers.get(groupName)!;
    if (members.includes(userId)) return;
    if (group.isOpen) joinGroup(loadViewer(userId), group.id);
    else {
      const email = db().select({ email: users.email }).from(users).where(eq(users.id, userId)).get()!.email!;
      // A closed group: its animator invites, the person accepts.
      addMember(loadViewer(members[0]!), group.id, { email });
      acceptInvitation(loadViewer(userId), group.id);
    }
    members.push(userId);
  };
  join('Transition écologique', personaBy('militant.colmar@coopol.test'));
  join('Transition écologique', personaBy('secretaire@coopol.test'));
  join('Logement pour tous', personaBy('militante@coopol.test'));
  const personaSet = new Set(personaIds.values());
  let k = 0;
  for (const ids of sectionMembers.values()) {
    for (const id of ids) {
      k++;
      if (personaSet.has(id)) continue;
      // About 40 % of members in one group, 10 % in a second one.
      if (k % 5 < 2) join(GROUPS[k % GROUPS.length]!.name, id);
      if (k % 10 === 3) join(GROUPS[(k + 2) % GROUPS.length]!.name, id);
    }
  }

  // Pages.
  const spaceOf = (key: string): SpaceRow => {
    if (key === 'national') return national;
    const [kind, name] = key.split(/:(.*)/s) as [string, string];
    const found = kind === 'federation' ? federations.get(name) : kind === 'section' ? sections.get(name) : groups.get(name);
    if (!found) throw new Error(`Unknown demo space ${key}`);
    return found;
  };
  const membersOf = (space: SpaceRow): string[] =>
    space.kind === 'group' ? groupMembers.get(space.name)! : space.kind === 'section' ? sectionMembers.get(space.name)! : [];
  const who = (ref: AuthorRef, space: SpaceRow): Viewer => {
    if ('persona' in ref) return loadViewer(personaBy(ref.persona));
    if ('secretaryOf' in ref) return loadViewer(space.kind === 'national' ? adminId : secretaries.get(space.id)!);
    return loadViewer(membersOf(space)[ref.index]!);
  };

  const specs: PageSpec[] = [...PAGES];
  TEMPLATED_SECTIONS.forEach((s, i) => {
    const space = `section:${s.name}`;
    specs.push(
      { space, title: `Section ${s.name}`, kind: 'section', visibility: 'public', status: 'published', author: { secretaryOf: 'space' }, ageHours: 200 + i * 37, markdown: sectionHomeMarkdown(s) },
      { space, title: `Compte rendu de la réunion mensuelle — ${s.name}`, visibility: 'space', status: 'published', author: { secretaryOf: 'space' }, ageHours: 30 + i * 11, markdown: sectionReportMarkdown(s) },
    );
  });

  for (const spec of specs) {
    const space = spaceOf(spec.space);
    const author = who(spec.author, space);
    // With editors, the author writes the first sections and each editor adds one more (the
    // last editor the last one); a published page is published again once its text is whole, so
    // the public reads all of it and nothing shows as "modifié depuis la publication".
    const editors = spec.editors ?? [];
    const cuts: number[] = [];
    for (let at = spec.markdown.indexOf('\n## '); at > 0; at = spec.markdown.indexOf('\n## ', at + 1)) cuts.push(at);
    const steps = cuts.slice(-editors.length);
    const upTo = (i: number) => (i < steps.length ? spec.markdown.slice(0, steps[i]) : spec.markdown);
    const published = spec.status !== 'draft';
    const created = createPage(author, {
      spaceId: space.id,
      title: spec.title,
      kind: spec.kind ?? 'document',
      visibility: spec.visibility,
      status: spec.status === 'archived' ? 'published' : spec.status,
      markdown: editors.length ? upTo(0) : spec.markdown,
    });
    // A draft motion is written by its authors only: its first signatory names the others co-authors first.
    if (spec.kind === 'motion') for (const editor of editors) addSteward(author, created.id, { person: emailOf(who(editor, space)) });
    editors.slice(0, steps.length).forEach((editor, i) => updatePage(who(editor, space), created.id, { markdown: upTo(i + 1), baseRevision: pageRevision(created.id) }));
    if (published && steps.length) publishNewVersion(author, created.id);
    if (spec.status === 'archived') updatePage(author, created.id, { status: 'archived' });
    backdate(created.id, spec, now);
  }

  // A small tree: the section's page holds its assemblies, a diagnosis its contribution.
  const secretary = loadViewer(personaBy('secretaire@coopol.test'));
  const idOf = (title: string) => db().select({ id: pages.id }).from(pages).where(and(eq(pages.spaceId, sc.id), eq(pages.title, title))).get()!.id;
  for (const [parent, children] of DEMO_TREE) {
    let after: string | null = null;
    for (const child of children) {
      movePage(secretary, idOf(child), { parentId: idOf(parent), afterId: after });
      after = idOf(child);
    }
  }

  // Members joined over the past months; two of Strasbourg-Centre only this week (their secretary's home shows them).
  db().update(memberships).set({ createdAt: new Date(now - 90 * 24 * HOUR) }).run();
  sectionMembers
    .get('Strasbourg-Centre')!
    .slice(-2)
    .forEach((id, i) => db().update(memberships).set({ createdAt: new Date(now - (2 + 3 * i) * 24 * HOUR) }).where(and(eq(memberships.userId, id), eq(memberships.spaceId, sc.id))).run());

  // The deciding texts: a congress being prepared.
  seedDemoMotions({ now, sections, groups, sectionMembers, personaBy });
  // The section's life: coming and past events.
  const events = seedDemoEvents({ now, sections, groups, personaBy });
  seedDemoEventGuests({ now, events, sections, groups, sectionMembers, personaBy });
  seedDemoMemberInvitations({ now, sections, personaBy });
  seedDemoJoinRequests({ now, sections, groups });

  return { adminId, national, federations, sections, groups, personaIds, peopleUsed: n, events };
}

/** A person's address, to name them (as the screen does). */
function emailOf(v: Viewer): string {
  return db().select({ email: users.email }).from(users).where(eq(users.id, v!.id)).get()!.email!;
}

/** Pages of Strasbourg-Centre nested under another, in order. */
const DEMO_TREE: [string, string[]][] = [
  ['Section Strasbourg-Centre', ['Ordre du jour de la prochaine assemblée générale', 'Compte rendu de l’assemblée générale d’octobre']],
  ['Diagnostic : le logement étudiant à Strasbourg', ['Contribution au chapitre 2 : se loger quand on a vingt ans']],
];

/** Spreads the pages over time, so lists and "recent changes" look like a living party. */
function backdate(pageId: string, spec: PageSpec, now: number): void {
  const updatedAt = new Date(now - spec.ageHours * HOUR);
  const createdAt = new Date(updatedAt.getTime() - Math.min(spec.ageHours * 0.5 + 48, 45 * 24) * HOUR);
  const publishedAt = spec.status === 'draft' ? null : new Date((createdAt.getTime() + updatedAt.getTime()) / 2);
  db().update(pages).set({ createdAt, updatedAt, publishedAt }).where(eq(pages.id, pageId)).run();
  db().update(pageDocs).set({ updatedAt }).where(eq(pageDocs.pageId, pageId)).run();
  // The activity stream tells the same story: created then, changed and published since.
  db()
    .update(activities)
    .set({ createdAt: sql`case when ${activities.verb} = 'created' then ${createdAt.getTime()} else ${updatedAt.getTime()} end` })
    .where(eq(activities.pageId, pageId))
    .run();
}
