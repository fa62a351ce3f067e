'use client';
/**
 * « Nouvelle page »: what kind of page, in which space, its title — then the writer lands in the
 * live editor, on the kind's template (lib/pages/templates.ts). No body here: the text is
 * written in the editor, where others can join.
 */
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { EventFields } from '@/components/events/EventFields';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';
import { CREATABLE_KINDS } from '@/lib/pages/templates';

type Props = {
  action: (prev: unknown, form: FormData) => Promise<FormResult>;
  /** Spaces the person may create a page in; the first is the one they came from. */
  spaces: { id: string; name: string }[];
  /** The kind chosen on arrival (« Nouvel événement » from the agenda). */
  initialKind?: (typeof CREATABLE_KINDS)[number];
};

export function NewPageForm({ action, spaces, initialKind }: Props) {
  const t = useTranslations('pages');
  const tc = useTranslations('common');
  const te = useTranslations('events.fields');
  // An event asks when and where before the editor (its dates live beside the page).
  const [kind, setKind] = useState<string>(initialKind ?? CREATABLE_KINDS[0]);
  const eventLabels = { startTime: te('startTime'), endTime: te('endTime'), date: te('date'), place: te('place'), capacity: te('capacity'), visibility: te('visibility'), slotStart: te('slotStart'), slotEnd: te('slotEnd'), slotCapacity: te('slotCapacity'), slotLabel: te('slotLabel') };
  return (
    <ActionForm action={action} fieldLabels={{ title: t('titleLabel'), kind: t('kindLabel'), spaceId: t('spaceLabel'), ...eventLabels }} invalidFieldMessage={tc.raw('invalidField') as string}>
      <fieldset className="kind-choices">
        <legend>{t('kindLabel')}</legend>
        {CREATABLE_KINDS.map((kind, i) => (
          <label key={kind} className="kind-choice">
            <input type="radio" name="kind" value={kind} defaultChecked={initialKind ? kind === initialKind : i === 0} aria-describedby={`kind-hint-${kind}`} onChange={(e) => e.target.checked && setKind(kind)} />
            <span>
              <strong>{t(`kind.${kind}`)}</strong>
              <span id={`kind-hint-${kind}`}>{t(`kindHint.${kind}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
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
        <input id="title" name="title" required maxLength={200} autoFocus aria-describedby="new-page-hint" />
        <span id="new-page-hint" className="hint">
          {kind === 'event' ? te('eventHint') : t('newPageHint')}
        </span>
      </div>
      {kind === 'event' && <EventFields withVisibility />}
      <div className="row">
        <SubmitButton pendingLabel={tc('saving')}>{kind === 'event' ? te('createEvent') : t('createAndWrite')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
