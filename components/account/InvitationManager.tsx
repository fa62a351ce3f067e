'use client';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { RevealForm } from './RevealForm';

export type InvitationStatus = 'active' | 'revoked' | 'expired' | 'usedUp';
type Invitation = { id: string; note: string; uses: number; maxUses: number; expiresAt: Date; createdAt: Date; status: InvitationStatus };

type Props = {
  invitations: Invitation[];
  createAction: (prev: unknown, form: FormData) => Promise<FormResult>;
  revokeAction: (id: string) => Promise<FormResult>;
};

const STATUS_BADGE: Record<InvitationStatus, string> = { active: 'badge badge-published', revoked: 'badge badge-archived', expired: 'badge badge-archived', usedUp: 'badge badge-draft' };

export function InvitationManager({ invitations, createAction, revokeAction }: Props) {
  const t = useTranslations('account.invitations');
  const tc = useTranslations('common');
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="invitation-create-title">
        <h2 id="invitation-create-title" style={{ margin: 0 }}>
          {t('createTitle')}
        </h2>
        <RevealForm
          action={createAction}
          aria-label={t('createTitle')}
          submitLabel={t('create')}
          pendingLabel={t('creating')}
          revealId="new-invitation-link"
          revealLabel={t('link')}
          revealHint={t('linkHint')}
          fieldLabels={{ maxUses: t('maxUses'), expiresInDays: t('expiresInDays'), note: t('note') }}
        >
          <div className="row" style={{ alignItems: 'flex-start' }}>
            <div className="field" style={{ flex: '1 1 160px' }}>
              <label htmlFor="inv-max-uses">{t('maxUses')}</label>
              <input id="inv-max-uses" name="maxUses" type="number" inputMode="numeric" min={1} max={1000} step={1} defaultValue={10} required aria-describedby="inv-max-uses-hint" />
              <p id="inv-max-uses-hint" className="hint" style={{ margin: 0 }}>
                {t('maxUsesHint')}
              </p>
            </div>
            <div className="field" style={{ flex: '1 1 160px' }}>
              <label htmlFor="inv-days">{t('expiresInDays')}</label>
              <input id="inv-days" name="expiresInDays" type="number" inputMode="numeric" min={1} max={90} step={1} defaultValue={14} required aria-describedby="inv-days-hint" />
              <p id="inv-days-hint" className="hint" style={{ margin: 0 }}>
                {t('expiresInDaysHint')}
              </p>
            </div>
          </div>
          <div className="field">
            <label htmlFor="inv-note">{t('note')}</label>
            <input id="inv-note" name="note" type="text" maxLength={200} autoComplete="off" aria-describedby="inv-note-hint" />
            <p id="inv-note-hint" className="hint" style={{ margin: 0 }}>
              {t('noteHint')}
            </p>
          </div>
        </RevealForm>
      </section>

      <section className="card stack" aria-labelledby="invitation-list-title">
        <h2 id="invitation-list-title" style={{ margin: 0 }}>
          {t('listTitle')}
        </h2>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        {invitations.length === 0 ? (
          <p className="empty">{t('none')}</p>
        ) : (
          <ul className="list">
            {invitations.map((inv) => (
              <li key={inv.id} className="row" style={{ justifyContent: 'space-between' }}>
                <div style={{ minWidth: 0 }}>
                  <strong style={{ overflowWrap: 'anywhere' }}>{inv.note || t('noNote')}</strong> <span className={STATUS_BADGE[inv.status]}>{t(`status.${inv.status}`)}</span>
                  <div className="small muted">
                    {t('uses', { uses: inv.uses, max: inv.maxUses })} · {inv.status === 'expired' ? t('expiredOn', { date: day(inv.expiresAt) }) : t('expiresOn', { date: day(inv.expiresAt) })} ·{' '}
                    {t('createdOn', { date: day(inv.createdAt) })}
                  </div>
                </div>
                {inv.status === 'active' && (
                  <ConfirmButton
                    className="btn btn-danger btn-small"
                    label={
                      <>
                        <span aria-hidden>{t('revoke')}</span>
                        <span className="visually-hidden">{t('revokeLabel', { note: inv.note || day(inv.createdAt) })}</span>
                      </>
                    }
                    title={t('revokeTitle')}
                    body={t('revokeBody')}
                    confirmLabel={t('revoke')}
                    cancelLabel={tc('cancel')}
                    onConfirm={async () => {
                      const r = await revokeAction(inv.id);
                      setError(r && !r.ok ? r.error.message : null);
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
