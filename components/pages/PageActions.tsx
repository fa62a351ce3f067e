'use client';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { Pencil, Send, Archive, Trash2, Undo2 } from 'lucide-react';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

type Abilities = { edit: boolean; publish: boolean; archive: boolean; delete: boolean; changeVisibility: boolean };
type Props = {
  pageId: string;
  title: string;
  status: 'draft' | 'published' | 'archived';
  visibility: 'public' | 'members' | 'space';
  abilities: Abilities;
  setStatus: (s: 'draft' | 'published' | 'archived') => Promise<FormResult>;
  setVisibility: (v: 'public' | 'members' | 'space') => Promise<FormResult>;
  remove: () => Promise<FormResult>;
};

export function PageActions({ pageId, title, status, visibility, abilities, setStatus, setVisibility, remove }: Props) {
  const t = useTranslations('pages');
  const tc = useTranslations('common');
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<FormResult>) =>
    start(async () => {
      const r = await fn();
      setError(r && !r.ok ? r.error.message : null);
    });
  return (
    <div className="stack" style={{ gap: 8 }}>
      <div className="row">
        {abilities.edit && (
          <Link href={`/pages/${pageId}/modifier`} className="btn">
            <Pencil size={16} aria-hidden /> {t('edit')}
          </Link>
        )}
        {abilities.publish && (
          <button type="button" className="btn btn-primary" disabled={pending} onClick={() => run(() => setStatus('published'))}>
            <Send size={16} aria-hidden /> {t('publish')}
          </button>
        )}
        {abilities.changeVisibility && status === 'published' && (
          <button type="button" className="btn" disabled={pending} onClick={() => run(() => setStatus('draft'))}>
            <Undo2 size={16} aria-hidden /> {t('unpublish')}
          </button>
        )}
        {abilities.archive && status !== 'draft' && (
          <button type="button" className="btn" disabled={pending} onClick={() => run(() => setStatus('archived'))}>
            <Archive size={16} aria-hidden /> {t('archive')}
          </button>
        )}
        {abilities.changeVisibility && (
          <label className="row small" style={{ gap: 6 }}>
            <span className="visually-hidden">{t('visibilityLabel')}</span>
            <select value={visibility} disabled={pending} aria-label={t('visibilityLabel')} onChange={(e) => run(() => setVisibility(e.target.value as 'public'))} style={{ minHeight: 40, width: 'auto' }}>
              <option value="space">{t('visibility.space')}</option>
              <option value="members">{t('visibility.members')}</option>
              <option value="public">{t('visibility.public')}</option>
            </select>
          </label>
        )}
        {abilities.delete && (
          <ConfirmButton
            label={
              <>
                <Trash2 size={16} aria-hidden /> {t('delete')}
              </>
            }
            title={t('deleteTitle')}
            body={t('deleteBody', { title })}
            confirmLabel={t('deleteConfirm')}
            cancelLabel={tc('cancel')}
            onConfirm={() => run(remove)}
          />
        )}
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
