'use client';
/** The organisers' dialog to change an event's date, times, place, capacity and slots. */
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';
import { EventFields, type EventFieldValues } from './EventFields';

type Props = { defaults: EventFieldValues; action: (prev: unknown, form: FormData) => Promise<FormResult>; label: string };

export function EventEditDialog({ defaults, action, label }: Props) {
  const t = useTranslations('events.edit');
  const tf = useTranslations('events.fields');
  const tc = useTranslations('common');
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open && ref.current && !ref.current.open) ref.current.showModal();
  }, [open]);
  // Closes once the server took the change (the page is revalidated behind it).
  const submit = async (prev: unknown, form: FormData) => {
    const r = await action(prev, form);
    if (r?.ok) ref.current?.close();
    return r;
  };
  const labels = { startTime: tf('startTime'), endTime: tf('endTime'), date: tf('date'), place: tf('place'), capacity: tf('capacity'), slotStart: tf('slotStart'), slotEnd: tf('slotEnd'), slotCapacity: tf('slotCapacity'), slotLabel: tf('slotLabel') };
  return (
    <>
      <button ref={opener} type="button" className="btn" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <dialog
          ref={ref}
          aria-labelledby="event-edit-title"
          className="event-edit-dialog"
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        >
          <h2 id="event-edit-title">{t('title')}</h2>
          <ActionForm action={submit} fieldLabels={labels} invalidFieldMessage={tc.raw('invalidField') as string}>
            <EventFields defaults={defaults} />
            <div className="row" style={{ justifyContent: 'flex-end' }}>
              <button type="button" className="btn" onClick={() => ref.current?.close()}>
                {t('cancel')}
              </button>
              <SubmitButton pendingLabel={tc('saving')}>{t('save')}</SubmitButton>
            </div>
          </ActionForm>
        </dialog>
      )}
    </>
  );
}
