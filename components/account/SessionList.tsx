'use client';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Monitor, Smartphone, Tablet } from 'lucide-react';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

type Device = { browser: string | null; system: string | null; kind: 'desktop' | 'mobile' | 'tablet' | null };
type Session = { id: string; createdAt: Date; expires: Date; isCurrent: boolean; device: Device };

type Props = {
  sessions: Session[];
  revokeAction: (id: string) => Promise<FormResult>;
  endOthersAction: () => Promise<FormResult>;
};

const ICONS = { desktop: Monitor, mobile: Smartphone, tablet: Tablet } as const;

export function SessionList({ sessions, revokeAction, endOthersAction }: Props) {
  const t = useTranslations('account.sessions');
  const tc = useTranslations('common');
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const deviceName = ({ browser, system }: Device) => (browser && system ? t('device', { browser, system }) : (browser ?? system ?? t('unknownDevice')));
  const others = sessions.filter((s) => !s.isCurrent).length;
  if (sessions.length === 0) return <p className="empty">{t('none')}</p>;
  return (
    <>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <ul className="list">
        {sessions.map((s) => {
          const Icon = ICONS[s.device.kind ?? 'desktop'];
          return (
            <li key={s.id} className="row" style={{ justifyContent: 'space-between' }}>
              <div className="row" style={{ gap: 10, alignItems: 'flex-start', minWidth: 0 }}>
                <Icon size={20} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
                <div style={{ minWidth: 0 }}>
                  <strong>{deviceName(s.device)}</strong> {s.isCurrent && <span className="badge badge-published">{t('current')}</span>}
                  <div className="small muted">
                    {t('started', { date: when(s.createdAt) })} · {t('expires', { date: when(s.expires) })}
                  </div>
                </div>
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
          );
        })}
      </ul>
      {others > 0 && (
        <div>
          <ConfirmButton
            className="btn"
            label={t('endOthers')}
            title={t('endOthersTitle')}
            body={t('endOthersBody', { count: others })}
            confirmLabel={t('endOthersConfirm')}
            cancelLabel={tc('cancel')}
            onConfirm={async () => {
              const r = await endOthersAction();
              setError(r && !r.ok ? r.error.message : null);
              const ended = r?.ok ? (r.data as { ended?: number }).ended : undefined;
              setDone(ended === undefined ? null : t('endedOthers', { count: ended }));
            }}
          />
        </div>
      )}
      <div role="status" aria-live="polite">
        {done && <p className="alert alert-ok">{done}</p>}
      </div>
    </>
  );
}
