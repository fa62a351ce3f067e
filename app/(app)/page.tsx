import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageList } from '@/components/pages/PageList';
import { getMyProfile, getMySpaces, getViewerOrResume } from '@/server/auth/current';
import { listPages } from '@/server/pages/page-service';
import { isPartyMember } from '@/server/policy';

export default async function HomePage() {
  const viewer = await getViewerOrResume('/');
  const t = await getTranslations('home');
  if (!viewer || !isPartyMember(viewer)) {
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
        <section className="card" aria-labelledby="public-texts">
          <h2 id="public-texts">{t('publicTexts')}</h2>
          <PageList items={texts.data} emptyText={t('noPublicTexts')} showSpace moreHref={texts.nextCursor ? '/public' : null} />
        </section>
      </div>
    );
  }
  const me = getMyProfile(viewer.id);
  const spaces = getMySpaces(viewer.id);
  const section = spaces.find((s) => s.kind === 'section');
  const groups = spaces.filter((s) => s.kind === 'group');
  const recent = listPages(viewer, { limit: 8 });
  const mine = listPages(viewer, { limit: 5, authorId: viewer.id });
  const sectionPages = section ? listPages(viewer, { spaceId: section.id, limit: 5 }) : null;
  const firstName = (me.name ?? '').split(' ')[0];
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
      <div className="grid-2">
        <section className="card" aria-labelledby="my-section">
          <h2 id="my-section">{t('mySection')}</h2>
          {section ? (
            <>
              <p>
                <Link className="list-title" href={`/espaces/${section.id}`}>
                  {section.name}
                </Link>
              </p>
              <PageList items={sectionPages?.data ?? []} emptyText={t('sectionEmpty')} />
            </>
          ) : (
            <p className="empty">{t('noSection')}</p>
          )}
        </section>
        <section className="card" aria-labelledby="my-groups">
          <h2 id="my-groups">{t('myGroups')}</h2>
          {groups.length ? (
            <ul className="list">
              {groups.map((g) => (
                <li key={g.id}>
                  <Link className="list-title" href={`/espaces/${g.id}`}>
                    {g.name}
                  </Link>
                  {g.description && <p className="excerpt">{g.description}</p>}
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
      <section className="card" aria-labelledby="recent">
        <h2 id="recent">{t('recent')}</h2>
        <PageList items={recent.data} emptyText={t('recentEmpty')} showSpace />
      </section>
      <section className="card" aria-labelledby="mine">
        <h2 id="mine">{t('myTexts')}</h2>
        <PageList items={mine.data} emptyText={t('myTextsEmpty')} showSpace />
      </section>
    </div>
  );
}
