'use client';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';

type Item = { id: string; title: string; deletedBy: string | null; deletedAt: string; purgeAt: string };

export function TrashList({ items, restore }: { items: Item[]; restore: (pageId: string) => Promise<FormResult> }) {
  const t = useTranslations('spaces');
  const [pending, start] = useTransition();
  const [restored, setRestored] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (items.length === 0) return <p className="empty">{t('trashEmpty')}</p>;
  return (
    <>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <ul className="list">
        {items.map((i) => (
          <li key={i.id} className="row" style={{ justifyContent: 'space-between' }}>
            <div>
              {restored.includes(i.id) ? (
                <Link className="list-title" href={`/pages/${i.id}`}>
                  {i.title}
                </Link>
              ) : (
                <strong>{i.title}</strong>
              )}
              <p className="small muted" style={{ margin: 0 }}>
                {t('deletedInfo', { who: i.deletedBy ?? '—', when: i.deletedAt, purge: i.purgeAt })}
              </p>
            </div>
            {restored.includes(i.id) ? (
              <span className="badge badge-published" role="status">
                {t('restored')}
              </span>
            ) : (
              <button
                type="button"
                className="btn btn-small"
                disabled={pending}
                aria-label={t('restoreNamed', { title: i.title })}
                onClick={() =>
                  start(async () => {
                    const r = await restore(i.id);
                    if (r && !r.ok) setError(r.error.message);
                    else setRestored((s) => [...s, i.id]);
                  })
                }
              >
                {t('restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
