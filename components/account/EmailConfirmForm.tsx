'use client';
/**
 * Confirming takes a click rather than happening on page load: mail scanners that open links
 * in advance would otherwise spend the single-use token.
 */
import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { SubmitButton, type FormResult } from '@/components/ui/ActionForm';

export function EmailConfirmForm({ action, token }: { action: (prev: unknown, form: FormData) => Promise<FormResult>; token: string }) {
  const t = useTranslations('account.email');
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div className="stack">
        <p className="alert alert-ok" role="status">
          {t('confirmed')}
        </p>
        <p style={{ margin: 0 }}>
          <Link href="/compte">{t('backToAccount')}</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="stack" aria-label={t('confirmTitle')}>
      <input type="hidden" name="token" value={token} />
      <div>
        <SubmitButton pendingLabel={t('confirming')}>{t('confirmButton')}</SubmitButton>
      </div>
      <div role="status" aria-live="polite">
        {state && !state.ok && (
          <p className="alert alert-error" role="alert">
            {state.error.message}
          </p>
        )}
      </div>
    </form>
  );
}
