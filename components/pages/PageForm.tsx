'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

type Props = {
  action: (prev: unknown, form: FormData) => Promise<FormResult>;
  initial?: { title: string; markdown: string; visibility: 'public' | 'members' | 'space' };
  mode: 'create' | 'edit';
  canChangeVisibility: boolean;
  canPublish?: boolean;
};

/** Title, visibility and body (Markdown until the live editor arrives). */
export function PageForm({ action, initial, mode, canChangeVisibility, canPublish }: Props) {
  const t = useTranslations('pages');
  const tc = useTranslations('common');
  return (
    <ActionForm action={action} successMessage={mode === 'edit' ? tc('saved') : undefined} fieldLabels={{ title: t('titleLabel'), markdown: t('bodyLabel') }} invalidFieldMessage={tc.raw('invalidField') as string}>
      <div className="field">
        <label htmlFor="title">{t('titleLabel')}</label>
        <input id="title" name="title" required maxLength={200} defaultValue={initial?.title} autoFocus={mode === 'create'} />
      </div>
      {canChangeVisibility && (
        <div className="field">
          <label htmlFor="visibility">{t('visibilityLabel')}</label>
          <select id="visibility" name="visibility" defaultValue={initial?.visibility ?? 'space'} aria-describedby="visibility-hint">
            <option value="space">{t('visibility.space')}</option>
            <option value="members">{t('visibility.members')}</option>
            <option value="public">{t('visibility.public')}</option>
          </select>
          <span id="visibility-hint" className="hint">
            {t('visibilityHelp')}
          </span>
        </div>
      )}
      <div className="field">
        <label htmlFor="markdown">{t('bodyLabel')}</label>
        <textarea id="markdown" name="markdown" defaultValue={initial?.markdown} aria-describedby="markdown-hint" maxLength={200000} />
        <span id="markdown-hint" className="hint">
          {t('bodyHint')}
        </span>
      </div>
      <div className="row">
        {mode === 'create' ? (
          <>
            <SubmitButton name="status" value="draft" pendingLabel={tc('saving')}>
              {t('createDraft')}
            </SubmitButton>
            {canPublish && (
              <SubmitButton name="status" value="published" className="btn" pendingLabel={tc('saving')}>
                {t('createPublished')}
              </SubmitButton>
            )}
          </>
        ) : (
          <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
        )}
      </div>
    </ActionForm>
  );
}
