import { describe, expect, it } from 'vitest';
import { expectAppError } from '@/test/factories';
import { formatEventRange, fromDateAndTime, parseInstant, toDateAndTime, wallClockToUtc } from './event-time';

const at = (iso: string) => new Date(iso).toISOString();

describe('wall-clock times in Europe/Paris', () => {
  it('reads winter and summer times with their offsets', () => {
    expect(wallClockToUtc({ year: 2027, month: 1, day: 15, hour: 18, minute: 0 }).toISOString()).toBe(at('2027-01-15T17:00:00Z'));
    expect(wallClockToUtc({ year: 2027, month: 7, day: 15, hour: 18, minute: 0 }).toISOString()).toBe(at('2027-07-15T16:00:00Z'));
  });

  it('last Sunday of March (28 March 2027): around the gap, and a 02:30 that does not exist is read before the gap (03:30 CEST)', () => {
    expect(wallClockToUtc({ year: 2027, month: 3, day: 28, hour: 1, minute: 30 }).toISOString()).toBe(at('2027-03-28T00:30:00Z'));
    expect(wallClockToUtc({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }).toISOString()).toBe(at('2027-03-28T01:30:00Z'));
    expect(toDateAndTime(wallClockToUtc({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }))).toEqual({ date: '2027-03-28', time: '03:30' });
    expect(wallClockToUtc({ year: 2027, month: 3, day: 28, hour: 3, minute: 0 }).toISOString()).toBe(at('2027-03-28T01:00:00Z'));
    expect(wallClockToUtc({ year: 2027, month: 3, day: 28, hour: 10, minute: 0 }).toISOString()).toBe(at('2027-03-28T08:00:00Z'));
  });

  it('last Sunday of October (31 October 2027): an ambiguous 02:30 is its first occurrence (summer time), the day after is winter', () => {
    expect(wallClockToUtc({ year: 2027, month: 10, day: 31, hour: 1, minute: 30 }).toISOString()).toBe(at('2027-10-30T23:30:00Z'));
    expect(wallClockToUtc({ year: 2027, month: 10, day: 31, hour: 2, minute: 30 }).toISOString()).toBe(at('2027-10-31T00:30:00Z'));
    expect(wallClockToUtc({ year: 2027, month: 10, day: 31, hour: 3, minute: 0 }).toISOString()).toBe(at('2027-10-31T02:00:00Z'));
    expect(wallClockToUtc({ year: 2027, month: 10, day: 31, hour: 18, minute: 0 }).toISOString()).toBe(at('2027-10-31T17:00:00Z'));
    // A two-hour meeting across the change: 01:00 to 04:00 wall clock is four real hours.
    const a = fromDateAndTime('2027-10-31', '01:00')!;
    const b = fromDateAndTime('2027-10-31', '04:00')!;
    expect((b.getTime() - a.getTime()) / 3_600_000).toBe(4);
    // And the spring one: 01:00 to 04:00 is two.
    expect((fromDateAndTime('2027-03-28', '04:00')!.getTime() - fromDateAndTime('2027-03-28', '01:00')!.getTime()) / 3_600_000).toBe(2);
  });

  it('shows back the wall clock it read, across both changes', () => {
    for (const [d, t] of [['2027-03-27', '10:00'], ['2027-03-28', '10:00'], ['2027-10-30', '18:15'], ['2027-10-31', '18:15'], ['2026-12-31', '23:59']] as const) {
      expect(toDateAndTime(fromDateAndTime(d, t)!)).toEqual({ date: d, time: t });
    }
  });

  it('reads other zones', () => {
    expect(wallClockToUtc({ year: 2027, month: 3, day: 14, hour: 2, minute: 30 }, 'America/New_York').toISOString()).toBe(at('2027-03-14T07:30:00Z'));
    expect(wallClockToUtc({ year: 2027, month: 6, day: 1, hour: 12, minute: 0 }, 'Pacific/Noumea').toISOString()).toBe(at('2027-06-01T01:00:00Z'));
  });
});

describe('parseInstant', () => {
  it('takes ISO 8601 with an offset as is, and a wall-clock time in the zone', () => {
    expect(parseInstant('2027-03-28T10:00:00+02:00', 'startsAt').toISOString()).toBe(at('2027-03-28T08:00:00Z'));
    expect(parseInstant('2027-03-28T08:00:00Z', 'startsAt').toISOString()).toBe(at('2027-03-28T08:00:00Z'));
    expect(parseInstant('2027-03-28T10:00', 'startsAt').toISOString()).toBe(at('2027-03-28T08:00:00Z'));
    expect(parseInstant('2027-03-27T10:00:00', 'startsAt').toISOString()).toBe(at('2027-03-27T09:00:00Z'));
    expect(parseInstant('2027-03-28T10:00', 'startsAt', 'UTC').toISOString()).toBe(at('2027-03-28T10:00:00Z'));
  });

  it('refuses what is not a date and time, naming the field', () => {
    for (const bad of ['demain', '2027-02-30T10:00', '2027-03-28', '2027-03-28T25:00', 12, null, '2027-03-28T10:00+2']) {
      expectAppError(() => parseInstant(bad, 'slots.1.endsAt'), 'invalid_input', 'slots.1.endsAt');
    }
  });
});

describe('formatEventRange', () => {
  it('reads in French and English, in Paris time', () => {
    const s = new Date('2027-03-28T08:00:00Z');
    const e = new Date('2027-03-28T10:30:00Z');
    expect(formatEventRange(s, e, 'fr')).toBe('dimanche 28 mars 2027, 10 h – 12 h 30');
    expect(formatEventRange(s, e, 'en')).toBe('Sunday, 28 March 2027, 10:00 – 12:30');
    expect(formatEventRange(s, new Date('2027-03-29T16:00:00Z'), 'fr')).toBe('dimanche 28 mars 2027, 10 h – lundi 29 mars 2027, 18 h');
  });
});
