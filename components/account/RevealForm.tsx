'use client';
/**
 * A creation form whose result is a value shown once (an API token, an invitation link): the
 * action returns `{ value }`, displayed in a CopyField under the form until the next creation.
 */
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { SubmitButton, submitKeepingFields, type FormResult } from '@/components/ui/ActionForm';
import { CopyField } from './CopyField';

type Props = {
  action: (prev: unknown, form: FormData) => Promise<FormResult>;
  children: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  revealId: string;
  revealLabel: string;
  revealHint: string;
  fieldLabels: Record<string, string>;
  'aria-label': string;
};

function revealedValue(state: FormResult): string | null {
  if (!state?.ok || typeof state.data !== 'object' || state.data === null) return null;
  const v = (state.data as { value?: unknown }).value;
  return typeof v === 'string' ? v : null;
}

export function RevealForm({ action, children, submitLabel, pendingLabel, revealId, revealLabel, revealHint, fieldLabels, ...rest }: Props) {
  const tc = useTranslations('common');
  const [state, formAction] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const revealRef = useRef<HTMLDivElement>(null);
  const value = revealedValue(state);
  useEffect(() => {
    const form = formRef.current;
    if (!form || !state) return;
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    if (!state.ok && state.error.field) {
      const el = form.querySelector<HTMLElement>(`[name="${CSS.escape(state.error.field)}"]`);
      el?.setAttribute('aria-invalid', 'true');
      el?.focus();
    }
    if (state.ok) {
      form.reset();
      revealRef.current?.querySelector('input')?.focus();
    }
  }, [state]);
  const fieldLabel = state && !state.ok && state.error.field ? (fieldLabels[state.error.field] ?? state.error.field) : null;
  return (
    <div className="stack">
      <form ref={formRef} action={formAction} onSubmit={submitKeepingFields(formAction)} className="stack" aria-label={rest['aria-label']}>
        {children}
        <div>
          <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
        </div>
        <div role="status" aria-live="polite">
          {state && !state.ok && (
            <p className="alert alert-error" role="alert">
              {state.error.message}
              {fieldLabel ? ` ${tc('invalidField', { field: fieldLabel })}` : ''}
            </p>
          )}
        </div>
      </form>
      {value && (
        <div ref={revealRef} className="alert alert-warn" key={state?.at}>
          <CopyField id={revealId} label={revealLabel} value={value} hint={revealHint} />
        </div>
      )}
    </div>
  );
}
