'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from './ActionForm';

type Props = {
  action: (prev: unknown, form: FormData) => Promise<FormResult>;
  callbackUrl: string;
  invitation?: string;
  submitLabel?: string;
};

export function EmailSignInForm({ action, callbackUrl, invitation, submitLabel }: Props) {
  const t = useTranslations('auth');
  return (
    <ActionForm action={action} aria-label={t('emailFormLabel')}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {invitation && <input type="hidden" name="invitation" value={invitation} />}
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input id="email" name="email" type="email" autoComplete="email" inputMode="email" required placeholder={t('emailPlaceholder')} />
      </div>
      <SubmitButton pendingLabel={t('sending')}>{submitLabel ?? t('sendLink')}</SubmitButton>
    </ActionForm>
  );
}
