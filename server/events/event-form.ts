/**
 * The event fields of a form (« Nouvelle page » of kind Événement, the panel's edit dialog) as the
 * event service's input: a date and wall-clock times read in Paris, slots as rows of repeated
 * fields. A refusal names the service's field; `formField` gives the form's name of it, so the
 * form marks and focuses the right input.
 */
import { AppError, isAppError } from '@/lib/errors';
import { str } from '@/server/http/action';

const all = (form: FormData, name: string) => form.getAll(name).map((v) => (typeof v === 'string' ? v.trim() : ''));
const intOrNull = (s: string) => (s === '' ? null : /^-?\d+$/.test(s) ? Number(s) : NaN);

export function eventInputFromForm(form: FormData) {
  const date = str(form, 'date').trim();
  const endDate = str(form, 'endDate').trim() || date;
  const labels = all(form, 'slotLabel');
  const starts = all(form, 'slotStart');
  const ends = all(form, 'slotEnd');
  const capacities = all(form, 'slotCapacity');
  const ids = all(form, 'slotId');
  const slots = starts
    .map((start, i) => ({ id: ids[i] || undefined, label: labels[i] ?? '', startsAt: `${date}T${start}`, endsAt: `${date}T${ends[i] ?? ''}`, capacity: intOrNull(capacities[i] ?? ''), blank: !start && !ends[i] && !labels[i] }))
    .filter((s) => !s.blank)
    .map(({ blank: _, ...s }) => s);
  return {
    startsAt: `${date}T${str(form, 'startTime').trim()}`,
    endsAt: `${endDate}T${str(form, 'endTime').trim()}`,
    place: str(form, 'place'),
    capacity: intOrNull(str(form, 'capacity').trim()),
    slots,
  };
}

const FORM_FIELDS: Record<string, string> = { startsAt: 'startTime', endsAt: 'endTime', startTime: 'startTime' };
const SLOT_FIELDS: Record<string, string> = { startsAt: 'slotStart', endsAt: 'slotEnd', capacity: 'slotCapacity', label: 'slotLabel', id: 'slotLabel' };

/** The form's input name for a field the service named (`slots.1.endsAt` → `slotEnd`). */
export function formField(field: string | undefined): string | undefined {
  if (!field) return field;
  const slot = /^slots\.\d+\.(\w+)$/.exec(field);
  if (slot) return SLOT_FIELDS[slot[1]!] ?? 'slotLabel';
  return FORM_FIELDS[field] ?? field;
}

/** Runs `fn`, renaming the field of a refusal to the form's. */
export function withFormFields<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isAppError(e) && e.field) throw new AppError(e.code, e.message, formField(e.field), e.detail);
    throw e;
  }
}
