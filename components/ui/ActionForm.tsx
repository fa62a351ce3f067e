'use client';
/**
 * A form bound to a server action: disables its submit button while pending, shows the
 * error (or success message) in a live region, marks the faulty field. What was typed stays
 * after a refusal, and the message goes as soon as the person types or sends again (it no
 * longer describes what the form holds).
 */
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

export type FormResult = { ok: true; data: unknown; at: number } | { ok: false; error: { code: string; message: string; field?: string }; at: number } | null;

type Props = {
  action: (prev: unknown, form: FormData) => Promise<FormResult>;
  children: ReactNode;
  successMessage?: string;
  className?: string;
  resetOnSuccess?: boolean;
  fieldLabels?: Record<string, string>;
  invalidFieldMessage?: string;
  'aria-label'?: string;
};

export function ActionForm({ action, children, successMessage, className, resetOnSuccess, fieldLabels, invalidFieldMessage, ...rest }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  // The result the person has moved on from (typed since): no longer shown.
  const [staleAt, setStaleAt] = useState<number | null>(null);
  const shown = state && !pending && state.at !== staleAt ? state : null;
  useEffect(() => {
    const form = formRef.current;
    if (!form || !state) return;
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    if (!state.ok && state.error.field) {
      const el = form.querySelector<HTMLElement>(`[name="${CSS.escape(state.error.field)}"]`);
      if (el) {
        el.setAttribute('aria-invalid', 'true');
        el.focus();
      }
    }
    if (state.ok && resetOnSuccess) form.reset();
  }, [state, resetOnSuccess]);
  const fieldLabel = shown && !shown.ok && shown.error.field ? (fieldLabels?.[shown.error.field] ?? shown.error.field) : null;
  const submit = submitKeepingFields(formAction);
  const typed = () => {
    if (!state || staleAt === state.at) return;
    setStaleAt(state.at);
    formRef.current?.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  };
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} onInput={typed} className={className ?? 'stack'} aria-label={rest['aria-label']} noValidate={false}>
      {children}
      <div role="status" aria-live="polite">
        {shown && !shown.ok && (
          <p className="alert alert-error" role="alert">
            {shown.error.message}
            {fieldLabel && invalidFieldMessage ? ` ${invalidFieldMessage.replace('{field}', fieldLabel)}` : ''}
          </p>
        )}
        {shown?.ok && successMessage && <p className="alert alert-ok">{successMessage}</p>}
      </div>
    </form>
  );
}

/**
 * The `onSubmit` of a form bound to `formAction` (from useActionState) that leaves the fields
 * as typed: React empties a form after its own `action` runs, which lost everything typed when
 * the server refused it. The form keeps `action={formAction}` for a browser without JavaScript;
 * with it, React sees the submission handled here (and useFormStatus still reports it pending).
 */
export function submitKeepingFields(formAction: (data: FormData) => void): (e: FormEvent<HTMLFormElement>) => void {
  return (e) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
}

/** Submit button that shows progress while its form's action runs. */
export function SubmitButton({ children, pendingLabel, className, name, value }: { children: ReactNode; pendingLabel?: string; className?: string; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className ?? 'btn btn-primary'} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
