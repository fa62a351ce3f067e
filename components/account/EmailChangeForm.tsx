'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

export function EmailChangeForm({ action, currentEmail }: { action: (prev: unknown, form: FormData) => Promise<FormResult>; currentEmail: string | null }) {
  const t = useTranslations('account.email');
  const tc = useTranslations('common');
  return (
    <ActionForm action={action} successMessage={t('sent')} resetOnSuccess aria-label={t('title')} fieldLabels={{ email: t('newEmail') }} invalidFieldMessage={tc.raw('invalidField') as string}>
      {currentEmail && (
        <p className="muted" style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {t('current', { email: currentEmail })}
        </p>
      )}
      <div className="field">
        <label htmlFor="new-email">{t('newEmail')}</label>
        <input id="new-email" name="email" type="email" inputMode="email" autoComplete="email" required maxLength={254} aria-describedby="new-email-hint" />
        <p id="new-email-hint" className="hint" style={{ margin: 0 }}>
          {t('hint')}
        </p>
      </div>
      <div>
        <SubmitButton pendingLabel={t('sending')}>{t('submit')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
