'use client';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { RevealForm } from './RevealForm';

type Token = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

type Props = {
  tokens: Token[];
  createAction: (prev: unknown, form: FormData) => Promise<FormResult>;
  revokeAction: (id: string) => Promise<FormResult>;
};

export function ApiTokenManager({ tokens, createAction, revokeAction }: Props) {
  const t = useTranslations('account.tokens');
  const tc = useTranslations('common');
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <div className="stack">
      <RevealForm
        action={createAction}
        aria-label={t('create')}
        submitLabel={t('create')}
        pendingLabel={t('creating')}
        revealId="new-api-token"
        revealLabel={t('newToken')}
        revealHint={t('warning')}
        fieldLabels={{ name: t('name') }}
      >
        <div className="field">
          <label htmlFor="token-name">{t('name')}</label>
          <input id="token-name" name="name" type="text" required maxLength={80} autoComplete="off" aria-describedby="token-name-hint" />
          <p id="token-name-hint" className="hint" style={{ margin: 0 }}>
            {t('nameHint')}
          </p>
        </div>
      </RevealForm>
      <h3 style={{ margin: 0 }}>{t('listTitle')}</h3>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {tokens.length === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <ul className="list">
          {tokens.map((k) => (
            <li key={k.id} className="row" style={{ justifyContent: 'space-between' }}>
              <div style={{ minWidth: 0 }}>
                <strong style={{ overflowWrap: 'anywhere' }}>{k.name}</strong>
                <div className="small muted">
                  {t('created', { date: day(k.createdAt) })} · {k.lastUsedAt ? t('lastUsed', { date: day(k.lastUsedAt) }) : t('neverUsed')}
                </div>
              </div>
              <ConfirmButton
                className="btn btn-danger btn-small"
                label={
                  <>
                    <span aria-hidden>{t('revoke')}</span>
                    <span className="visually-hidden">{t('revokeLabel', { name: k.name })}</span>
                  </>
                }
                title={t('revokeTitle')}
                body={t('revokeBody', { name: k.name })}
                confirmLabel={t('revoke')}
                cancelLabel={tc('cancel')}
                onConfirm={async () => {
                  const r = await revokeAction(k.id);
                  setError(r && !r.ok ? r.error.message : null);
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
