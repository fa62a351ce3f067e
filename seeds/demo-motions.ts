/**
 * The demo's deciding texts: a congress being prepared. Motions at every stage in
 * Strasbourg-Centre, Colmar and the group « Transition écologique », signed from several sections,
 * amendments in every state (two rival wordings on one passage), a closed vote with its result and
 * one vote open. Everything goes through the domain functions, at dates in the past (`at`), so the
 * timelines, deadlines and jobs are those the app would have written.
 */
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { activities, memberships, pages, polls, spaces, users } from '@/db/schema';
import type { BallotChoice } from '@/lib/domain/enums';
import { loadViewer } from '@/server/auth/load-viewer';
import { createPage } from '@/server/pages/page-service';
import { addSteward } from '@/server/pages/stewards';
import { changeStage } from '@/server/motions/motion-service';
import { signMotion } from '@/server/motions/signatures';
import {
  acceptAmendment,
  proposeAmendment,
  proposeModification,
  putAmendmentToVote,
  rejectAmendment,
  supportAmendment,
  withdrawAmendment,
  type ProposeAmendmentInput,
} from '@/server/amendments/amendment-service';
import { castBallot } from '@/server/votes/polls';
import { closePoll } from '@/server/deliberations/close-polls';
import type { SpaceRow } from '@/server/spaces/queries';
import type { Viewer } from '@/server/policy';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type MotionsContext = {
  now: number;
  sections: Map<string, SpaceRow>;
  groups: Map<string, SpaceRow>;
  sectionMembers: Map<string, string[]>;
  personaBy: (email: string) => string;
};

export function seedDemoMotions(ctx: MotionsContext): void {
  const { now } = ctx;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const v = (id: string): Viewer => loadViewer(id);
  const persona = (email: string) => v(ctx.personaBy(email));
  const ines = persona('militante@coopol.test');
  const camille = persona('secretaire@coopol.test');
  const julien = persona('militant.colmar@coopol.test');
  const membersOf = (section: string) => ctx.sectionMembers.get(section)!;
  const titled = (title: string) => db().select({ id: pages.id }).from(pages).where(eq(pages.title, title)).get()!.id;
  const sign = (pageId: string, ids: string[], daysAgo: number) => ids.forEach((id, i) => signMotion(v(id), pageId, at(daysAgo - i * 0.05)));
  const secretaryOf = (space: SpaceRow) =>
    v(db().select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.spaceId, space.id), eq(memberships.role, 'secretary'))).get()!.id);
  // A motion written `daysAgo` (a day before it was filed): its page and the « a créé » of the stream say so.
  const motion = (author: Viewer, space: SpaceRow, title: string, markdown: string, daysAgo: number) => {
    const id = createPage(author, { spaceId: space.id, title, kind: 'motion', visibility: 'members', status: 'draft', markdown }).id;
    db().update(pages).set({ createdAt: at(daysAgo), updatedAt: at(daysAgo) }).where(eq(pages.id, id)).run();
    db().update(activities).set({ createdAt: at(daysAgo) }).where(eq(activities.pageId, id)).run();
    return id;
  };
  const vote = (pollId: string, voters: string[], choices: BallotChoice[], daysAgo: number) =>
    voters.forEach((id, i) => castBallot(v(id), pollId, choices[i % choices.length], at(daysAgo - i * 0.02)));
  const motionPoll = (pageId: string) => db().select({ id: polls.id }).from(polls).where(and(eq(polls.pageId, pageId), eq(polls.subject, 'motion'))).get()!.id;
  const emailOf = (id: string) => db().select({ email: users.email }).from(users).where(eq(users.id, id)).get()!.email!;

  const sc = ctx.sections.get('Strasbourg-Centre')!;
  const colmar = ctx.sections.get('Colmar')!;
  const green = ctx.groups.get('Transition écologique')!;
  // A motion of Strasbourg-Centre needs 10 signatures from 3 sections before its amendments or its vote.
  db().update(spaces).set({ motionSignatures: 10, motionSections: 3 }).where(eq(spaces.id, sc.id)).run();

  // 1. Strasbourg-Centre — the limited-traffic zone: filed, signed across the Bas-Rhin and Colmar, open for amendments.
  const ztl = titled('Motion : pour une zone à trafic limité au centre-ville');
  db().update(pages).set({ visibility: 'members' }).where(eq(pages.id, ztl)).run(); // read and signed across the party
  changeStage(ines, ztl, { stage: 'filed' }, at(6));
  sign(ztl, [...membersOf('Strasbourg-Centre').slice(2, 9), ...membersOf('Colmar').slice(0, 3), ...membersOf('Schiltigheim').slice(0, 2), membersOf('Strasbourg-Neudorf')[0]!], 5.5);
  changeStage(camille, ztl, { stage: 'amendments', deadline: at(-5) }, at(4));
  const propose = (who: Viewer, raw: ProposeAmendmentInput, daysAgo: number) => proposeAmendment(who, ztl, raw, { now: at(daysAgo) });
  const sc3 = v(membersOf('Strasbourg-Centre')[3]!);
  const sc4 = v(membersOf('Strasbourg-Centre')[4]!);
  const schilik = v(membersOf('Schiltigheim')[0]!);
  // Two rival wordings of one passage, both open, supported from several sections.
  const krutenau = propose(
    sc3,
    { quote: 'sur l’ensemble de la Grande Île', op: 'replace', replacement: 'sur la Grande Île et la Krutenau', justification: 'La Krutenau subit le même trafic de transit : l’exclure reporterait les voitures sur ses rues étroites.' },
    3.5,
  );
  const stepwise = propose(
    julien,
    { quote: 'sur l’ensemble de la Grande Île', op: 'replace', replacement: 'sur la Grande Île, puis sur la Krutenau après un an d’évaluation', justification: 'Commencer par la Grande Île permet de mesurer les effets avant d’étendre la zone.' },
    3.2,
  );
  for (const [id, supporters] of [
    [krutenau.id, [...membersOf('Strasbourg-Centre').slice(5, 9), membersOf('Strasbourg-Neudorf')[1]!]],
    [stepwise.id, [...membersOf('Colmar').slice(0, 2), ...membersOf('Strasbourg-Centre').slice(9, 11)]],
  ] as const) {
    supporters.forEach((s, i) => supportAmendment(v(s), id, { now: at(3 - i * 0.1) }));
  }
  // Accepted by the authors (the amender becomes a co-author); its rival on the same words has lost its object.
  const trams = propose(sc4, { quote: 'Le renforcement des lignes de tram et de bus', op: 'replace', replacement: 'Un tram toutes les cinq minutes aux heures de pointe et des lignes de bus renforcées', justification: 'Une fréquence chiffrée engage davantage qu’un renforcement.' }, 3);
  propose(schilik, { quote: 'Le renforcement des lignes de tram et de bus', op: 'replace', replacement: 'Le doublement des fréquences de tram et de bus', justification: 'Un objectif simple à vérifier.' }, 2.9);
  acceptAmendment(ines, trams.id, {}, { now: at(2) });
  // Rejected, with the reason.
  const taxis = propose(schilik, { quote: 'aux taxis et ', op: 'delete', replacement: '', justification: 'Les taxis sont des voitures comme les autres.' }, 2.8);
  rejectAmendment(ines, taxis.id, { reason: 'Les taxis assurent une grande part des trajets des personnes âgées du centre : les en priver irait contre la motion.' }, { now: at(1.5) });
  // A new wording proposed by the authors, which its amender has not answered yet.
  const concertation = propose(julien, { quote: 'Une concertation réelle', op: 'replace', replacement: 'Une concertation de trois mois', justification: 'Fixer une durée évite une concertation sans fin.' }, 2.5);
  proposeModification(ines, concertation.id, { replacement: 'Une concertation d’au moins trois mois' }, { now: at(1.2) });
  // Withdrawn by its author.
  const artisans = propose(sc3, { quote: 'Quelles dérogations pour les artisans', op: 'replace', replacement: 'Quelles dérogations pour les artisans et les soignants à domicile', justification: 'Les infirmières libérales passent plusieurs fois par jour.' }, 2.2);
  withdrawAmendment(sc3, artisans.id, { now: at(1) });
  // Put to the vote of the section's members, open for two more days.
  const steps = propose(sc4, { quote: 'avant toute mise en œuvre', op: 'replace', replacement: 'avant chaque étape de la mise en œuvre', justification: 'La concertation doit accompagner chaque étape, pas seulement la première.' }, 2);
  const stepsVote = putAmendmentToVote(ines, steps.id, { closesAt: at(-2), quorum: 0, majority: 'simple' }, { now: at(1) });
  vote(stepsVote.pollId, membersOf('Strasbourg-Centre').slice(2, 8), ['for', 'for', 'against', 'for', 'abstain'], 0.8);

  // 2. Strasbourg-Centre — filed two days ago, collecting its signatures.
  const local = motion(
    v(membersOf('Strasbourg-Centre')[5]!),
    sc,
    'Motion : un local de section ouvert à tous',
    '## Exposé des motifs\n\nNotre section se réunit dans des salles prêtées, jamais deux fois au même endroit. Les habitants ne savent pas où nous trouver.\n\n## Dispositif\n\nLa section loue un local en rez-de-chaussée dans le centre, ouvert deux soirs par semaine et le samedi matin, financé par une part des cotisations et une souscription.',
    3,
  );
  changeStage(v(membersOf('Strasbourg-Centre')[5]!), local, { stage: 'filed' }, at(2));
  sign(local, [...membersOf('Strasbourg-Centre').slice(6, 9), membersOf('Strasbourg-Neudorf')[2]!], 1.8);

  // 3. Colmar — the vineyard shuttles: filed, signed in three sections, its vote open until the day after tomorrow.
  const navettes = titled('Proposition : des navettes gratuites vers les villages du vignoble');
  db().update(pages).set({ visibility: 'members' }).where(eq(pages.id, navettes)).run();
  changeStage(julien, navettes, { stage: 'filed' }, at(9));
  sign(navettes, [...membersOf('Colmar').slice(0, 5), ...membersOf('Mulhouse').slice(0, 2), membersOf('Sélestat')[0]!], 8.5);
  changeStage(secretaryOf(colmar), navettes, { stage: 'vote', closesAt: at(-2), quorum: 20, majority: 'simple' }, at(1));
  vote(motionPoll(navettes), membersOf('Colmar').slice(0, 4), ['for', 'for', 'abstain', 'for'], 0.5);

  // 4. Colmar — filed, then withdrawn by its author.
  const twinning = motion(julien, colmar, 'Motion : un jumelage avec une ville du Bade-Wurtemberg', '## Exposé des motifs\n\nColmar et Fribourg partagent un bassin de vie.\n\n## Dispositif\n\nLa section propose un jumelage militant avec nos camarades de Fribourg-en-Brisgau.', 13);
  changeStage(julien, twinning, { stage: 'filed' }, at(12));
  changeStage(julien, twinning, { stage: 'withdrawn' }, at(7));

  // 5. Transition écologique — a bike plan, voted and adopted.
  const groupMembers = db().select({ id: memberships.userId }).from(memberships).where(eq(memberships.spaceId, green.id)).all().map((m) => m.id);
  const bikes = motion(
    ines,
    green,
    'Motion : un plan vélo dans chaque section',
    '## Exposé des motifs\n\nLe vélo est le moyen de transport le moins cher et le plus rapide en ville, mais il manque partout des pistes sûres.\n\n## Dispositif\n\n1. Chaque section recense les trajets dangereux de sa commune.\n2. Le groupe publie une carte commune avant les municipales.\n3. Nos élus défendent un budget vélo d’au moins 30 euros par habitant.',
    21,
  );
  for (const id of groupMembers.filter((id) => id !== ines!.id).slice(0, 1)) addSteward(ines, bikes, { person: emailOf(id) });
  changeStage(ines, bikes, { stage: 'filed' }, at(20));
  sign(bikes, groupMembers.filter((id) => id !== ines!.id).slice(0, 6), 19);
  changeStage(ines, bikes, { stage: 'vote', closesAt: at(3), quorum: 25, majority: 'simple' }, at(10));
  vote(motionPoll(bikes), groupMembers, ['for', 'for', 'against', 'for', 'abstain', 'for'], 8);
  closePoll(motionPoll(bikes), at(3 - 1 / 24));

  // 6. Strasbourg-Centre — merging the sections of the centre: the vote closed below its quorum, rejected.
  const merge = motion(
    camille,
    sc,
    'Motion : fusionner les sections du centre-ville',
    '## Exposé des motifs\n\nStrasbourg-Centre et Strasbourg-Neudorf organisent souvent les mêmes actions.\n\n## Dispositif\n\nLes deux sections fusionnent au 1er janvier.',
    31,
  );
  changeStage(camille, merge, { stage: 'filed' }, at(30));
  sign(merge, [...membersOf('Strasbourg-Centre').slice(2, 10), ...membersOf('Strasbourg-Neudorf').slice(0, 2), membersOf('Schiltigheim')[1]!], 29);
  changeStage(camille, merge, { stage: 'vote', closesAt: at(15), quorum: 50, majority: 'two_thirds' }, at(22));
  vote(motionPoll(merge), membersOf('Strasbourg-Centre').slice(2, 6), ['for', 'against', 'for', 'for'], 20);
  closePoll(motionPoll(merge), at(15 - 1 / 24));

  // Every motion's first step (« Brouillon ») is dated when its page was written, as the demo's pages are.
  db().run(sql`update stage_changes set at = (select created_at from pages where pages.id = stage_changes.page_id) where from_stage is null`);
  db().run(sql`update deliberations set stage_since = (select created_at from pages where pages.id = deliberations.page_id) where stage = 'draft'`);
  // A filed motion whose text no accepted amendment changed reads as its filed version, not « modifié depuis la publication ».
  db().run(
    sql`update pages set content_updated_at = published_at where kind = 'motion' and published_at is not null and content_updated_at > published_at and not exists (select 1 from amendments a where a.page_id = pages.id and a.status = 'accepted')`,
  );
}
