'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

export function GroupForm({ action }: { action: (prev: unknown, f: FormData) => Promise<FormResult> }) {
  const t = useTranslations('spaces');
  const tc = useTranslations('common');
  return (
    <ActionForm action={action} fieldLabels={{ name: t('groupName'), description: t('description') }} invalidFieldMessage={tc.raw('invalidField') as string}>
      <div className="field">
        <label htmlFor="group-name">{t('groupName')}</label>
        <input id="group-name" name="name" required minLength={2} maxLength={120} autoFocus />
      </div>
      <div className="field">
        <label htmlFor="group-description">{t('description')}</label>
        <textarea id="group-description" name="description" maxLength={2000} style={{ minHeight: 100, fontFamily: 'inherit' }} />
      </div>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t('openness')}</legend>
        <label className="row">
          <input type="radio" name="isOpen" value="true" defaultChecked /> {t('openGroup')}
        </label>
        <label className="row">
          <input type="radio" name="isOpen" value="false" /> {t('closedGroupHelp')}
        </label>
      </fieldset>
      <SubmitButton pendingLabel={t('creating')}>{t('createGroupSubmit')}</SubmitButton>
    </ActionForm>
  );
}
