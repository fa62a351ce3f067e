import Link from 'next/link';
import { useTranslations } from 'next-intl';

export type BacklinkItem = { id: string; title: string; snippet: string };

/** "Pages qui mènent ici": readable pages linking to this one, with the text around the link. */
export function Backlinks({ items, hasMore }: { items: BacklinkItem[]; hasMore: boolean }) {
  const t = useTranslations('search');
  return (
    <section className="card backlinks" aria-labelledby="backlinks-title">
      <h2 id="backlinks-title">{t('backlinksTitle')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('backlinksEmpty')}</p>
      ) : (
        <ul className="list">
          {items.map((b) => (
            <li key={b.id}>
              <Link className="list-title" href={`/pages/${b.id}`}>
                {b.title}
              </Link>
              {b.snippet && <p className="excerpt">{b.snippet}</p>}
            </li>
          ))}
        </ul>
      )}
      {hasMore && <p className="small muted">{t('backlinksMore')}</p>}
    </section>
  );
}
