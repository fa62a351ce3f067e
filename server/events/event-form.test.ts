import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { expectAppError } from '@/test/factories';
import { eventInputFromForm, formField, withFormFields } from './event-form';

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe('event fields of a form', () => {
  it('reads the date and Paris times, the seats, and the slots row by row (blank rows left out, ids kept)', () => {
    const input = eventInputFromForm(
      form([
        ['date', '2027-03-28'],
        ['startTime', '08:30'],
        ['endTime', '13:00'],
        ['place', ' Marché '],
        ['capacity', '12'],
        ['slotId', 'slot-1'], ['slotLabel', 'Matin'], ['slotStart', '08:30'], ['slotEnd', '10:00'], ['slotCapacity', '4'],
        ['slotId', ''], ['slotLabel', ''], ['slotStart', ''], ['slotEnd', ''], ['slotCapacity', ''],
        ['slotId', ''], ['slotLabel', ''], ['slotStart', '10:00'], ['slotEnd', '13:00'], ['slotCapacity', ''],
      ]),
    );
    expect(input).toEqual({
      startsAt: '2027-03-28T08:30',
      endsAt: '2027-03-28T13:00',
      place: ' Marché ',
      capacity: 12,
      slots: [
        { id: 'slot-1', label: 'Matin', startsAt: '2027-03-28T08:30', endsAt: '2027-03-28T10:00', capacity: 4 },
        { id: undefined, label: '', startsAt: '2027-03-28T10:00', endsAt: '2027-03-28T13:00', capacity: null },
      ],
    });
  });

  it('an end date for an event over several days; an empty capacity is no limit, a word is refused later (NaN)', () => {
    const input = eventInputFromForm(form([['date', '2027-03-28'], ['endDate', '2027-03-29'], ['startTime', '20:00'], ['endTime', '02:00'], ['capacity', 'beaucoup']]));
    expect(input.endsAt).toBe('2027-03-29T02:00');
    expect(input.capacity).toBeNaN();
    expect(eventInputFromForm(form([['date', '2027-03-28'], ['capacity', '']])).capacity).toBeNull();
  });

  it('names the form’s field in a refusal', () => {
    expect(formField('startsAt')).toBe('startTime');
    expect(formField('endsAt')).toBe('endTime');
    expect(formField('slots.2.endsAt')).toBe('slotEnd');
    expect(formField('slots.0.capacity')).toBe('slotCapacity');
    expect(formField('place')).toBe('place');
    expectAppError(() => withFormFields(() => { throw new AppError('invalid_input', 'x', 'slots.1.startsAt'); }), 'invalid_input', 'slotStart');
  });
});
