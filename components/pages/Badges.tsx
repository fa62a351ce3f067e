import { useTranslations } from 'next-intl';
import { Icon } from '@/components/ui/Icon';

export function StatusBadge({ status }: { status: 'draft' | 'published' | 'archived' }) {
  const t = useTranslations('pages');
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

const VIS_ICON = { public: 'globe', members: 'users', space: 'lock' } as const;

export function VisibilityBadge({ visibility }: { visibility: 'public' | 'members' | 'space' }) {
  const t = useTranslations('pages');
  return (
    <span className="badge" title={t(`visibilityHint.${visibility}`)}>
      <Icon name={VIS_ICON[visibility]} size={12} /> {t(`visibility.${visibility}`)}
    </span>
  );
}
