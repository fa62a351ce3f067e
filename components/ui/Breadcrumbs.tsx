import { useTranslations } from 'next-intl';

export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  const t = useTranslations('common');
  return (
    <nav className="breadcrumbs" aria-label={t('breadcrumbs')}>
      <ol>
        {items.map((it, i) => (
          <li key={`${i}-${it.label}`}>{it.href && i < items.length - 1 ? <a href={it.href} data-nav>
                {it.label}
              </a> : <span aria-current={i === items.length - 1 ? 'page' : undefined}>{it.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
