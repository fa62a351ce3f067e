'use client';
/** Restores a version after a confirmation dialog; the result shows in a live region. */
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Undo2 } from 'lucide-react';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

export function RestoreButton({ label, restore }: { label: string; restore: () => Promise<FormResult> }) {
  const t = useTranslations('history');
  const tc = useTranslations('common');
  const [result, setResult] = useState<FormResult>(null);
  return (
    <span className="history-restore">
      <ConfirmButton
        className="btn btn-small"
        label={
          <>
            <Undo2 size={16} aria-hidden /> {t('restore')}
          </>
        }
        ariaLabel={`${t('restore')} « ${label} »`}
        title={t('restoreTitle')}
        body={t('restoreBody', { name: label })}
        confirmLabel={t('restoreConfirm')}
        cancelLabel={tc('cancel')}
        onConfirm={async () => setResult(await restore())}
      />
      <span role="status" aria-live="polite">
        {result && !result.ok && <span className="alert alert-error">{result.error.message}</span>}
        {result?.ok && <span className="small">{(result.data as { unchanged?: boolean } | undefined)?.unchanged ? t('alreadyThisText') : t('restored')}</span>}
      </span>
    </span>
  );
}
