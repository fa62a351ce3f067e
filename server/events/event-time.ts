/**
 * An event's dates: entered and shown as wall-clock times in an IANA zone (Europe/Paris unless the
 * event says otherwise), stored as UTC instants.
 *
 * The two daylight-saving days follow RFC 5545 (§3.3.5), as phone calendars do:
 * - a wall-clock time that does not exist (02:30 on the last Sunday of March in Paris, when clocks
 *   jump from 02:00 to 03:00) is read with the offset in force before the gap: 02:30 → 01:30 UTC,
 *   shown 03:30;
 * - a wall-clock time that happens twice (02:30 on the last Sunday of October) is its first
 *   occurrence, still in summer time: 02:30 → 00:30 UTC.
 */
import { tzOffset } from '@date-fns/tz';
import { AppError } from '@/lib/errors';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

const HOUR = 3_600_000;

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone);
  } catch {
    return false;
  }
}

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second?: number };

/** The UTC instant of a wall-clock time in `timeZone` (see the header for the two DST days). */
export function wallClockToUtc(w: WallClock, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
  // The offsets in force around that day: the one before and the one after a change, if any.
  const before = tzOffset(timeZone, new Date(asUtc - 12 * HOUR));
  const after = tzOffset(timeZone, new Date(asUtc + 12 * HOUR));
  const valid = [...new Set([before, after])].map((o) => asUtc - o * 60_000).filter((t) => tzOffset(timeZone, new Date(t)) * 60_000 === asUtc - t);
  // Twice (autumn): the first occurrence. Never (spring): the offset before the gap.
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(asUtc - before * 60_000);
}

/**
 * Intl formatters kept per locale, options and zone: building one costs far more than using it
 * (tens of microseconds), and a list of events formats each of its dates several times.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    if (formatters.size > 500) formatters.clear(); // zones are few; a bound all the same
    formatters.set(key, f);
  }
  return f;
}

/** The wall-clock time of an instant in `timeZone`. */
export function utcToWallClock(at: Date, timeZone: string = DEFAULT_TIME_ZONE): Required<WallClock> {
  const parts = dateFormatter('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` and `HH:mm` of an instant in `timeZone` (what a date and a time field hold). */
export function toDateAndTime(at: Date, timeZone: string = DEFAULT_TIME_ZONE): { date: string; time: string } {
  const w = utcToWallClock(at, timeZone);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * An instant given to the API: ISO 8601 with an offset (`2027-03-28T10:00:00+02:00`, `…Z`), or a
 * wall-clock time without one (`2027-03-28T10:00`), read in `timeZone`. Anything else is a 400
 * naming `field`.
 */
export function parseInstant(value: unknown, field: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  if (typeof value === 'string') {
    const s = value.trim();
    if (WITH_OFFSET.test(s)) {
      const d = new Date(s);
      if (!Number.isNaN(d.getTime())) return d;
    }
    const m = WALL_CLOCK.exec(s);
    if (m) {
      const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
      if (isRealDate(year, month, day) && hour < 24 && minute < 60 && second < 60) return wallClockToUtc({ year, month, day, hour, minute, second }, timeZone);
    }
  }
  throw new AppError('invalid_input', `${field}: an ISO 8601 date and time (with an offset, or a wall-clock time in ${timeZone}).`, field);
}

/** A date field (`YYYY-MM-DD`) and a time field (`HH:mm`) of a form, read in `timeZone`; null when malformed. */
export function fromDateAndTime(date: string, time: string, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [year, month, day] = [d[1], d[2], d[3]].map(Number) as [number, number, number];
  const [hour, minute] = [t[1], t[2]].map(Number) as [number, number];
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59) return null;
  return wallClockToUtc({ year, month, day, hour, minute }, timeZone);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `18 h`, `18 h 30` in French; `6:30 PM` in English. */
export function formatTime(at: Date, locale: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (!locale.startsWith('fr')) return dateFormatter('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  const w = utcToWallClock(at, timeZone);
  return w.minute === 0 ? `${w.hour} h` : `${w.hour} h ${pad(w.minute)}`;
}

/** `samedi 28 mars 2027` / `Saturday 28 March 2027`. */
export function formatDay(at: Date, locale: string, timeZone: string = DEFAULT_TIME_ZONE, withYear = true): string {
  return dateFormatter(locale.startsWith('fr') ? 'fr-FR' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: withYear ? 'numeric' : undefined, timeZone }).format(at);
}

/**
 * An event's dates for the page, lists and mails, in `timeZone`:
 * `samedi 28 mars 2027, 10 h – 12 h 30`, or over two days
 * `samedi 28 mars 2027, 10 h – dimanche 29 mars 2027, 18 h`.
 */
export function formatEventRange(startsAt: Date, endsAt: Date, locale: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const sameDay = toDateAndTime(startsAt, timeZone).date === toDateAndTime(endsAt, timeZone).date;
  const start = `${formatDay(startsAt, locale, timeZone)}, ${formatTime(startsAt, locale, timeZone)}`;
  const end = sameDay ? formatTime(endsAt, locale, timeZone) : `${formatDay(endsAt, locale, timeZone)}, ${formatTime(endsAt, locale, timeZone)}`;
  return `${start} – ${end}`;
}

/** `10 h – 12 h` (a slot of the event's day). */
export function formatTimeRange(startsAt: Date, endsAt: Date, locale: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${formatTime(startsAt, locale, timeZone)} – ${formatTime(endsAt, locale, timeZone)}`;
}
