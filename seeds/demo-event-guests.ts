/**
 * The demo events' guests (issue 12), through the domain functions: the public meeting's
 * invitations to the section and to outside addresses (some pending), answers of every kind,
 * anonymous sign-ups (one still to confirm), the leafleting morning's shifts with one full and a
 * waiting list, the group's workshop full with its waiting list, and the past assembly's
 * attendance checked in at the door. Answers are dated when they were given.
 */
import { and, eq, gt, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { eventGuests, jobs } from '@/db/schema';
import type { EventResponse } from '@/lib/domain/enums';
import { loadViewer } from '@/server/auth/load-viewer';
import { checkIn, inviteGuests, loadEvent, registerAnonymously, respond, respondWithToken } from '@/server/events/guests';
import { issueRsvpToken } from '@/server/events/rsvp-tokens';
import { BULK_MAIL_QUEUE } from '@/server/mail/outbox';
import type { SpaceRow } from '@/server/spaces/queries';
import type { DemoEvents } from './demo-events';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type GuestsContext = {
  now: number;
  events: DemoEvents;
  sections: Map<string, SpaceRow>;
  groups: Map<string, SpaceRow>;
  sectionMembers: Map<string, string[]>;
  personaBy: (email: string) => string;
};

/** Outside guests invited by address (example.org addresses: nobody's account). */
const OUTSIDERS = ['lea.martin@exemple.org', 'karim.benali@exemple.org', 'association.velo@exemple.org'];

export function seedDemoEventGuests(ctx: GuestsContext): void {
  const d = db();
  // The mails these invitations would have sent, days ago: not sent again when the demo starts.
  const lastJob = d.select({ id: jobs.id }).from(jobs).orderBy(jobs.id).all().at(-1)?.id ?? 0;
  const at = (daysAgo: number, hours = 0) => new Date(ctx.now - daysAgo * DAY + hours * HOUR);
  const camille = loadViewer(ctx.personaBy('secretaire@coopol.test'));
  const ines = loadViewer(ctx.personaBy('militante@coopol.test'));
  const strasbourg = ctx.sectionMembers.get('Strasbourg-Centre')!.filter((id) => id !== camille!.id);
  const guestOf = (eventId: string, userId: string) =>
    d.select().from(eventGuests).where(and(eq(eventGuests.eventId, eventId), eq(eventGuests.userId, userId))).get()!;
  const answerAs = (userId: string, eventId: string, response: EventResponse, when: Date, slotId?: string) =>
    respond(loadViewer(userId), eventId, { response, slotId }, { now: when });
  const byLink = (eventId: string, guestId: string, response: EventResponse, when: Date) =>
    respondWithToken(issueRsvpToken(eventId, guestId, loadEvent(eventId).event.endsAt, when.getTime()), { response }, { now: when });

  // Public meeting (120 seats): the section invited 5 days ago, answers since; outsiders by address.
  const meeting = ctx.events.publicMeetingId;
  inviteGuests(camille, meeting, { spaceId: ctx.sections.get('Strasbourg-Centre')!.id }, { now: at(5) });
  inviteGuests(camille, meeting, { emails: OUTSIDERS }, { now: at(4) });
  const pattern: EventResponse[] = ['yes', 'yes', 'maybe', 'yes', 'no', 'yes', 'maybe', 'yes'];
  strasbourg.slice(0, Math.min(strasbourg.length - 4, 16)).forEach((id, i) => answerAs(id, meeting, pattern[i % pattern.length]!, at(4, i)));
  const lea = d.select().from(eventGuests).where(and(eq(eventGuests.eventId, meeting), eq(eventGuests.email, OUTSIDERS[0]!))).get()!;
  byLink(meeting, lea.id, 'yes', at(3));
  // A citizen answers on the page; two visitors signed up, one confirmed by the link.
  respond(loadViewer(ctx.personaBy('citoyen@coopol.test')), meeting, { response: 'yes' }, { now: at(2) });
  registerAnonymously(meeting, { response: 'yes', email: 'paul.durand@exemple.org', name: 'Paul Durand' }, { now: at(2) });
  const paul = d.select().from(eventGuests).where(and(eq(eventGuests.eventId, meeting), eq(eventGuests.email, 'paul.durand@exemple.org'))).get()!;
  byLink(meeting, paul.id, 'yes', at(2, 1));
  registerAnonymously(meeting, { response: 'maybe', email: 'sophie.leroy@exemple.org', name: 'Sophie Leroy' }, { now: at(1) });

  // Leafleting in three shifts (3, 4, 4): the first full, with two waiting.
  const leafleting = ctx.events.leafletingId;
  const slots = loadEvent(leafleting).slots.map((s) => s.id);
  inviteGuests(camille, leafleting, { spaceId: ctx.sections.get('Strasbourg-Centre')!.id }, { now: at(3) });
  answerAs(ines!.id, leafleting, 'yes', at(3, 1), slots[0]);
  const shifts = [0, 0, 0, 0, 1, 1, 2, 1];
  strasbourg
    .filter((id) => id !== ines!.id)
    .slice(0, shifts.length)
    .forEach((id, i) => answerAs(id, leafleting, 'yes', at(2, i), slots[shifts[i]!]));
  const moreLeafleting = strasbourg.filter((id) => id !== ines!.id).slice(shifts.length, shifts.length + 3);
  moreLeafleting.forEach((id, i) => answerAs(id, leafleting, i === 0 ? 'maybe' : 'no', at(1, i)));

  // The group's workshop (12 seats): full, three on the waiting list.
  const workshop = ctx.events.groupWorkshopId;
  inviteGuests(ines, workshop, { spaceId: ctx.groups.get('Transition écologique')!.id }, { now: at(4) });
  const visitors = Array.from({ length: 15 }, (_, i) => ({ email: `atelier${i + 1}@exemple.org`, name: `${['Anne', 'Bastien', 'Chloé', 'David', 'Emma', 'Farid', 'Gaëlle', 'Hugo', 'Irène', 'Jules', 'Katia', 'Louis', 'Maya', 'Nadir', 'Odile'][i]} ${['Roux', 'Petit', 'Morel', 'Fabre', 'Girard'][i % 5]}` }));
  visitors.forEach((p, i) => {
    registerAnonymously(workshop, { response: 'yes', ...p }, { now: at(3, i) });
    const g = d.select().from(eventGuests).where(and(eq(eventGuests.eventId, workshop), eq(eventGuests.email, p.email))).get()!;
    byLink(workshop, g.id, 'yes', at(3, i + 0.5));
  });

  // The past assembly: the section invited, most came; checked in at the door.
  const assembly = ctx.events.assemblyId;
  const assemblyDay = loadEvent(assembly).event.startsAt.getTime();
  inviteGuests(camille, assembly, { spaceId: ctx.sections.get('Strasbourg-Centre')!.id }, { now: new Date(assemblyDay - 14 * DAY) });
  strasbourg.forEach((id, i) => answerAs(id, assembly, i % 5 === 4 ? 'no' : i % 7 === 3 ? 'maybe' : 'yes', new Date(assemblyDay - (10 - (i % 9)) * DAY)));
  strasbourg
    .filter((id, i) => guestOf(assembly, id).response === 'yes' && i % 6 !== 1)
    .forEach((id) => checkIn(camille, assembly, guestOf(assembly, id).id, true, { now: new Date(assemblyDay) }));

  d.delete(jobs)
    .where(and(gt(jobs.id, lastJob), inArray(jobs.queue, ['mail', BULK_MAIL_QUEUE])))
    .run();
}
