import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CalendarFeedLink } from '@/components/events/CalendarFeedLink';
import { EventList } from '@/components/events/EventList';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { requireViewer } from '@/server/auth/current';
import { listCalendarTokens } from '@/server/events/calendar-tokens';
import { eventListEntries, listMyEvents } from '@/server/events/event-queries';
import { createFeedTokenAction, revokeFeedTokenAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('events.mine'))('title') };
}

/** « Mes événements »: coming and past events of one's spaces, and those one is invited to (readable only). */
export default async function MyEventsPage() {
  const viewer = await requireViewer('/evenements');
  const t = await getTranslations('events.mine');
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const upcoming = eventListEntries(listMyEvents(viewer, { when: 'upcoming', limit: 50 }).data, locale);
  const past = eventListEntries(listMyEvents(viewer, { when: 'past', limit: 20 }).data, locale);
  const token = listCalendarTokens(viewer, { spaceId: null })[0] ?? null;
  return (
    <div className="stack">
      <div>
        <h1>{t('title')}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t('intro')}
        </p>
      </div>
      <section className="card" aria-labelledby="mine-upcoming">
        <h2 id="mine-upcoming">{t('upcoming')}</h2>
        <EventList items={upcoming} emptyText={t('empty')} showSpace />
      </section>
      <section className="card" aria-labelledby="mine-past">
        <h2 id="mine-past">{t('past')}</h2>
        <EventList items={past} emptyText={t('emptyPast')} showSpace />
      </section>
      <ClientMessages ns={['events']}>
        <CalendarFeedLink active={token ? { id: token.id, createdAt: token.createdAt.toISOString() } : null} create={createFeedTokenAction.bind(null, null)} revoke={revokeFeedTokenAction} />
      </ClientMessages>
    </div>
  );
}
