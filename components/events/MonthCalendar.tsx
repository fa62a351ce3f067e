'use client';
/**
 * A month of events as a grid (Monday first), keyboard-navigable: one day cell is in the tab
 * order; the arrow keys move between days (Home/End: the week's ends, Page Up/Down: the month
 * before or after, by link), Enter opens the day's first event, Tab reaches its links.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';

type Entry = { pageId: string; title: string; date: string; time: string };
type Props = {
  /** `YYYY-MM` */
  month: string;
  /** Paris today, `YYYY-MM-DD`. */
  today: string;
  entries: readonly Entry[];
  prevHref: string;
  nextHref: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
const MAX_SHOWN = 3;

export function MonthCalendar({ month, today, entries, prevHref, nextHref }: Props) {
  const t = useTranslations('events.agenda');
  const locale = useLocale();
  const router = useRouter();
  const [y, m] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const dateOf = (d: number) => `${y}-${pad(m)}-${pad(d)}`;
  const byDate = new Map<string, Entry[]>();
  for (const e of entries) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  const todayInMonth = today.startsWith(month) ? Number(today.slice(8)) : null;
  const firstWithEvent = [...Array(daysInMonth).keys()].map((i) => i + 1).find((d) => byDate.has(dateOf(d)));
  const [active, setActive] = useState<number>(todayInMonth ?? firstWithEvent ?? 1);
  const grid = useRef<HTMLTableElement>(null);
  const fmt = (opts: Intl.DateTimeFormatOptions, d: Date) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { ...opts, timeZone: 'UTC' }).format(d);
  const monthLabel = fmt({ month: 'long', year: 'numeric' }, new Date(Date.UTC(y, m - 1, 1)));
  // Monday 2024-01-01 onwards: the week's day names.
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((i) => ({ short: fmt({ weekday: 'short' }, new Date(Date.UTC(2024, 0, 1 + i))), long: fmt({ weekday: 'long' }, new Date(Date.UTC(2024, 0, 1 + i))) }));
  const cells: (number | null)[] = [...Array(firstWeekday).fill(null), ...[...Array(daysInMonth).keys()].map((i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = [...Array(cells.length / 7).keys()].map((w) => cells.slice(w * 7, w * 7 + 7));

  const focusDay = (d: number) => {
    setActive(d);
    requestAnimationFrame(() => grid.current?.querySelector<HTMLElement>(`[data-day="${d}"]`)?.focus());
  };
  const onKey = (e: KeyboardEvent<HTMLTableCellElement>, d: number) => {
    if (e.target !== e.currentTarget) return; // keys inside a link are the link's
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (e.key in moves) {
      e.preventDefault();
      const to = d + moves[e.key]!;
      if (to >= 1 && to <= daysInMonth) focusDay(to);
      else router.push(to < 1 ? prevHref : nextHref);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const weekday = (firstWeekday + d - 1) % 7;
      focusDay(Math.min(daysInMonth, Math.max(1, e.key === 'Home' ? d - weekday : d + 6 - weekday)));
    } else if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      router.push(e.key === 'PageUp' ? prevHref : nextHref);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const first = byDate.get(dateOf(d))?.[0];
      if (first) {
        e.preventDefault();
        router.push(`/pages/${first.pageId}`);
      }
    }
  };

  return (
    <div className="month-calendar">
      <p id="month-grid-hint" className="visually-hidden">
        {t('gridHint')}
      </p>
      <table ref={grid} role="grid" aria-label={t('gridLabel', { month: monthLabel })} aria-describedby="month-grid-hint">
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w.long} scope="col" abbr={w.long}>
                {w.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, wi) => (
            <tr key={wi}>
              {week.map((d, di) =>
                d === null ? (
                  <td key={`e${di}`} className="month-cell month-cell-empty" />
                ) : (
                  <DayCell key={d} day={d} date={dateOf(d)} events={byDate.get(dateOf(d)) ?? []} isToday={d === todayInMonth} isActive={d === active} label={fmt({ weekday: 'long', day: 'numeric', month: 'long' }, new Date(Date.UTC(y, m - 1, d)))} countLabel={t('eventsOn', { n: byDate.get(dateOf(d))?.length ?? 0 })} moreLabel={(n) => t('more', { n })} onKey={onKey} onFocus={() => setActive(d)} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type CellProps = {
  day: number;
  date: string;
  events: Entry[];
  isToday: boolean;
  isActive: boolean;
  label: string;
  countLabel: string;
  moreLabel: (n: number) => string;
  onKey: (e: KeyboardEvent<HTMLTableCellElement>, d: number) => void;
  onFocus: () => void;
};

function DayCell({ day, date, events, isToday, isActive, label, countLabel, moreLabel, onKey, onFocus }: CellProps) {
  return (
    <td
      className={`month-cell${isToday ? ' month-cell-today' : ''}${events.length ? ' month-cell-busy' : ''}`}
      data-day={day}
      data-date={date}
      tabIndex={isActive ? 0 : -1}
      aria-current={isToday ? 'date' : undefined}
      aria-label={`${label}, ${countLabel}`}
      onKeyDown={(e) => onKey(e, day)}
      onFocus={(e) => e.target === e.currentTarget && onFocus()}
    >
      <span className="month-day-number" aria-hidden>
        {day}
      </span>
      {events.length > 0 && (
        <ul className="month-events">
          {events.slice(0, MAX_SHOWN).map((e) => (
            <li key={e.pageId}>
              <a href={`/pages/${e.pageId}`} tabIndex={isActive ? 0 : -1}>
                <span className="month-event-time">{e.time}</span> {e.title}
              </a>
            </li>
          ))}
          {events.length > MAX_SHOWN && <li className="small muted">{moreLabel(events.length - MAX_SHOWN)}</li>}
        </ul>
      )}
    </td>
  );
}
