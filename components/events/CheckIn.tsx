'use client';
/**
 * Check-in at the door, on a phone: a search box and one big tap target per person (present /
 * undo), with « 12 présents sur 30 inscrits ». Those who said they come are listed first; those
 * who said no, or never confirmed, only when searched for.
 */
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useFreshList, type GuestCounts, type GuestItem, type GuestListData } from './GuestList';
import type { Result } from './RsvpBox';
import './participants.css';
import { foldText } from '@/lib/text/fold';

type Props = {
  initial: GuestListData;
  list: () => Promise<Result<GuestListData>>;
  checkIn: (guestId: string, attended: boolean) => Promise<Result<GuestCounts>>;
};

const rank = (g: GuestItem) => (g.response === 'yes' && !g.waitlisted ? 0 : g.response === 'yes' || g.response === 'maybe' ? 1 : 2);

export function CheckIn({ initial, list, checkIn }: Props) {
  const t = useTranslations('rsvp');
  const id = useId();
  const { data, setData } = useFreshList(initial, list, 5000);
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const needle = foldText(q.trim());
  const shown = data.guests
    .filter((g) => (needle ? foldText(g.name).includes(needle) : (g.confirmed && g.response !== 'no') || g.attended))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));

  const toggle = async (g: GuestItem) => {
    const attended = !g.attended;
    setError(null);
    const apply = (value: boolean, counts?: GuestCounts) =>
      setData((d) => ({
        ...d,
        counts: counts ?? { ...d.counts, attended: d.counts.attended + (value ? 1 : -1) },
        guests: d.guests.map((x) => (x.id === g.id ? { ...x, attended: value } : x)),
      }));
    apply(attended);
    const r = await checkIn(g.id, attended);
    if (r?.ok) apply(attended, r.data);
    else if (r) {
      apply(!attended);
      setError(r.error.message);
    }
  };

  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('checkin.title')}
      </h2>
      <p className="checkin-counts" role="status" aria-live="polite">
        {t('checkin.counts', { attended: data.counts.attended, registered: data.counts.registered })}
      </p>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('checkin.search')}</label>
        <input id={`${id}-q`} className="checkin-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" enterKeyHint="search" />
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="empty">{needle ? t('list.noMatch') : t('checkin.empty')}</p>
      ) : (
        <ul className="checkin-list">
          {shown.map((g) => (
            <li key={g.id}>
              <button
                type="button"
                className="checkin-person"
                aria-pressed={g.attended}
                title={g.attended ? t('checkin.undo', { name: g.name }) : t('checkin.mark', { name: g.name })}
                onClick={() => void toggle(g)}
              >
                <span className="checkin-who">
                  <span>{g.name}</span>
                  <span className="small muted">{!g.confirmed ? t('answerShort.pending') : t(`answerShort.${g.response ?? 'none'}`)}</span>
                </span>
                <span className="checkin-state">{g.attended ? `✓ ${t('checkin.present')}` : t('checkin.absent')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
