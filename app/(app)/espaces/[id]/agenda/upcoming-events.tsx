/** « Événements à venir » on a space's page: the next few the viewer may read, and the way to the agenda. */
import { getLocale, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import { EventList } from '@/components/events/EventList';
import { eventListEntries, listSpaceEvents } from '@/server/events/event-queries';
import type { Viewer } from '@/server/policy';

export async function UpcomingEvents({ viewer, spaceId, canCreate }: { viewer: Viewer; spaceId: string; canCreate: boolean }) {
  const t = await getTranslations('events.list');
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const items = eventListEntries(listSpaceEvents(viewer, spaceId, { when: 'upcoming', limit: 5 }).data, locale);
  return (
    <section className="card" aria-labelledby="upcoming-events-title">
      <h2 id="upcoming-events-title">{t('upcoming')}</h2>
      <EventList items={items} emptyText={t('empty')} />
      <div className="row" style={{ marginTop: 8 }}>
        <a data-nav className="btn" href={`/espaces/${spaceId}/agenda`}>
          <Icon name="calendarDays" size={18} /> {t('seeAgenda')}
        </a>
        {canCreate && (
          <a data-nav className="btn" href={`/espaces/${spaceId}/nouvelle-page?kind=event`}>
            <Icon name="calendarPlus" size={18} /> {t('newEvent')}
          </a>
        )}
      </div>
    </section>
  );
}
