'use client';
/**
 * The invitations by e-mail still open (pending, or expired and not yet resent), to those who
 * manage the space: address, when it was sent and until when it holds, the inviter's word;
 * « Renvoyer » (a new link; the old one stops working; not twice within 10 minutes) and
 * « Révoquer » (after confirmation; the link then answers « invitation révoquée »).
 */
import { useState, useTransition } from 'react';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import type { FormResult } from '@/components/ui/ActionForm';

type Role = 'member' | 'secretary' | 'admin';
export type PendingInvitationItem = {
  id: string;
  email: string;
  role: Role;
  message: string;
  invitedBy: string | null;
  lastSentAt: Date;
  expiresAt: Date;
  sendCount: number;
  state: 'pending' | 'expired';
  resendableAt: Date;
};

type Props = {
  invitations: PendingInvitationItem[];
  resendAction: (invitationId: string) => Promise<FormResult>;
  revokeAction: (invitationId: string) => Promise<FormResult>;
};

export function PendingInvitations({ invitations, resendAction, revokeAction }: Props) {
  const t = useTranslations('membership.pending');
  const tc = useTranslations('common');
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (fn: () => Promise<FormResult>, success: string) =>
    start(async () => {
      const r = await fn();
      setNotice(r && !r.ok ? { ok: false, text: r.error.message } : { ok: true, text: success });
    });
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const time = (d: Date) => format.dateTime(d, { timeStyle: 'short' });
  return (
    <div className="stack">
      <div role="status" aria-live="polite">
        {notice && <p className={notice.ok ? 'alert alert-ok' : 'alert alert-error'}>{notice.text}</p>}
      </div>
      {invitations.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {t('empty')}
        </p>
      ) : (
        <table className="table table-responsive">
          <thead>
            <tr>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('sent')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((inv) => {
              const scheduled = inv.lastSentAt > now;
              const canResend = inv.resendableAt <= now;
              return (
                <tr key={inv.id}>
                  <td>
                    <strong style={{ overflowWrap: 'anywhere' }}>{inv.email}</strong>
                    <div className="small muted">
                      {t('role', { role: tc(`role.${inv.role}`) })}
                      {inv.invitedBy ? ` · ${t('invitedBy', { name: inv.invitedBy })}` : ''}
                    </div>
                    {inv.message && (
                      <div className="small muted" style={{ overflowWrap: 'anywhere' }}>
                        {t('messageShown', { message: inv.message.length > 140 ? `${inv.message.slice(0, 140)}…` : inv.message })}
                      </div>
                    )}
                  </td>
                  <td>
                    {inv.state === 'expired' ? (
                      <span className="badge badge-draft">{t('stateExpired')}</span>
                    ) : (
                      <span className="badge">{t('statePending')}</span>
                    )}
                    <div className="small muted">{inv.state === 'expired' ? t('expiredOn', { date: day(inv.expiresAt) }) : t('expiresOn', { date: day(inv.expiresAt) })}</div>
                  </td>
                  <td className="small muted">
                    {scheduled ? t('scheduledFor', { time: time(inv.lastSentAt) }) : t('sentOn', { date: day(inv.lastSentAt) })}
                    {inv.sendCount > 1 && <div>{t('sendCount', { count: inv.sendCount })}</div>}
                  </td>
                  <td>
                    <div className="row" style={{ gap: 6 }}>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={pending || !canResend}
                        aria-label={t('resendAria', { email: inv.email })}
                        title={canResend ? undefined : t('resendLater', { time: time(inv.resendableAt) })}
                        onClick={() => run(() => resendAction(inv.id), t('resent', { email: inv.email }))}
                      >
                        {t('resend')}
                      </button>
                      <ConfirmButton
                        className="btn btn-danger btn-small"
                        label={t('revoke')}
                        ariaLabel={t('revokeAria', { email: inv.email })}
                        title={t('revokeTitle')}
                        body={t('revokeBody', { email: inv.email })}
                        confirmLabel={t('revokeConfirm')}
                        cancelLabel={tc('cancel')}
                        onConfirm={() => run(() => revokeAction(inv.id), t('revoked'))}
                      />
                    </div>
                    {!canResend && <div className="small muted">{t('resendLater', { time: time(inv.resendableAt) })}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
