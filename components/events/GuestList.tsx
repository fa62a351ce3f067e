'use client';
/**
 * The organisers' list of an event's guests, as answers arrive (read again every few seconds
 * while the screen is shown, and when it gets the focus back): filters by answer, a search, the
 * reminder to those who have not answered (after a confirmation), the CSV export.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import type { Result, RsvpSlot } from './RsvpBox';
import './participants.css';
import { matchesGuestFilter } from '@/lib/events/guest-filter';
import { foldText } from '@/lib/text/fold';

export type GuestItem = {
  id: string;
  name: string;
  email: string | null;
  response: 'yes' | 'maybe' | 'no' | null;
  slotId: string | null;
  waitlisted: boolean;
  position: number | null;
  confirmed: boolean;
  attended: boolean;
};
export type GuestCounts = { invited: number; registered: number; maybe: number; no: number; none: number; waitlisted: number; pending: number; attended: number };
export type GuestListData = { guests: GuestItem[]; counts: GuestCounts; slots: RsvpSlot[] };

export const FILTERS = ['all', 'yes', 'waitlisted', 'maybe', 'no', 'none', 'pending', 'attended'] as const;
type Filter = (typeof FILTERS)[number];

const countOf = (c: GuestCounts, f: Filter) => (f === 'all' ? c.invited : f === 'yes' ? c.registered : c[f]);


/** Reads the list again every `ms` while the page is visible, and when it comes back to the front. */
export function useFreshList(initial: GuestListData, list: () => Promise<Result<GuestListData>>, ms = 8000) {
  const [data, setData] = useState(initial);
  const [at, setAt] = useState(() => new Date());
  const refresh = useCallback(async () => {
    const r = await list();
    if (r?.ok) {
      setData(r.data);
      setAt(new Date());
    }
  }, [list]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, ms);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh, ms]);
  return { data, setData, at, refresh };
}

type Props = {
  initial: GuestListData;
  list: () => Promise<Result<GuestListData>>;
  remind: () => Promise<Result<{ reminded: number }>>;
  exportHref: string;
  /** Answers are closed (the event is over): no reminder. */
  ended: boolean;
};

export function GuestList({ initial, list, remind, exportHref, ended }: Props) {
  const t = useTranslations('rsvp');
  const format = useFormatter();
  const id = useId();
  const { data, at, refresh } = useFreshList(initial, list);
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const slotName = useMemo(() => new Map(data.slots.map((s) => [s.id, [s.label, s.when].filter(Boolean).join(' · ')])), [data.slots]);
  const needle = foldText(q.trim());
  const shown = data.guests.filter((g) => matchesGuestFilter(g, filter) && (!needle || foldText(`${g.name} ${g.email ?? ''}`).includes(needle)));

  const answerLabel = (g: GuestItem) => (!g.confirmed ? t('answerShort.pending') : t(`answerShort.${g.response ?? 'none'}`));

  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('list.title')}
      </h2>
      <div className="participants-actions">
        {!ended && data.counts.none > 0 && (
          <ConfirmButton
            className="btn"
            label={t('list.remind')}
            title={t('list.remindTitle', { count: data.counts.none })}
            body={t('list.remindBody')}
            confirmLabel={t('list.remindConfirm')}
            cancelLabel={t('invite.cancel')}
            onConfirm={async () => {
              const r = await remind();
              if (!r) return;
              setMessage(r.ok ? { ok: true, text: t('list.reminded', { count: r.data.reminded }) } : { ok: false, text: r.error.message });
              await refresh();
            }}
          />
        )}
        <a className="btn" href={exportHref} download>
          {t('list.export')}
        </a>
      </div>
      <p role="status" aria-live="polite" className={message ? `alert ${message.ok ? 'alert-ok' : 'alert-error'} rsvp-line` : 'rsvp-status'}>
        {message?.text}
      </p>
      <fieldset className="participants-filters">
        <legend className="visually-hidden">{t('list.filter')}</legend>
        {FILTERS.map((f) => (
          <label key={f}>
            <input type="radio" name={`${id}-filter`} value={f} checked={filter === f} onChange={() => setFilter(f)} />
            {t(`list.${f}`, { count: countOf(data.counts, f) })}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('list.search')}</label>
        <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      </div>
      {data.guests.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('list.noMatch')}</p>
      ) : (
        <ul className="guest-list" aria-label={t('list.title')}>
          {shown.map((g) => (
            <li key={g.id}>
              <div>
                <div className="guest-name">{g.name}</div>
                {g.email && g.email !== g.name && <div className="small muted">{g.email}</div>}
              </div>
              <div className="guest-meta">
                <span className={`guest-answer guest-answer-${g.confirmed ? (g.response ?? 'none') : 'pending'}`}>{answerLabel(g)}</span>
                {g.slotId && slotName.get(g.slotId) && <span className="small muted">{slotName.get(g.slotId)}</span>}
                {g.position !== null && <span className="small">{t('list.position', { position: g.position })}</span>}
                {g.attended && <span className="small">{t('list.present')}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="small muted" style={{ margin: 0 }}>
        {t('list.updated', { time: format.dateTime(at, { timeStyle: 'medium' }) })}
      </p>
    </section>
  );
}
