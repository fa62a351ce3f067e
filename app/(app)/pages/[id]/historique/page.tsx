import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import '@/components/history/history.css';
import { Icon } from '@/components/ui/Icon';
import { CompareForm } from '@/components/history/CompareForm';
import { VersionList } from '@/components/history/VersionList';
import { versionLabel } from '@/components/history/version-label';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { isAppError } from '@/lib/errors';
import { requireViewer } from '@/server/auth/current';
import { compareVersions, getVersion, listVersions } from '@/server/versions/version-service';
import { restoreVersionAction } from './actions';

type Params = Promise<{ id: string }>;
type Search = Promise<{ v?: string; from?: string; to?: string }>;

/** History is internal to the party: anyone else (and any unreadable page) gets a 404. */
function orNotFound<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const viewer = await requireViewer(`/pages/${id}/historique`);
  const t = await getTranslations('history');
  return { title: t('historyOf', { title: orNotFound(() => listVersions(viewer, id)).page.title }) };
}

export default async function HistoryPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const sp = await searchParams;
  const viewer = await requireViewer(`/pages/${id}/historique`);
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const list = orNotFound(() => listVersions(viewer, id, { locale }));
  const t = await getTranslations('history');
  const format = await getFormatter();
  const long = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  const compared = sp.from && sp.to ? orNotFound(() => compareVersions(viewer, id, sp.from!, sp.to!, { locale, labels: { before: t('before'), after: t('after') } })) : null;
  const viewed = !compared && sp.v ? orNotFound(() => getVersion(viewer, id, sp.v!, { locale })) : null;
  const now = new Date();
  return (
    <article className="stack">
      <div>
        <Breadcrumbs items={[{ href: `/pages/${id}`, label: list.page.title }, { label: t('history') }]} />
        <h1>{t('historyOf', { title: list.page.title })}</h1>
        <div className="row">
          <Link href={`/pages/${id}`} className="btn btn-small">
            <Icon name="arrowLeft" size={16} /> {t('backToPage')}
          </Link>
          {list.changedSincePublication && <span className="badge badge-changed">{t('changedSincePublication')}</span>}
        </div>
        {!list.abilities.edit && <p className="alert alert-info small">{t('readOnly')}</p>}
      </div>
      <div className="history-layout">
        <section className="history-main stack" aria-live="polite">
          <CompareForm pageId={id} versions={list.versions} from={compared?.from.id} to={compared ? (compared.to?.id ?? 'live') : undefined} />
          {compared && (
            <div className="card stack">
              <h2>
                {t('comparing', {
                  from: versionLabel(t, long, compared.from),
                  to: compared.to ? versionLabel(t, long, compared.to) : t('current'),
                })}
              </h2>
              <p className="small muted">{t('legend')}</p>
              <div className="prose history-diff" dangerouslySetInnerHTML={{ __html: compared.html }} />
              {!compared.html.includes('<ins') && !compared.html.includes('<del') && <p className="empty">{t('noChanges')}</p>}
            </div>
          )}
          {viewed && (
            <div className="card stack">
              <h2>{t('viewing', { name: versionLabel(t, long, viewed.version), date: long(viewed.version.createdAt) })}</h2>
              <div className="prose" dangerouslySetInnerHTML={{ __html: viewed.html }} />
            </div>
          )}
        </section>
        <aside className="history-aside stack">
          <h2>{t('versionsList')}</h2>
          <p className="small muted">{t('showing', { count: list.versions.length })}</p>
          <VersionList
            pageId={id}
            versions={list.versions}
            now={now}
            selectedId={viewed?.version.id ?? compared?.to?.id}
            restore={list.abilities.edit ? restoreVersionAction.bind(null, id) : undefined}
          />
        </aside>
      </div>
    </article>
  );
}
