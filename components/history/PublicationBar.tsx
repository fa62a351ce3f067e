'use client';
/**
 * Under a page's title, for party members: which version the public reads, whether the live
 * text changed since, and the history actions (publish a new version, save a named version).
 */
import Link from 'next/link';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { History, Save, Send } from 'lucide-react';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

type Props = {
  pageId: string;
  publication: { name: string | null; publishedAt: Date; changedSince: boolean } | null;
  abilities: { viewHistory: boolean; publishVersion: boolean; edit: boolean };
  publishVersion: (prev: unknown, form: FormData) => Promise<FormResult>;
  saveVersion: (prev: unknown, form: FormData) => Promise<FormResult>;
};

export function PublicationBar({ pageId, publication, abilities, publishVersion, saveVersion }: Props) {
  const t = useTranslations('history');
  const format = useFormatter();
  // The publish form disappears once the live text equals the published one: the confirmation
  // lives here, outside it, until the text changes again.
  const [justPublished, setJustPublished] = useState(false);
  const changedSince = publication?.changedSince ?? false;
  const publishAndConfirm = async (prev: unknown, form: FormData) => {
    const r = await publishVersion(prev, form);
    if (r?.ok) setJustPublished(true);
    return r;
  };
  if (!abilities.viewHistory) return null;
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <div className="history-bar stack">
      <div className="row">
        {publication && (
          <span className="small muted">{t('publishedVersion', { name: publication.name ?? t('defaultName.published', { date: date(publication.publishedAt) }) })}</span>
        )}
        {publication?.changedSince && (
          <span className="badge badge-changed" title={t('changedSincePublicationHint')}>
            {t('changedSincePublication')}
          </span>
        )}
        <Link href={`/pages/${pageId}/historique`} className="btn btn-small">
          <History size={16} aria-hidden /> {t('history')}
        </Link>
      </div>
      {justPublished && !changedSince && (
        <p className="alert alert-ok" role="status">
          {t('publishVersionDone')}
        </p>
      )}
      {(publication?.changedSince && abilities.publishVersion) || abilities.edit ? (
        <div className="row history-forms">
          {publication?.changedSince && abilities.publishVersion && (
            <details className="history-disclosure">
              <summary className="btn btn-primary">
                <Send size={16} aria-hidden /> {t('publishVersion')}
              </summary>
              <ActionForm action={publishAndConfirm} resetOnSuccess>
                <p className="small muted">{t('publishVersionHint')}</p>
                <label>
                  {t('versionNameOptional')}
                  <input name="name" maxLength={120} placeholder={t('versionNamePlaceholder')} />
                </label>
                <SubmitButton>{t('publishVersion')}</SubmitButton>
              </ActionForm>
            </details>
          )}
          {abilities.edit && (
            <details className="history-disclosure">
              <summary className="btn">
                <Save size={16} aria-hidden /> {t('saveVersion')}
              </summary>
              <ActionForm action={saveVersion} successMessage={t('saveVersionDone')} resetOnSuccess>
                <label>
                  {t('versionName')}
                  <input name="name" required maxLength={120} placeholder={t('versionNamePlaceholder')} />
                </label>
                <SubmitButton>{t('saveVersionSubmit')}</SubmitButton>
              </ActionForm>
            </details>
          )}
        </div>
      ) : null}
    </div>
  );
}
