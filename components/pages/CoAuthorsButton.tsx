'use client';
/**
 * « Co-auteurs… » in the page's ⋯ menu: a dialog holding the list of the page's stewards
 * (StewardManager), loaded when it opens so that a page view never pays for it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Users } from 'lucide-react';
import type { FormResult } from '@/components/ui/ActionForm';
import { StewardManager } from './StewardManager';

type Props = {
  viewerId: string;
  listAction: () => Promise<FormResult>;
  addAction: (prev: unknown, form: FormData) => Promise<FormResult>;
  removeAction: (userId: string) => Promise<FormResult>;
};

export function CoAuthorsButton({ viewerId, listAction, addAction, removeAction }: Props) {
  const t = useTranslations('pages.stewards');
  const tc = useTranslations('common');
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open && ref.current && !ref.current.open) ref.current.showModal();
  }, [open]);
  return (
    <>
      <button type="button" className="menu-item" onClick={() => setOpen(true)}>
        <Users size={16} aria-hidden /> {t('menu')}
      </button>
      {open && (
        <dialog ref={ref} aria-label={t('title')} onClose={() => setOpen(false)}>
          <StewardManager viewerId={viewerId} listAction={listAction} addAction={addAction} removeAction={removeAction} />
          <div className="row" style={{ justifyContent: 'flex-end', marginTop: 12 }}>
            <button type="button" className="btn" onClick={() => ref.current?.close()}>
              {tc('close')}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
