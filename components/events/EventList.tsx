/**
 * A list of events: a date badge, the title linking to the event's page, when, where (and the
 * space, in « Mes événements »). An empty list says so.
 */
import { useTranslations } from 'next-intl';
import './events.css';

export type EventListEntryProps = {
  pageId: string;
  title: string;
  when: string;
  day: string;
  month: string;
  startsAt: string;
  place: string;
  spaceName: string;
  isDraft: boolean;
};

export function EventList({ items, emptyText, showSpace = false }: { items: readonly EventListEntryProps[]; emptyText: string; showSpace?: boolean }) {
  const tp = useTranslations('pages');
  if (items.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <ul className="event-list">
      {items.map((e) => (
        <li key={e.pageId} className="event-list-item">
          <time className="event-date-badge" dateTime={e.startsAt} aria-hidden>
            <span className="event-date-day">{e.day}</span>
            <span className="event-date-month">{e.month}</span>
          </time>
          <div className="event-list-body">
            <a className="list-title" href={`/pages/${e.pageId}`} data-nav>
              {e.title}
            </a>
            {e.isDraft && <span className="badge"> {tp('status.draft')}</span>}
            <div className="small muted">
              <time dateTime={e.startsAt}>{e.when}</time>
              {e.place && <> · {e.place}</>}
              {showSpace && <> · {e.spaceName}</>}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
