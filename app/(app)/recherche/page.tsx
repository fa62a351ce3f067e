import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SearchResults } from '@/components/search/SearchResults';
import { isAppError } from '@/lib/errors';
import { getViewerOrResume } from '@/server/auth/current';
import { searchPages } from '@/server/search/search';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('search'))('pageTitle') };
}

type SearchParams = Promise<{ q?: string | string[]; cursor?: string | string[] }>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** `/recherche?q=`: results the viewer may read, rendered on the server (no JavaScript needed). */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const q = one(sp.q).slice(0, 500);
  const t = await getTranslations('search');
  const viewer = await getViewerOrResume(q ? `/recherche?${new URLSearchParams({ q })}` : '/recherche');
  let results: ReturnType<typeof searchPages> = { data: [], nextCursor: null };
  if (q.trim()) {
    try {
      results = searchPages(viewer, q, { limit: 20, cursor: one(sp.cursor) || null });
    } catch (e) {
      if (!isAppError(e) || e.code !== 'invalid_input') throw e; // a stale cursor: first page instead
      results = searchPages(viewer, q, { limit: 20 });
    }
  }
  return (
    <div className="stack">
      <h1>{q.trim() ? t('resultsFor', { q: q.trim() }) : t('pageTitle')}</h1>
      <form action="/recherche" method="get" role="search" className="row search-form">
        <input type="search" name="q" defaultValue={q} aria-label={t('label')} placeholder={t('placeholder')} />
        <button type="submit" className="btn btn-primary">
          {t('submit')}
        </button>
      </form>
      <section className="card">
        {q.trim() ? (
          <SearchResults q={q.trim()} hits={results.data} moreHref={results.nextCursor ? `/recherche?${new URLSearchParams({ q, cursor: results.nextCursor })}` : null} />
        ) : (
          <p className="empty">{t('emptyQuery')}</p>
        )}
      </section>
    </div>
  );
}
