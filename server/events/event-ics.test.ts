import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, makeTree, makeUser, viewerOf, type Tree, type UserRow } from '@/test/factories';
import { createEvent } from './event-service';
import { eventIcs, eventUid } from './event-ics';

let tree: Tree;
let secretary: UserRow;

beforeAll(() => {
  tree = makeTree('Ics');
  secretary = makeUser({ name: 'Secrétaire Ics' });
  addMembership(secretary, tree.section, 'secretary');
});

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal;
}

describe('eventIcs', () => {
  it('one VEVENT with a stable UID, the zone, the place and the page, read back by ical.js across the October change', () => {
    const { pageId } = createEvent(viewerOf(secretary), tree.section.id, {
      title: 'Assemblée de rentrée',
      // 01:00 to 04:00 wall clock on 31 October 2027: four real hours.
      startsAt: '2027-10-31T01:00',
      endsAt: '2027-10-31T04:00',
      place: 'Salle des fêtes, 1 place de la Mairie, Lyon',
      visibility: 'public',
    });
    const ics = eventIcs(pageId, { method: 'REQUEST', attendeeEmail: 'invite@example.org' });
    expect(eventIcs(pageId)).toContain(`UID:${eventUid(pageId)}`);
    const cal = parse(ics);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevents = cal.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const ev = new ICAL.Event(vevents[0]);
    expect(ev.uid).toBe(eventUid(pageId));
    expect(ev.summary).toBe('Assemblée de rentrée');
    expect(ev.location).toBe('Salle des fêtes, 1 place de la Mairie, Lyon');
    expect(ev.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20271031T010000');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2027-10-30T23:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2027-10-31T03:00:00.000Z');
    expect(String(vevents[0]!.getFirstPropertyValue('url'))).toMatch(new RegExp(`/pages/${pageId}$`));
    expect(ev.description).toContain(`/pages/${pageId}`);
    expect(ics).not.toContain('Secrétaire Ics');
    expect(ev.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(['mailto:invite@example.org']);
  });

  it('across the March change too', () => {
    const { pageId } = createEvent(viewerOf(secretary), tree.section.id, { title: 'Tractage', startsAt: '2027-03-28T01:30', endsAt: '2027-03-28T10:00', place: 'Marché', visibility: 'space' });
    const ev = new ICAL.Event(parse(eventIcs(pageId)).getFirstSubcomponent('vevent')!);
    expect(ev.startDate.toJSDate().toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2027-03-28T08:00:00.000Z');
  });
});
