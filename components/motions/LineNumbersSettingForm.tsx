'use client';
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

/** The site's line length for numbering motions (site admins, on /admin). */
export function LineNumbersSettingForm({ action, length, min, max }: { action: (prev: unknown, form: FormData) => Promise<FormResult>; length: number; min: number; max: number }) {
  const t = useTranslations('admin.motionLines');
  const id = useId();
  return (
    <ActionForm action={action} successMessage={t('saved')} aria-label={t('title')}>
      <div className="field">
        <label htmlFor={`${id}-length`}>{t('label')}</label>
        <input id={`${id}-length`} name="motionLineLength" type="number" inputMode="numeric" min={min} max={max} step={1} required defaultValue={length} aria-describedby={`${id}-help`} style={{ maxWidth: '10ch' }} />
        <p id={`${id}-help`} className="hint" style={{ margin: 0 }}>
          {t('help', { min, max })}
        </p>
      </div>
      <div>
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
