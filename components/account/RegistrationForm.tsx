'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

export function RegistrationForm({ action, isOpen }: { action: (prev: unknown, form: FormData) => Promise<FormResult>; isOpen: boolean }) {
  const t = useTranslations('admin.registration');
  return (
    <ActionForm action={action} successMessage={t('saved')} aria-label={t('title')}>
      <p className="muted" style={{ margin: 0 }}>
        <strong>{isOpen ? t('stateOpen') : t('stateClosed')}</strong>
      </p>
      <div className="field">
        <label className="row" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
          <input type="checkbox" name="open" defaultChecked={isOpen} aria-describedby="registration-help" style={{ width: 20, height: 20, marginTop: 2, flex: 'none' }} />
          <span>{t('label')}</span>
        </label>
        <p id="registration-help" className="hint" style={{ margin: 0 }}>
          {t('help')}
        </p>
      </div>
      <div>
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
