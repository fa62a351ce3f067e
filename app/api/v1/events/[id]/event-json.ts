import type { EventView } from '@/server/events/event-service';
import type { EventListItem } from '@/server/events/event-queries';

/** An event in the API: instants in UTC (ISO 8601) with the zone they are shown in. */
export function eventJson(e: EventView) {
  return {
    id: e.pageId,
    title: e.title,
    spaceId: e.spaceId,
    visibility: e.visibility,
    status: e.status,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone,
    place: e.place,
    lat: e.lat,
    lng: e.lng,
    capacity: e.capacity,
    seatsTaken: e.taken,
    seatsLeft: e.left,
    slots: e.slots.map((s) => ({ id: s.id, label: s.label, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), capacity: s.capacity, seatsTaken: s.taken, seatsLeft: s.left })),
    counts: e.counts,
    minutesPageId: e.minutesPageId,
    url: e.url,
    abilities: e.abilities,
  };
}

export function eventListItemJson(e: EventListItem) {
  return { id: e.pageId, title: e.title, spaceId: e.spaceId, startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString(), timeZone: e.timeZone, place: e.place, capacity: e.capacity, status: e.status };
}
