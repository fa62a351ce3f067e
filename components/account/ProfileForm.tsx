'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

type Props = {
  action: (prev: unknown, form: FormData) => Promise<FormResult>;
  name: string;
  locale: 'fr' | 'en';
};

export function ProfileForm({ action, name, locale }: Props) {
  const t = useTranslations('account.profile');
  const tc = useTranslations('common');
  return (
    <ActionForm action={action} successMessage={t('saved')} aria-label={t('title')} fieldLabels={{ name: t('name'), locale: t('language') }} invalidFieldMessage={tc.raw('invalidField') as string}>
      <div className="field">
        <label htmlFor="profile-name">{t('name')}</label>
        <input id="profile-name" name="name" type="text" required minLength={1} maxLength={100} defaultValue={name} autoComplete="name" aria-describedby="profile-name-hint" />
        <p id="profile-name-hint" className="hint" style={{ margin: 0 }}>
          {t('nameHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="profile-locale">{t('language')}</label>
        <select id="profile-locale" name="locale" defaultValue={locale}>
          <option value="fr" lang="fr">
            {t('fr')}
          </option>
          <option value="en" lang="en">
            {t('en')}
          </option>
        </select>
      </div>
      <div>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
