'use client';
/** The danger zone: deleting one's account behind a dialog that asks to type a word. */
import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

export function DeleteAccount({ action }: { action: (prev: unknown, form: FormData) => Promise<FormResult> }) {
  const t = useTranslations('account.delete');
  const tc = useTranslations('common');
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const word = t('word');
  const matches = typed.trim() === word;
  const close = () => {
    ref.current?.close();
    setTyped('');
  };
  return (
    <>
      <div>
        <button type="button" className="btn btn-danger" onClick={() => ref.current?.showModal()}>
          {t('button')}
        </button>
      </div>
      <dialog ref={ref} aria-labelledby="delete-account-title" aria-describedby="delete-account-body" onClose={() => setTyped('')}>
        <h2 id="delete-account-title">{t('dialogTitle')}</h2>
        <p id="delete-account-body" className="muted">
          {t('dialogBody')}
        </p>
        <ActionForm action={action} aria-label={t('dialogTitle')}>
          <div className="field">
            <label htmlFor="delete-confirm">{t('confirmLabel', { word })}</label>
            <input
              id="delete-confirm"
              name="confirm"
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="btn" onClick={close} autoFocus>
              {tc('cancel')}
            </button>
            {matches ? (
              <SubmitButton className="btn btn-primary" pendingLabel={t('deleting')}>
                {t('confirm')}
              </SubmitButton>
            ) : (
              <button type="submit" className="btn btn-primary" disabled>
                {t('confirm')}
              </button>
            )}
          </div>
        </ActionForm>
      </dialog>
    </>
  );
}
