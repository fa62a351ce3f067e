/**
 * The event panel of a page of kind `event`: the domain's view for this reader (counts, no names),
 * its dates formatted in the event's zone, and the organisers' actions bound to the page.
 * `rsvp`: the RSVP box, rendered in the panel's marked place.
 */
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { EventPanel, type EventPanelData } from '@/components/events/EventPanel';
import type { Locale } from '@/lib/domain/enums';
import { isAppError } from '@/lib/errors';
import { getEventView, type EventView } from '@/server/events/event-service';
import { formatEventRange, formatTimeRange, toDateAndTime } from '@/server/events/event-time';
import type { Viewer } from '@/server/policy';
import { updateEventAction, writeMinutesAction } from './event-actions';

export function EventSection({ viewer, pageId, locale, rsvp }: { viewer: Viewer; pageId: string; locale: Locale; rsvp?: React.ReactNode }) {
  let view: EventView;
  try {
    view = getEventView(viewer, pageId);
  } catch (e) {
    // A page of kind event made without its dates (the generic pages API): no panel, the page still reads.
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
  return (
    <ClientMessages ns={['events', 'pages']}>
      <EventPanel data={eventPanelData(view, locale)} update={updateEventAction.bind(null, pageId)} writeMinutes={writeMinutesAction.bind(null, pageId)} rsvp={rsvp} />
    </ClientMessages>
  );
}

/** A link that opens the place in the phone's map app or OpenStreetMap (no tiles downloaded here). */
export function mapUrl(place: string, lat: number | null, lng: number | null): string | null {
  if (lat !== null && lng !== null) return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
  return place ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(place)}` : null;
}

function eventPanelData(e: EventView, locale: Locale): EventPanelData {
  const start = toDateAndTime(e.startsAt, e.timeZone);
  const end = toDateAndTime(e.endsAt, e.timeZone);
  return {
    pageId: e.pageId,
    when: formatEventRange(e.startsAt, e.endsAt, locale, e.timeZone),
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    place: e.place,
    mapUrl: mapUrl(e.place, e.lat, e.lng),
    capacity: e.capacity,
    left: e.left,
    slots: e.slots.map((s) => ({ id: s.id, label: s.label, time: formatTimeRange(s.startsAt, s.endsAt, locale, e.timeZone), capacity: s.capacity, taken: s.taken, left: s.left })),
    counts: e.counts,
    icsHref: `/api/v1/events/${e.pageId}?format=ics`,
    minutesHref: e.minutesPageId ? `/pages/${e.minutesPageId}` : null,
    isPast: e.isPast,
    isDraft: e.status === 'draft',
    abilities: { manageEvent: e.abilities.manageEvent, writeMinutes: e.abilities.writeMinutes },
    editDefaults: {
      date: start.date,
      endDate: end.date !== start.date ? end.date : undefined,
      startTime: start.time,
      endTime: end.time,
      place: e.place,
      capacity: e.capacity,
      slots: e.slots.map((s) => ({ id: s.id, label: s.label, start: toDateAndTime(s.startsAt, e.timeZone).time, end: toDateAndTime(s.endsAt, e.timeZone).time, capacity: s.capacity })),
    },
  };
}
