/**
 * The demo's events (issue 12): coming and past, in several sections and a group — a public
 * meeting, a leafleting morning in three shifts, a members-only general assembly in the past with
 * its minutes. Guests and answers are added by the guests' seed, on the ids returned here.
 */
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { activities, memberships, pages } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { createEvent, writeMinutes } from '@/server/events/event-service';
import { fromDateAndTime, toDateAndTime } from '@/server/events/event-time';
import { updatePage } from '@/server/pages/page-service';
import type { Viewer } from '@/server/policy';
import type { SpaceRow } from '@/server/spaces/queries';

const DAY = 86_400_000;

export type EventsContext = {
  now: number;
  sections: Map<string, SpaceRow>;
  groups: Map<string, SpaceRow>;
  personaBy: (email: string) => string;
};

export type DemoEvents = {
  /** Strasbourg-Centre, public, in 12 days, 120 seats. */
  publicMeetingId: string;
  /** Strasbourg-Centre, members of the section, in 5 days, three shifts of 3, 4 and 4. */
  leafletingId: string;
  /** Strasbourg-Centre, members of the section, 20 days ago, with its published minutes. */
  assemblyId: string;
  assemblyMinutesId: string;
  /** Colmar, all party members, in 9 days. */
  colmarOfficeHoursId: string;
  /** Group « Transition écologique », public, in 15 days, 12 seats. */
  groupWorkshopId: string;
  /** Paris 18e, public, 40 days ago. */
  pastPublicId: string;
};

export function seedDemoEvents(ctx: EventsContext): DemoEvents {
  const v = (id: string): Viewer => loadViewer(id);
  const camille = v(ctx.personaBy('secretaire@coopol.test'));
  const ines = v(ctx.personaBy('militante@coopol.test'));
  const sc = ctx.sections.get('Strasbourg-Centre')!;
  const colmar = ctx.sections.get('Colmar')!;
  const paris18 = ctx.sections.get('Paris 18e')!;
  const green = ctx.groups.get('Transition écologique')!;
  const secretaryOf = (space: SpaceRow) =>
    v(db().select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.spaceId, space.id), eq(memberships.role, 'secretary'))).get()!.id);
  // `days` from today (Paris), at a wall-clock time: what an organiser types in the form.
  const on = (days: number, time: string) => {
    const { date } = toDateAndTime(new Date(ctx.now + days * DAY));
    return fromDateAndTime(date, time)!.toISOString();
  };
  // A page written `daysAgo`: its page and the « a créé » of the stream say so.
  const writtenAgo = (pageId: string, daysAgo: number) => {
    const at = new Date(ctx.now - daysAgo * DAY);
    db().update(pages).set({ createdAt: at, updatedAt: at }).where(eq(pages.id, pageId)).run();
    db().update(activities).set({ createdAt: at }).where(eq(activities.pageId, pageId)).run();
  };

  const publicMeetingId = createEvent(camille, sc.id, {
    title: 'Réunion publique : se déplacer à Strasbourg',
    startsAt: on(12, '19:00'),
    endsAt: on(12, '21:00'),
    place: 'Salle de la Bourse, 1 place du Maréchal-de-Lattre-de-Tassigny, 67000 Strasbourg',
    lat: 48.5786,
    lng: 7.7553,
    capacity: 120,
    visibility: 'public',
    markdown:
      '## Quand et où\n\nÀ la salle de la Bourse, accès tram B et C (arrêt Porte de l’Hôpital), salle accessible en fauteuil.\n\n## Programme\n\n- 19 h — Accueil et café\n- 19 h 15 — Le constat : temps de trajet, prix du ticket, pistes cyclables coupées\n- 19 h 45 — Trois propositions de la section, puis la parole à la salle\n- 20 h 45 — Ce que nous portons au conseil de l’Eurométropole\n\n## Contact\n\nUne question, une aide pour venir : écrivez à la section, nous répondons sous 48 heures.',
  }).pageId;
  writtenAgo(publicMeetingId, 6);

  const leafletingId = createEvent(camille, sc.id, {
    title: 'Tractage au marché du Neudorf',
    startsAt: on(5, '08:30'),
    endsAt: on(5, '13:00'),
    place: 'Place du Marché, 67100 Strasbourg-Neudorf',
    slots: [
      { label: 'Première équipe (installation)', startsAt: on(5, '08:30'), endsAt: on(5, '10:00'), capacity: 3 },
      { label: 'Deuxième équipe', startsAt: on(5, '10:00'), endsAt: on(5, '11:30'), capacity: 4 },
      { label: 'Troisième équipe (rangement)', startsAt: on(5, '11:30'), endsAt: on(5, '13:00'), capacity: 4 },
    ],
    visibility: 'space',
    markdown:
      '## Quand et où\n\nRendez-vous devant la fontaine de la place du Marché, côté boulangerie.\n\n## Programme\n\n- Installation de la table et du parasol (première équipe)\n- Distribution du tract « Se déplacer à Strasbourg » et invitations à la réunion publique\n- Rangement et point sur les contacts pris (troisième équipe)\n\n## Matériel\n\n- 600 tracts et 200 invitations (au local)\n- La table pliante et le parasol de la section\n- Un thermos de café\n\n## Contact\n\nCamille (secrétaire de section) coordonne : un empêchement, prévenez-la la veille.',
  }).pageId;
  writtenAgo(leafletingId, 3);

  const assemblyId = createEvent(camille, sc.id, {
    title: 'Assemblée générale de rentrée',
    startsAt: on(-20, '18:30'),
    endsAt: on(-20, '21:30'),
    place: 'Local de la section, 12 rue des Orphelins, 67000 Strasbourg',
    capacity: 60,
    visibility: 'space',
    markdown:
      '## Ordre du jour\n\n1. Bilan de l’été et des fêtes de quartier\n2. Élection du bureau de section\n3. Calendrier de l’automne : réunion publique, tractages, congrès\n4. Motions à déposer pour le congrès\n5. Questions diverses\n\n## Pour venir\n\nAu local, 12 rue des Orphelins ; l’interphone « PS-Centre » est en panne, appelez Camille.',
  }).pageId;
  writtenAgo(assemblyId, 35);
  const assemblyMinutesId = writeMinutes(camille, assemblyId, { locale: 'fr', now: new Date(ctx.now) }).pageId;
  updatePage(camille, assemblyMinutesId, { status: 'published', versionName: 'Compte rendu adopté' });
  writtenAgo(assemblyMinutesId, 19);

  const colmarOfficeHoursId = createEvent(secretaryOf(colmar), colmar.id, {
    title: 'Permanence de la section de Colmar',
    startsAt: on(9, '17:30'),
    endsAt: on(9, '19:30'),
    place: 'Maison des associations, 6 route d’Ingersheim, 68000 Colmar',
    visibility: 'members',
    markdown:
      '## Quand et où\n\nChaque deuxième mercredi du mois, salle 3 de la Maison des associations.\n\n## Programme\n\n- Accueil des nouveaux adhérents et adhérentes\n- Point sur les cotisations\n- Préparation des motions du congrès',
  }).pageId;
  writtenAgo(colmarOfficeHoursId, 2);

  const groupWorkshopId = createEvent(ines, green.id, {
    title: 'Atelier vélo-école : réparer son vélo',
    startsAt: on(15, '14:00'),
    endsAt: on(15, '17:00'),
    place: 'Jardin partagé de l’Esplanade, 67000 Strasbourg',
    capacity: 12,
    visibility: 'public',
    markdown:
      '## Quand et où\n\nAu fond du jardin partagé, sous l’auvent ; repli dans la salle du foyer s’il pleut.\n\n## Programme\n\n- Régler ses freins et changer une chambre à air\n- Éclairage : ce que dit la loi, ce qui marche vraiment\n- Les itinéraires sûrs pour aller au travail\n\n## À apporter\n\nVotre vélo, si vous pouvez. Les outils et les pièces sont fournis par l’atelier.',
  }).pageId;
  writtenAgo(groupWorkshopId, 4);

  const pastPublicId = createEvent(secretaryOf(paris18), paris18.id, {
    title: 'Fête de quartier de la Goutte-d’Or',
    startsAt: on(-40, '15:00'),
    endsAt: on(-40, '20:00'),
    place: 'Square Léon, 75018 Paris',
    visibility: 'public',
    markdown:
      '## Programme\n\n- 15 h — Jeux pour les enfants et atelier de fresque\n- 17 h — Débat : « Le quartier que nous voulons »\n- 18 h 30 — Repas partagé, chacun apporte un plat\n\n## Contact\n\nLa section Paris 18e, au square Léon dès 14 h.',
  }).pageId;
  writtenAgo(pastPublicId, 55);

  return { publicMeetingId, leafletingId, assemblyId, assemblyMinutesId, colmarOfficeHoursId, groupWorkshopId, pastPublicId };
}
