import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import { CalendarFeedLink } from '@/components/events/CalendarFeedLink';
import { EventList } from '@/components/events/EventList';
import { MonthCalendar } from '@/components/events/MonthCalendar';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { getViewerOrResume } from '@/server/auth/current';
import { listCalendarTokens } from '@/server/events/calendar-tokens';
import { eventListEntries, listSpaceEvents, MAX_EVENTS_PER_LIST } from '@/server/events/event-queries';
import { fromDateAndTime, toDateAndTime } from '@/server/events/event-time';
import { spaceAbilities } from '@/server/policy';
import { getBreadcrumbs } from '@/server/spaces/queries';
import { createFeedTokenAction, revokeFeedTokenAction } from '../../../evenements/actions';
import { loadSpaceOr404 } from '../load-space';
import '@/components/events/events.css';

type Params = Promise<{ id: string }>;
type Search = Promise<{ mois?: string; vue?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const space = loadSpaceOr404((await params).id);
  return { title: (await getTranslations('events.agenda'))('titleOf', { space: space.name }) };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const pad = (n: number) => String(n).padStart(2, '0');
const shift = (y: number, m: number, by: number) => {
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};

/**
 * A space's agenda: a month as a grid or a list (`?vue=mois|liste`; without it, the grid on wide
 * screens and the list on phones), previous / next month, today; the personal feed link.
 */
export default async function AgendaPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const sp = await searchParams;
  const space = loadSpaceOr404(id);
  const viewer = await getViewerOrResume(`/espaces/${id}/agenda`);
  const t = await getTranslations('events.agenda');
  const tl = await getTranslations('events.list');
  const tc = await getTranslations('common');
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const today = toDateAndTime(new Date()).date;
  const month = sp.mois && MONTH.test(sp.mois) ? sp.mois : today.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = fromDateAndTime(`${month}-01`, '00:00')!;
  const to = fromDateAndTime(`${shift(y, m, 1)}-01`, '00:00')!;
  const items = eventListEntries(listSpaceEvents(viewer, id, { from, to, when: 'all', limit: MAX_EVENTS_PER_LIST }).data, locale);
  const view = sp.vue === 'mois' || sp.vue === 'liste' ? sp.vue : null;
  const href = (mois: string, vue = view) => `/espaces/${id}/agenda?mois=${mois}${vue ? `&vue=${vue}` : ''}`;
  const monthLabel = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  const can = spaceAbilities(viewer, space);
  const token = viewer ? (listCalendarTokens(viewer, { spaceId: id })[0] ?? null) : null;
  const crumbs = space.kind === 'group' ? [{ href: '/groupes', label: tc('groups') }, { href: `/espaces/${id}`, label: space.name }] : getBreadcrumbs(space).map((c) => ({ href: `/espaces/${c.id}`, label: c.name }));
  return (
    <div className="stack agenda" data-view={view ?? 'auto'}>
      <div>
        <Breadcrumbs items={[...crumbs, { label: t('title') }]} />
        <div className="page-header">
          <h1>{t('titleOf', { space: space.name })}</h1>
          {can.createPage && (
            <Link href={`/espaces/${id}/nouvelle-page?kind=event`} className="btn btn-primary">
              <Icon name="calendarPlus" size={18} /> {tl('newEvent')}
            </Link>
          )}
        </div>
      </div>
      <div className="agenda-toolbar">
        <nav className="row" aria-label={monthLabel}>
          <Link className="btn" href={href(shift(y, m, -1))} aria-label={t('previous')}>
            ‹ <span className="agenda-nav-text">{t('previous')}</span>
          </Link>
          <h2 className="agenda-month" aria-live="polite">
            {monthLabel}
          </h2>
          <Link className="btn" href={href(shift(y, m, 1))} aria-label={t('next')}>
            <span className="agenda-nav-text">{t('next')}</span> ›
          </Link>
          {month !== today.slice(0, 7) && (
            <Link className="btn" href={href(today.slice(0, 7))}>
              {t('today')}
            </Link>
          )}
        </nav>
        <nav className="row agenda-views" aria-label={t('view')}>
          <Link className="btn btn-small" href={href(month, 'mois')} aria-current={view === 'mois' ? 'page' : undefined}>
            {t('month')}
          </Link>
          <Link className="btn btn-small" href={href(month, 'liste')} aria-current={view === 'liste' ? 'page' : undefined}>
            {t('list')}
          </Link>
        </nav>
      </div>
      {view !== 'liste' && (
        <section className="card agenda-grid" aria-label={t('month')}>
          <ClientMessages ns={['events']}>
            <MonthCalendar month={month} today={today} entries={items.map((e) => ({ pageId: e.pageId, title: e.title, date: e.date, time: e.time }))} prevHref={href(shift(y, m, -1))} nextHref={href(shift(y, m, 1))} />
          </ClientMessages>
          {items.length === 0 && <p className="empty">{t('emptyMonth')}</p>}
        </section>
      )}
      {view !== 'mois' && (
        <section className="card agenda-list" aria-label={t('list')}>
          <EventList items={items} emptyText={t('emptyMonth')} />
        </section>
      )}
      {viewer && (
        <ClientMessages ns={['events']}>
          <CalendarFeedLink active={token ? { id: token.id, createdAt: token.createdAt.toISOString() } : null} create={createFeedTokenAction.bind(null, id)} revoke={revokeFeedTokenAction} />
        </ClientMessages>
      )}
    </div>
  );
}
