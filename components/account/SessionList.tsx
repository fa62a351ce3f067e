'use client';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

type Session = { id: string; createdAt: Date; expires: Date; isCurrent: boolean };

export function SessionList({ sessions, revokeAction }: { sessions: Session[]; revokeAction: (id: string) => Promise<FormResult> }) {
  const t = useTranslations('account.sessions');
  const tc = useTranslations('common');
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  if (sessions.length === 0) return <p className="empty">{t('none')}</p>;
  return (
    <>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <ul className="list">
        {sessions.map((s) => (
          <li key={s.id} className="row" style={{ justifyContent: 'space-between' }}>
            <div>
              <strong>{t('started', { date: when(s.createdAt) })}</strong> {s.isCurrent && <span className="badge badge-published">{t('current')}</span>}
              <div className="small muted">{t('expires', { date: when(s.expires) })}</div>
            </div>
            <ConfirmButton
              className="btn btn-danger btn-small"
              label={
                <>
                  <span aria-hidden>{t('revoke')}</span>
                  <span className="visually-hidden">{t('revokeLabel', { date: when(s.createdAt) })}</span>
                </>
              }
              title={t('revokeTitle')}
              body={s.isCurrent ? t('revokeCurrentBody') : t('revokeBody')}
              confirmLabel={t('revoke')}
              cancelLabel={tc('cancel')}
              onConfirm={async () => {
                const r = await revokeAction(s.id);
                setError(r && !r.ok ? r.error.message : null);
              }}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
