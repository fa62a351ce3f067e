'use client';
/**
 * A form bound to a server action: disables its submit button while pending, shows the
 * error (or success message) in a live region, marks the faulty field.
 */
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
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
  const [state, formAction] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
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
  const fieldLabel = state && !state.ok && state.error.field ? (fieldLabels?.[state.error.field] ?? state.error.field) : null;
  return (
    <form ref={formRef} action={formAction} className={className ?? 'stack'} aria-label={rest['aria-label']} noValidate={false}>
      {children}
      <div role="status" aria-live="polite">
        {state && !state.ok && (
          <p className="alert alert-error" role="alert">
            {state.error.message}
            {fieldLabel && invalidFieldMessage ? ` ${invalidFieldMessage.replace('{field}', fieldLabel)}` : ''}
          </p>
        )}
        {state?.ok && successMessage && <p className="alert alert-ok">{successMessage}</p>}
      </div>
    </form>
  );
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
