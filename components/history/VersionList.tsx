/**
 * The versions of a page, newest first: name or kind, when (relative, with the exact date on
 * hover), who changed the text, and links to view, compare and (for editors) restore.
 */
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';
import { RestoreButton } from './RestoreButton';
import { versionLabel } from './version-label';

type Person = { id: string; name: string | null; isFormer: boolean };
export type VersionListItem = {
  id: string;
  kind: 'auto' | 'named' | 'published' | 'restore';
  name: string | null;
  createdAt: Date;
  createdBy: Person | null;
  authors: Person[];
  isPublished: boolean;
};

type Props = {
  pageId: string;
  versions: VersionListItem[];
  now: Date;
  selectedId?: string;
  /** Bound server action, present only for those who may edit. */
  restore?: (versionId: string) => Promise<FormResult>;
};

export function VersionList({ pageId, versions, now, selectedId, restore }: Props) {
  const t = useTranslations('history');
  const tc = useTranslations('common');
  const format = useFormatter();
  const long = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  const nameOf = (p: Person) => (p.isFormer ? tc('formerMember') : (p.name ?? '—'));
  if (versions.length === 0) return <p className="empty">{t('empty')}</p>;
  const base = `/pages/${pageId}/historique`;
  return (
    <ol className="history-list" aria-label={t('versionsList')}>
      {versions.map((v, i) => {
        const label = versionLabel(t, long, v);
        const previous = versions[i + 1];
        return (
          <li key={v.id} className={`history-item history-${v.kind}${v.id === selectedId ? ' history-selected' : ''}`} aria-current={v.id === selectedId ? 'true' : undefined}>
            <div className="row" style={{ gap: 8 }}>
              <Link href={`${base}?v=${v.id}`} className="history-name">
                {label}
              </Link>
              <span className="badge">{t(`kind.${v.kind}`)}</span>
              {v.isPublished && <span className="badge badge-published">{t('currentlyPublished')}</span>}
            </div>
            <p className="small muted">
              <time dateTime={v.createdAt.toISOString()} title={long(v.createdAt)}>
                {format.relativeTime(v.createdAt, now)}
              </time>
              {' · '}
              {v.authors.length ? t('by', { names: v.authors.map(nameOf).join(', ') }) : t('noAuthors')}
              {v.createdBy && v.kind !== 'auto' && !v.authors.some((a) => a.id === v.createdBy!.id) ? ` · ${t('savedBy', { name: nameOf(v.createdBy) })}` : ''}
            </p>
            <div className="row small" style={{ gap: 12 }}>
              <Link href={`${base}?v=${v.id}`}>{t('view')}</Link>
              <Link href={`${base}?from=${v.id}&to=live`}>{t('compareWithCurrent')}</Link>
              {previous && <Link href={`${base}?from=${previous.id}&to=${v.id}`}>{t('compareWithPrevious')}</Link>}
              {restore && <RestoreButton label={label} restore={restore.bind(null, v.id)} />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
