import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActivityStream } from '@/components/activity/ActivityStream';
import { PageList } from '@/components/pages/PageList';
import { listActivity, listAwaiting, listMyDrafts } from '@/server/activity/home-feed';
import { getMyProfile, getMySpaces, getViewerOrResume } from '@/server/auth/current';
import { listPages } from '@/server/pages/page-service';
import { canSite } from '@/server/policy';
import { MyRequests, RequestsToDecide } from '@/components/membership/MyRequests';
import { listMyRequests, listSpacesAwaitingDecision } from '@/server/membership/join-requests';
import { cancelRequestAction } from './espaces/[id]/demandes/actions';

export default async function HomePage() {
  const viewer = await getViewerOrResume('/');
  const t = await getTranslations('home');
  if (!viewer || !canSite(viewer, 'followActivity')) {
    const texts = listPages(viewer, { limit: 12 });
    const me = viewer ? getMyProfile(viewer.id) : null;
    return (
      <div className="stack">
        <section className="card">
          <h1>{me ? t('welcomeCitizen', { name: me.name ?? '' }) : t('heroTitle')}</h1>
          <p className="muted">{t('heroBody')}</p>
          {!viewer && (
            <Link href="/connexion" className="btn btn-primary">
              {t('signInCta')}
            </Link>
          )}
        </section>
        {viewer && <MyRequests mine={listMyRequests(viewer)} cancel={cancelRequestAction} />}
        <section className="card" aria-labelledby="public-texts">
          <h2 id="public-texts">{t('publicTexts')}</h2>
          <PageList items={texts.data} emptyText={t('noPublicTexts')} showSpace moreHref={texts.nextCursor ? '/public' : null} />
        </section>
      </div>
    );
  }
  const me = getMyProfile(viewer.id);
  const format = await getFormatter();
  const spaces = getMySpaces(viewer.id);
  const section = spaces.find((s) => s.kind === 'section');
  const groups = spaces.filter((s) => s.kind === 'group');
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const now = new Date();
  // Each page once: a draft of mine shows among my drafts, not again in the stream.
  const drafts = listMyDrafts(viewer);
  const activity = listActivity(viewer, { now, exclude: drafts.map((d) => d.id), locale });
  const awaiting = listAwaiting(viewer, { now, locale });
  const requestsToDecide = listSpacesAwaitingDecision(viewer);
  const firstName = (me.name ?? '').split(' ')[0];
  const isNew = activity.length === 0 && drafts.length === 0;
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('hello', { name: firstName ?? '' })}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {t('subtitle')}
          </p>
        </div>
      </div>
      {(awaiting.length > 0 || requestsToDecide.length > 0) && (
        <section className="card" aria-labelledby="awaiting">
          <h2 id="awaiting">{t('awaitingTitle')}</h2>
          <ul className="list">
            {awaiting.map((a) => (
              <li key={`m-${a.space.id}`}>
                {t.rich('newMembers', {
                  count: a.newMembers.count,
                  space: a.space.name,
                  names: a.newMembers.names.join(', ') + (a.newMembers.count > a.newMembers.names.length ? '…' : ''),
                  link: (chunks) => <Link href={`/espaces/${a.space.id}/membres`}>{chunks}</Link>,
                })}
              </li>
            ))}
            <RequestsToDecide items={requestsToDecide} />
          </ul>
        </section>
      )}
      <MyRequests mine={listMyRequests(viewer)} cancel={cancelRequestAction} />
      {isNew ? (
        <section className="card" aria-labelledby="welcome">
          <h2 id="welcome">{t('welcomeTitle')}</h2>
          <p className="muted">{t('welcomeBody')}</p>
          <div className="row">
            {section && (
              <Link href={`/espaces/${section.id}`} className="btn btn-primary">
                {t('welcomeSection')}
              </Link>
            )}
            <Link href="/groupes" className="btn">
              {t('welcomeGroups')}
            </Link>
          </div>
        </section>
      ) : (
        <div className="home-grid">
          <section className="card" aria-labelledby="activity">
            <h2 id="activity">{t('activityTitle')}</h2>
            {activity.length ? <ActivityStream items={activity} now={now} /> : <p className="empty">{t('activityEmpty')}</p>}
          </section>
          {drafts.length > 0 && (
            <section className="card" aria-labelledby="drafts">
              <h2 id="drafts">{t('draftsTitle')}</h2>
              <ul className="list">
                {drafts.map((d) => (
                  <li key={d.id}>
                    <Link className="list-title" href={`/pages/${d.id}`}>
                      {d.title}
                    </Link>
                    <p className="small muted" style={{ margin: 0 }}>
                      {t('draftIn', { space: d.spaceName, date: format.relativeTime(d.updatedAt, now) })}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
      <section className="card" aria-labelledby="my-spaces">
        <h2 id="my-spaces">{t('mySpaces')}</h2>
        {section ? (
          <p>
            <Link className="list-title" href={`/espaces/${section.id}`}>
              {section.name}
            </Link>
          </p>
        ) : (
          <p className="empty">{t('noSection')}</p>
        )}
        {groups.length ? (
          <ul className="list">
            {groups.map((g) => (
              <li key={g.id}>
                <Link className="list-title" href={`/espaces/${g.id}`}>
                  {g.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('noGroups')}</p>
        )}
        <p style={{ marginTop: 12 }}>
          <Link href="/groupes">{t('discoverGroups')}</Link>
        </p>
      </section>
    </div>
  );
}
