import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/pages/Badges';
import { MoreLink } from '@/components/ui/MoreLink';

export type SearchHit = { id: string; title: string; snippet: string; spaceName: string; status: 'draft' | 'published' | 'archived' };

/** Results of `/recherche`; `snippet` is server-made HTML (escaped text, matches in `<mark>`). */
export function SearchResults({ q, hits, moreHref }: { q: string; hits: SearchHit[]; moreHref: string | null }) {
  const t = useTranslations('search');
  if (hits.length === 0) return <p className="empty">{t('noResults', { q })}</p>;
  return (
    <>
      <ul className="list">
        {hits.map((h) => (
          <li key={h.id}>
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <Link className="list-title" href={`/pages/${h.id}`}>
                {h.title}
              </Link>
              <StatusBadge status={h.status} />
            </div>
            {h.snippet && <p className="excerpt search-snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />}
            <p className="small muted" style={{ margin: '4px 0 0' }}>
              {h.spaceName}
            </p>
          </li>
        ))}
      </ul>
      <MoreLink href={moreHref} label={t('more')} />
    </>
  );
}
