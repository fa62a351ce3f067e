'use client';
/**
 * In a page's header, for party members: which version is the published one, whether the live
 * text changed since, and « Publier une nouvelle version », which says who will read it before
 * it does anything (citizens read the published version of a public page; members read the
 * live text anyway).
 */
import { useRef, useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Send } from 'lucide-react';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

type Visibility = 'public' | 'members' | 'space';
type Props = {
  publication: { name: string | null; publishedAt: Date; changedSince: boolean } | null;
  abilities: { viewHistory: boolean; publishVersion: boolean };
  visibility: Visibility;
  spaceName: string;
  publishVersion: (name: string) => Promise<FormResult>;
};

export function PublicationBar({ publication, abilities, visibility, spaceName, publishVersion }: Props) {
  const t = useTranslations('history');
  const tp = useTranslations('pages');
  const tc = useTranslations('common');
  const format = useFormatter();
  const nameRef = useRef<HTMLInputElement>(null);
  // The button disappears once the live text equals the published one: the confirmation stays
  // here, outside it, until the text changes again.
  const [result, setResult] = useState<FormResult>(null);
  if (!abilities.viewHistory) return null;
  const changedSince = publication?.changedSince ?? false;
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <div className="publication-bar row">
      {publication && <span className="small muted">{publication.name ? t('publishedVersion', { name: publication.name }) : t('publishedOn', { date: date(publication.publishedAt) })}</span>}
      {changedSince && (
        <span className="badge badge-changed" title={t('changedSincePublicationHint')}>
          {t('changedSincePublication')}
        </span>
      )}
      {changedSince && abilities.publishVersion && (
        <ConfirmButton
          className="btn btn-small btn-primary"
          label={
            <>
              <Send size={14} aria-hidden /> {t('publishVersion')}
            </>
          }
          title={tp('publishVersionTitle')}
          body={
            <>
              <p>{tp(`publishVersionBody.${visibility}`, { space: spaceName })}</p>
              <label className="field">
                {t('versionNameOptional')}
                <input ref={nameRef} name="name" maxLength={120} placeholder={t('versionNamePlaceholder')} />
              </label>
            </>
          }
          confirmLabel={tp(`publishVersionConfirm.${visibility}`)}
          cancelLabel={tc('cancel')}
          onConfirm={async () => setResult(await publishVersion(nameRef.current?.value ?? ''))}
        />
      )}
      <div role="status" aria-live="polite" className="publication-status">
        {result?.ok && !changedSince && <p className="alert alert-ok">{t('publishVersionDone')}</p>}
        {result && !result.ok && <p className="alert alert-error">{result.error.message}</p>}
      </div>
    </div>
  );
}
