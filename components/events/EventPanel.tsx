/**
 * The panel above an event's text: when, where (with a link to open the place in a map app), seats
 * left, slots with their seats, counts of answers (never a name), « Ajouter à mon agenda », and for
 * its organisers the edit dialog and, once it has begun, « Rédiger le compte rendu ». The RSVP box
 * (helper R's) goes in the place marked `rsvp`.
 */
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/ActionForm';
import { EventEditDialog } from './EventEditDialog';
import type { EventFieldValues } from './EventFields';
import type { FormResult } from '@/components/ui/ActionForm';
import './events.css';

export type EventPanelData = {
  pageId: string;
  when: string;
  startsAt: string;
  endsAt: string;
  place: string;
  mapUrl: string | null;
  capacity: number | null;
  left: number | null;
  slots: { id: string; label: string; time: string; capacity: number | null; taken: number; left: number | null }[];
  counts: { yes: number; maybe: number; no: number; waiting: number; attended: number };
  icsHref: string;
  minutesHref: string | null;
  isPast: boolean;
  isDraft: boolean;
  abilities: { manageEvent: boolean; writeMinutes: boolean };
  editDefaults: EventFieldValues;
};

type Props = {
  data: EventPanelData;
  update: (prev: unknown, form: FormData) => Promise<FormResult>;
  writeMinutes: () => Promise<void>;
  /** Helper R's RSVP box, rendered in its marked place. */
  rsvp?: React.ReactNode;
};

export function EventPanel({ data, update, writeMinutes, rsvp }: Props) {
  const t = useTranslations('events.panel');
  return (
    <section className="card event-panel" aria-labelledby="event-panel-title">
      <h2 id="event-panel-title" className="visually-hidden">
        {t('label')}
      </h2>
      {data.isDraft && <p className="alert alert-info">{t('draft')}</p>}
      {data.isPast && <p className="muted small event-past">{t('past')}</p>}
      <dl className="event-facts">
        <div>
          <dt>{t('when')}</dt>
          <dd>
            <time dateTime={data.startsAt}>{data.when}</time>
          </dd>
        </div>
        <div>
          <dt>{t('where')}</dt>
          <dd>
            {data.place || <span className="muted">{t('online')}</span>}
            {data.mapUrl && (
              <>
                {' '}
                <a href={data.mapUrl} target="_blank" rel="noopener noreferrer" className="small">
                  {t('openMap')}
                </a>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('capacity')}</dt>
          <dd>{data.capacity === null ? t('noLimit') : t('seatsLeft', { left: data.left ?? 0, capacity: data.capacity })}</dd>
        </div>
        <div>
          <dt>{t('answers')}</dt>
          <dd>
            {t('counts', data.counts)}
            {data.counts.waiting > 0 && <> · {t('waiting', { n: data.counts.waiting })}</>}
            {(data.isPast || data.counts.attended > 0) && <> · {t('attended', { n: data.counts.attended })}</>}
          </dd>
        </div>
      </dl>
      {data.slots.length > 0 && (
        <div className="event-slots-view">
          <h3>{t('slots')}</h3>
          <ul>
            {data.slots.map((s) => (
              <li key={s.id}>
                <span className="event-slot-time">{s.time}</span>
                {s.label && <span className="event-slot-label">{s.label}</span>}
                <span className="muted small">
                  {s.capacity === null ? t('slotTaken', { taken: s.taken }) : t('slotSeats', { taken: s.taken, capacity: s.capacity })}
                  {s.left === 0 && <> · {t('slotFull')}</>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* helper R: the RSVP box */}
      {rsvp ? <div className="event-rsvp-slot">{rsvp}</div> : null}
      <div className="row event-actions">
        <a className="btn" href={data.icsHref} download>
          {t('addToCalendar')}
        </a>
        {data.minutesHref && (
          <a className="btn" href={data.minutesHref}>
            {t('openMinutes')}
          </a>
        )}
        {!data.minutesHref && data.abilities.writeMinutes && (
          <form action={writeMinutes}>
            <SubmitButton className="btn">{t('writeMinutes')}</SubmitButton>
          </form>
        )}
        {data.abilities.manageEvent && <EventEditDialog defaults={data.editDefaults} action={update} label={t('edit')} />}
      </div>
    </section>
  );
}
