'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

type Props = { mode: 'join' | 'leave'; action: () => Promise<FormResult>; groupName: string; isOpen: boolean };

/**
 * Join a group at once; leave it after a confirmation (a closed group cannot be joined again
 * without its animators). A refusal from the server is shown in place.
 */
export function MembershipButton({ mode, action, groupName, isOpen }: Props) {
  const t = useTranslations('spaces');
  const tc = useTranslations('common');
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    const r = await action();
    setError(r && !r.ok ? r.error.message : null);
  };
  return (
    <span className="stack" style={{ gap: 6 }}>
      {mode === 'join' ? (
        <button type="button" className="btn btn-primary" disabled={pending} onClick={() => start(run)}>
          {t('join')}
        </button>
      ) : (
        <ConfirmButton
          className="btn"
          label={t('leave')}
          title={t('leaveConfirmTitle', { name: groupName })}
          body={isOpen ? t('leaveConfirmOpen') : t('leaveConfirmClosed')}
          confirmLabel={t('leave')}
          cancelLabel={tc('cancel')}
          onConfirm={run}
        />
      )}
      {error && (
        <span className="alert alert-error small" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
