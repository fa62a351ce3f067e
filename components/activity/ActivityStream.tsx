/**
 * What changed in my spaces, one line per page: « Camille et Inès ont modifié « Programme —
 * Transports » · il y a 2 h », and under it what else was done to the page in the period.
 */
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import './activity.css';

type Verb = 'created' | 'edited' | 'published' | 'archived' | 'unpublished' | 'renamed' | 'restored' | 'deleted' | 'joined';
type Actor = { id: string | null; name: string };
export type ActivityItem = {
  page: { id: string; title: string; spaceName: string };
  verb: Verb;
  actors: Actor[];
  also: { verb: Verb; actors: Actor[] }[];
  at: Date;
};

/** Up to three names, then « et N autres ». */
function useNames() {
  const t = useTranslations('home');
  const format = useFormatter();
  return (actors: Actor[]) => {
    const names = actors.map((a) => a.name);
    if (names.length <= 3) return format.list(names, { type: 'conjunction' });
    return t('namesAndOthers', { names: names.slice(0, 2).join(', '), count: names.length - 2 });
  };
}

export function ActivityStream({ items, now }: { items: ActivityItem[]; now: Date }) {
  const t = useTranslations('home');
  const format = useFormatter();
  const names = useNames();
  return (
    <ul className="list activity-list">
      {items.map((e) => (
        <li key={e.page.id}>
          <p className="activity-line">
            {t.rich(`activity.${e.verb}`, {
              actors: names(e.actors),
              count: e.actors.length,
              title: e.page.title,
              who: (chunks) => <strong>{chunks}</strong>,
              page: (chunks) => (
                <Link className="list-title" href={`/pages/${e.page.id}`}>
                  {chunks}
                </Link>
              ),
            })}
            <span className="muted small">
              {' · '}
              <time dateTime={e.at.toISOString()} title={format.dateTime(e.at, { dateStyle: 'long', timeStyle: 'short' })}>
                {format.relativeTime(e.at, now)}
              </time>
            </span>
          </p>
          <p className="small muted activity-also">
            {e.page.spaceName}
            {e.also.map((a) => (
              <span key={a.verb}>
                {' · '}
                {t(`also.${a.verb}`, { actors: names(a.actors) })}
              </span>
            ))}
          </p>
        </li>
      ))}
    </ul>
  );
}
