'use client';
/**
 * « Enregistrer une version… » in the page's ⋯ menu: a dialog asking the version's name
 * (« Version soumise au bureau »); it closes once the version is saved and the page says so.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Save } from 'lucide-react';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

type Props = {
  saveVersion: (prev: unknown, form: FormData) => Promise<FormResult>;
  onDone: () => void;
};

export function SaveVersionButton({ saveVersion, onDone }: Props) {
  const t = useTranslations('history');
  const tc = useTranslations('common');
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  useEffect(() => {
    if (open && ref.current && !ref.current.open) ref.current.showModal();
  }, [open]);
  const save = async (prev: unknown, form: FormData) => {
    const r = await saveVersion(prev, form);
    if (r?.ok) {
      ref.current?.close();
      onDone();
    }
    return r;
  };
  return (
    <>
      <button type="button" className="menu-item" onClick={() => setOpen(true)}>
        <Save size={16} aria-hidden /> {t('saveVersion')}
      </button>
      {open && (
        <dialog ref={ref} aria-labelledby={titleId} onClose={() => setOpen(false)}>
          <h2 id={titleId}>{t('saveVersionSubmit')}</h2>
          <ActionForm action={save}>
            <label className="field">
              {t('versionName')}
              <input name="name" required maxLength={120} placeholder={t('versionNamePlaceholder')} autoFocus />
            </label>
            <div className="row" style={{ justifyContent: 'flex-end' }}>
              <button type="button" className="btn" onClick={() => ref.current?.close()}>
                {tc('cancel')}
              </button>
              <SubmitButton>{t('saveVersionSubmit')}</SubmitButton>
            </div>
          </ActionForm>
        </dialog>
      )}
    </>
  );
}
