'use client';
/**
 * A secretary invites people by e-mail: one or many addresses (a list pasted from anywhere), an
 * optional word that goes into the mail, the role on arrival. The answer is the same whatever the
 * addresses are: it tells nothing of who already belongs where.
 */
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

type Props = {
  action: (prev: unknown, form: FormData) => Promise<FormResult>;
  kind: 'section' | 'group';
};

export function InviteMembersForm({ action, kind }: Props) {
  const t = useTranslations('membership.invite');
  const tc = useTranslations('common');
  const id = useId();
  const animator = kind === 'group' ? 'admin' : 'secretary';
  return (
    <ActionForm
      action={action}
      successMessage={t('sent')}
      resetOnSuccess
      aria-label={t('title')}
      fieldLabels={{ emails: t('emailsLabel'), message: t('messageLabel'), role: t('roleLabel') }}
      invalidFieldMessage={tc.raw('invalidField') as string}
    >
      <p className="small muted" style={{ margin: 0 }}>
        {kind === 'group' ? t('explainGroup') : t('explainSection')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-emails`}>{t('emailsLabel')}</label>
        <textarea id={`${id}-emails`} name="emails" rows={3} required autoComplete="off" spellCheck={false} aria-describedby={`${id}-emails-hint`} />
        <p id={`${id}-emails-hint`} className="hint small muted" style={{ margin: 0 }}>
          {t('emailsHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-message`}>{t('messageLabel')}</label>
        <textarea id={`${id}-message`} name="message" rows={3} maxLength={2000} aria-describedby={`${id}-message-hint`} />
        <p id={`${id}-message-hint`} className="hint small muted" style={{ margin: 0 }}>
          {t('messageHint')}
        </p>
      </div>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <div className="field" style={{ flex: '0 1 220px', margin: 0 }}>
          <label htmlFor={`${id}-role`}>{t('roleLabel')}</label>
          <select id={`${id}-role`} name="role" defaultValue="member">
            <option value="member">{tc('role.member')}</option>
            <option value={animator}>{tc(`role.${animator}`)}</option>
          </select>
        </div>
        <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
