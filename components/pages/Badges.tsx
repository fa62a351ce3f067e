import { useTranslations } from 'next-intl';
import { Globe, Lock, Users } from 'lucide-react';

export function StatusBadge({ status }: { status: 'draft' | 'published' | 'archived' }) {
  const t = useTranslations('pages');
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

const VIS_ICON = { public: Globe, members: Users, space: Lock } as const;

export function VisibilityBadge({ visibility }: { visibility: 'public' | 'members' | 'space' }) {
  const t = useTranslations('pages');
  const Icon = VIS_ICON[visibility];
  return (
    <span className="badge" title={t(`visibilityHint.${visibility}`)}>
      <Icon size={12} aria-hidden /> {t(`visibility.${visibility}`)}
    </span>
  );
}
