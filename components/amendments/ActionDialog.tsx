'use client';
/**
 * A button that opens a small form in a native modal dialog (focus kept inside, Escape closes):
 * the deciders' reject, new wording, accept with a conflict; the session's close. The dialog
 * exists only while open. `onSubmit` answers an error to show (its field's message under the
 * field when the form names it) or null when done.
 */
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from 'react';

export type DialogError = { message: string; field?: string } | null;

type Props = {
  label: ReactNode;
  ariaLabel?: string;
  className?: string;
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  cancelLabel: string;
  pendingLabel: string;
  /** The form's fields; `error` is the last error, to mark the field it names. */
  children: (error: DialogError) => ReactNode;
  onSubmit: (form: FormData) => Promise<DialogError>;
  wide?: boolean;
  disabled?: boolean;
};

export function ActionDialog({ label, ariaLabel, className, title, intro, submitLabel, cancelLabel, pendingLabel, children, onSubmit, wide, disabled }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<DialogError>(null);
  const [pending, start] = useTransition();
  const titleId = useId();
  useEffect(() => {
    if (open && ref.current && !ref.current.open) ref.current.showModal();
  }, [open]);
  return (
    <>
      <button type="button" className={className ?? 'btn btn-small'} aria-label={ariaLabel} disabled={disabled} onClick={() => (setError(null), setOpen(true))}>
        {label}
      </button>
      {open && (
        <dialog ref={ref} className={`amend-dialog${wide ? ' amend-dialog-wide' : ''}`} aria-labelledby={titleId} onClose={() => setOpen(false)}>
          <form
            className="stack amend-form"
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              start(async () => {
                const err = await onSubmit(form);
                setError(err);
                if (!err) ref.current?.close();
              });
            }}
          >
            <h2 id={titleId}>{title}</h2>
            {intro}
            {error && !error.field && (
              <p className="alert alert-error" role="alert">
                {error.message}
              </p>
            )}
            {children(error)}
            <div className="row amend-dialog-buttons">
              <button type="button" className="btn" onClick={() => ref.current?.close()}>
                {cancelLabel}
              </button>
              <button type="submit" className="btn btn-primary" disabled={pending}>
                {pending ? pendingLabel : submitLabel}
              </button>
            </div>
          </form>
        </dialog>
      )}
    </>
  );
}

/** A labelled field with its hint and its error, wired for screen readers. */
export function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [hint ? hintId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errId} className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
