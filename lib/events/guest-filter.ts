/**
 * The organisers' filters of an event's guests, one rule for the server's list (API `?response=`)
 * and the participants screen, which filters what it already holds.
 */
export const GUEST_FILTERS = ['yes', 'maybe', 'no', 'none', 'waitlisted', 'pending', 'attended'] as const;
export type GuestFilter = (typeof GUEST_FILTERS)[number];

type Guest = { confirmed: boolean; response: 'yes' | 'maybe' | 'no' | null; waitlisted: boolean; attended: boolean };

/** Whether a guest is shown under a filter; `all` (or none) shows everyone. An unconfirmed sign-up is only « pending ». */
export function matchesGuestFilter(g: Guest, f: GuestFilter | 'all' | undefined): boolean {
  switch (f) {
    case undefined:
    case 'all':
      return true;
    case 'yes':
      return g.confirmed && g.response === 'yes' && !g.waitlisted;
    case 'waitlisted':
      return g.confirmed && g.waitlisted;
    case 'maybe':
    case 'no':
      return g.confirmed && g.response === f;
    case 'none':
      return g.confirmed && g.response === null;
    case 'pending':
      return !g.confirmed;
    case 'attended':
      return g.attended;
  }
}
