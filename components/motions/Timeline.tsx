'use client';
/** Every stage change of the text: when, who (names to party members only; the server leaves them out for others), and why. */
import { useFormatter, useTranslations } from 'next-intl';
import type { TimelineItem } from './types';

export function Timeline({ items, namesShown }: { items: TimelineItem[]; namesShown: boolean }) {
  const t = useTranslations('motions.timeline');
  const ts = useTranslations('motions.stage');
  const tv = useTranslations('motions.vote');
  // A vote's decision is noted by its reason's code (server/deliberations/poll-outcomes): worded here.
  const noteText = (note: string) => (note === 'quorum' || note === 'tie' || note === 'majority' ? tv(`why.${note}`) : note);
  const format = useFormatter();
  return (
    <details className="motion-timeline">
      <summary>{t('heading')}</summary>
      {items.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <ol className="motion-timeline-list">
          {items.map((e, i) => (
            <li key={i}>
              <time dateTime={new Date(e.at).toISOString()}>{format.dateTime(new Date(e.at), { dateStyle: 'long', timeStyle: 'short' })}</time>
              <span className="motion-timeline-what">
                <strong>{e.from === null && e.to === 'draft' ? t('created') : ts(`name.${e.to}`)}</strong>
                {e.byName ? ` · ${t('by', { name: e.byName })}` : namesShown && e.from !== null ? ` · ${t('byClock')}` : ''}
              </span>
              {e.note && <span className="motion-timeline-note">{noteText(e.note)}</span>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
