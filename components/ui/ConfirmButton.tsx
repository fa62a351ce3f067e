'use client';
/**
 * A destructive action behind a confirmation dialog (native <dialog>: focus trap and Escape).
 * The dialog exists only while it is open: a list with one button per row (members, trash,
 * tokens) does not render, send and hydrate a hidden dialog for every row.
 */
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from 'react';

type Props = {
  label: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => Promise<void> | void;
  className?: string;
  /** Accessible name when the visible label is short ("Retirer" → "Retirer Inès Moreau"). */
  ariaLabel?: string;
};

export function ConfirmButton({ label, title, body, confirmLabel, cancelLabel, onConfirm, className, ariaLabel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId(); // titles repeat in lists (one button per row): ids must not
  const [pending, start] = useTransition();
  // Shown as a modal once mounted; unmounted when it closes (Escape, Annuler, done).
  useEffect(() => {
    if (open && ref.current && !ref.current.open) ref.current.showModal();
  }, [open]);
  return (
    <>
      <button type="button" className={className ?? 'btn btn-danger'} aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <dialog ref={ref} aria-labelledby={titleId} onClose={() => setOpen(false)}>
          <h2 id={titleId}>{title}</h2>
          <div className="muted">{body}</div>
          <div className="row" style={{ justifyContent: 'flex-end', marginTop: 16 }}>
            <button type="button" className="btn" onClick={() => ref.current?.close()} autoFocus>
              {cancelLabel}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  await onConfirm();
                  ref.current?.close();
                })
              }
            >
              {confirmLabel}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
