'use client';
/** A destructive action behind a confirmation dialog (native <dialog>: focus trap and Escape). */
import { useId, useRef, useTransition, type ReactNode } from 'react';

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
  const titleId = useId(); // titles repeat in lists (one button per row): ids must not
  const [pending, start] = useTransition();
  return (
    <>
      <button type="button" className={className ?? 'btn btn-danger'} aria-label={ariaLabel} onClick={() => ref.current?.showModal()}>
        {label}
      </button>
      <dialog ref={ref} aria-labelledby={titleId}>
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
    </>
  );
}
