'use client';
/**
 * « Nouvelle motion »: what a motion goes through, in four steps, and its title; then the first
 * signatory lands in the live editor on the motion's template (exposé des motifs, dispositif).
 * The page is created by the new-page action with the kind `motion`.
 */
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';

type Props = {
  action: (prev: unknown, form: FormData) => Promise<FormResult>;
  /** Spaces the person may create a motion in; the first is the one they came from. */
  spaces: { id: string; name: string }[];
  /** The first space's signature requirement (when it has one). */
  requirement?: { signatures: number; sections: number } | null;
};

export function NewMotionForm({ action, spaces, requirement }: Props) {
  const t = useTranslations('motions.newMotion');
  return (
    <ActionForm action={action} fieldLabels={{ title: t('titleLabel'), spaceId: t('spaceLabel') }}>
      <div className="motion-intro">
        <p>{t('intro')}</p>
        <ol>
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
          <li>{t('step4')}</li>
        </ol>
        {requirement && (requirement.signatures > 0 || requirement.sections > 0) && <p className="small muted">{t('requirement', requirement)}</p>}
      </div>
      <input type="hidden" name="kind" value="motion" />
      {spaces.length > 1 ? (
        <div className="field">
          <label htmlFor="spaceId">{t('spaceLabel')}</label>
          <select id="spaceId" name="spaceId" defaultValue={spaces[0]?.id}>
            {spaces.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="spaceId" value={spaces[0]?.id} />
      )}
      <div className="field">
        <label htmlFor="title">{t('titleLabel')}</label>
        <input id="title" name="title" required maxLength={200} autoFocus aria-describedby="new-motion-hint" />
        <span id="new-motion-hint" className="hint">
          {t('titleHint')}
        </span>
      </div>
      <div className="row">
        <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
