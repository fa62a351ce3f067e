'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

export function SubspaceForm({ action, kind }: { action: (prev: unknown, f: FormData) => Promise<FormResult>; kind: 'federation' | 'section' }) {
  const t = useTranslations('spaces');
  return (
    <details style={{ marginTop: 16 }}>
      <summary className="btn btn-small">{kind === 'federation' ? t('createFederation') : t('createSection')}</summary>
      <ActionForm action={action} successMessage={t('subspaceCreated')} resetOnSuccess>
        <div className="field">
          <label htmlFor="subspace-name">{t('subspaceName')}</label>
          <input id="subspace-name" name="name" required minLength={2} maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor="subspace-description">{t('description')}</label>
          <input id="subspace-description" name="description" maxLength={2000} />
        </div>
        <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
      </ActionForm>
    </details>
  );
}
