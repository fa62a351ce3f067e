'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';

type Props = { mode: 'join' | 'leave'; action: () => Promise<FormResult> };

/** Join or leave a group, with the error shown in place if the server refuses. */
export function MembershipButton({ mode, action }: Props) {
  const t = useTranslations('spaces');
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="stack" style={{ gap: 6 }}>
      <button
        type="button"
        className={mode === 'join' ? 'btn btn-primary' : 'btn'}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await action();
            setError(r && !r.ok ? r.error.message : null);
          })
        }
      >
        {mode === 'join' ? t('join') : t('leave')}
      </button>
      {error && (
        <span className="alert alert-error small" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
