import { useFormatter, useTranslations } from 'next-intl';
import { MoreLink } from '@/components/ui/MoreLink';
import { StatusBadge, VisibilityBadge } from './Badges';

export type PageListItem = {
  id: string;
  title: string;
  status: 'draft' | 'published' | 'archived';
  visibility: 'public' | 'members' | 'space';
  updatedAt: Date;
  spaceName: string;
  excerpt: string;
};

/**
 * `compact`: the title and when it changed, nothing more, for a list beside the space's tree (which
 * already gives each page's place and draft status): a page's badges and excerpt were fifteen
 * elements each to render.
 */
type Props = { items: PageListItem[]; emptyText: string; showSpace?: boolean; moreHref?: string | null; compact?: boolean };

export function PageList({ items, emptyText, showSpace, moreHref, compact }: Props) {
  const format = useFormatter();
  const t = useTranslations('common');
  if (items.length === 0) return <p className="empty">{emptyText}</p>;
  if (compact)
    return (
      <>
        <ul className="list list-compact">
          {items.map((p) => (
            <li key={p.id}>
              <a className="list-title" href={`/pages/${p.id}`} data-nav>
                {p.title}
              </a>{' '}
              <span className="small muted">{t('updated', { date: format.relativeTime(p.updatedAt) })}</span>
            </li>
          ))}
        </ul>
        <MoreLink href={moreHref} label={t('loadMore')} />
      </>
    );
  return (
    <>
      <ul className="list">
        {items.map((p) => (
          <li key={p.id}>
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <a className="list-title" href={`/pages/${p.id}`} data-nav>
                {p.title}
              </a>
              <span className="row">
                <StatusBadge status={p.status} />
                <VisibilityBadge visibility={p.visibility} />
              </span>
            </div>
            {p.excerpt && <p className="excerpt">{p.excerpt}</p>}
            <p className="small muted" style={{ margin: '4px 0 0' }}>
              {showSpace && <>{p.spaceName} · </>}
              {t('updated', { date: format.relativeTime(p.updatedAt) })}
            </p>
          </li>
        ))}
      </ul>
      <MoreLink href={moreHref} label={t('loadMore')} />
    </>
  );
}
