'use client';
/**
 * An event's date, times (Paris), place, capacity and optional time slots, as form fields (the
 * names server/events/event-form.ts reads). Used by « Nouvelle page » (kind Événement) and the
 * event panel's edit dialog. Slots are rows one adds and removes; each keeps its id when edited.
 */
import { useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { VISIBILITIES } from '@/lib/domain/enums';

export type EventFieldValues = {
  date: string;
  endDate?: string;
  startTime: string;
  endTime: string;
  place: string;
  capacity: number | null;
  slots: { id?: string; label: string; start: string; end: string; capacity: number | null }[];
};

type Props = {
  defaults?: EventFieldValues;
  /** « Nouvelle page » asks who sees the event; the edit dialog leaves that to the page's menu. */
  withVisibility?: boolean;
};

type Row = EventFieldValues['slots'][number] & { key: number };

export function EventFields({ defaults, withVisibility }: Props) {
  const t = useTranslations('events.fields');
  const tp = useTranslations('pages');
  const id = useId();
  // Keys of the rows: the initial ones are 0…n-1, each added row takes the next.
  const next = useRef(defaults?.slots.length ?? 0);
  const [multiDay, setMultiDay] = useState(Boolean(defaults?.endDate && defaults.endDate !== defaults.date));
  const [rows, setRows] = useState<Row[]>(() => (defaults?.slots ?? []).map((s, i) => ({ ...s, key: i })));
  const addRow = () => {
    const last = rows[rows.length - 1];
    setRows([...rows, { label: '', start: last?.end ?? defaults?.startTime ?? '', end: '', capacity: null, key: next.current++ }]);
    // The new row's first field gets the focus once rendered.
    requestAnimationFrame(() => document.getElementById(`${id}-slot-${rows.length}-label`)?.focus());
  };
  const removeRow = (key: number, index: number) => {
    setRows(rows.filter((r) => r.key !== key));
    requestAnimationFrame(() => (document.getElementById(`${id}-slot-${Math.max(0, index - 1)}-label`) ?? document.getElementById(`${id}-add-slot`))?.focus());
  };
  return (
    <fieldset className="event-fields">
      <legend>{t('legend')}</legend>
      <div className="event-fields-when">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('date')}</label>
          <input id={`${id}-date`} name="date" type="date" required defaultValue={defaults?.date} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('startTime')}</label>
          <input id={`${id}-start`} name="startTime" type="time" required defaultValue={defaults?.startTime} aria-describedby={`${id}-tz`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>{t('endTime')}</label>
          <input id={`${id}-end`} name="endTime" type="time" required defaultValue={defaults?.endTime} aria-describedby={`${id}-tz`} />
        </div>
      </div>
      <p id={`${id}-tz`} className="hint">
        {t('timeHint')}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={multiDay} onChange={(e) => setMultiDay(e.target.checked)} /> {t('endDate')}
      </label>
      {multiDay && (
        <div className="field">
          <label htmlFor={`${id}-end-date`}>{t('endDateLabel')}</label>
          <input id={`${id}-end-date`} name="endDate" type="date" required defaultValue={defaults?.endDate ?? defaults?.date} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-place`}>{t('place')}</label>
        <input id={`${id}-place`} name="place" maxLength={500} defaultValue={defaults?.place} aria-describedby={`${id}-place-hint`} autoComplete="street-address" />
        <span id={`${id}-place-hint`} className="hint">
          {t('placeHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-capacity`}>{t('capacity')}</label>
        <input id={`${id}-capacity`} name="capacity" type="number" min={1} max={100000} inputMode="numeric" defaultValue={defaults?.capacity ?? ''} aria-describedby={`${id}-capacity-hint`} />
        <span id={`${id}-capacity-hint`} className="hint">
          {t('capacityHint')}
        </span>
      </div>
      {withVisibility && (
        <div className="field">
          <label htmlFor={`${id}-visibility`}>{t('visibility')}</label>
          <select id={`${id}-visibility`} name="visibility" defaultValue="space">
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {tp(`visibility.${v}`)} — {tp(`visibilityHint.${v}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="event-slots">
        <legend>{t('slots')}</legend>
        <p className="hint">{t('slotsHint')}</p>
        {rows.length > 0 && (
          <ol className="event-slot-rows">
            {rows.map((r, i) => (
              <li key={r.key} className="event-slot-row">
                <fieldset>
                  <legend className="visually-hidden">{t('slotN', { n: i + 1 })}</legend>
                  {r.id && <input type="hidden" name="slotId" value={r.id} />}
                  {!r.id && <input type="hidden" name="slotId" value="" />}
                  <div className="field">
                    <label htmlFor={`${id}-slot-${i}-label`}>{t('slotLabel')}</label>
                    <input id={`${id}-slot-${i}-label`} name="slotLabel" maxLength={120} defaultValue={r.label} placeholder={t('slotN', { n: i + 1 })} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-slot-${i}-start`}>{t('slotStart')}</label>
                    <input id={`${id}-slot-${i}-start`} name="slotStart" type="time" required defaultValue={r.start} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-slot-${i}-end`}>{t('slotEnd')}</label>
                    <input id={`${id}-slot-${i}-end`} name="slotEnd" type="time" required defaultValue={r.end} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-slot-${i}-capacity`}>{t('slotCapacity')}</label>
                    <input id={`${id}-slot-${i}-capacity`} name="slotCapacity" type="number" min={1} max={100000} inputMode="numeric" defaultValue={r.capacity ?? ''} />
                  </div>
                  <button type="button" className="btn btn-small" onClick={() => removeRow(r.key, i)}>
                    {t('removeSlot', { n: i + 1 })}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
        )}
        <button type="button" id={`${id}-add-slot`} className="btn" onClick={addRow}>
          {t('addSlot')}
        </button>
      </fieldset>
    </fieldset>
  );
}
