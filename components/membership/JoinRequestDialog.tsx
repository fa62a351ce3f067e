'use client';
/**
 * The request's dialog (native <dialog>: focus trap, Escape closes): what happens once accepted,
 * a message to the deciders, send. A refusal from the server is shown in the dialog, under the
 * message when it is about it; what was typed stays.
 */
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';

export type JoinRequestKind = 'join' | 'transfer' | 'group';

type Props = {
  kind: JoinRequestKind;
  spaceName: string;
  onSend: (message: string) => Promise<FormResult>;
  /** Called once the dialog has closed (sent or not): the opener takes the focus back. */
  onClose: (sent: boolean) => void;
};

export const MESSAGE_MAX = 2000;

export function JoinRequestDialog({ kind, spaceName, onSend, onClose }: Props) {
  const t = useTranslations('membership.requests');
  const tc = useTranslations('common');
  const ref = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), intro: useId(), hint: useId(), error: useId() };
  const [message, setMessage] = useState('');
  const [error, setError] = useState<{ text: string; onMessage: boolean } | null>(null);
  const [pending, start] = useTransition();
  const sent = useRef(false);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await onSend(message);
      if (r && !r.ok) {
        setError({ text: r.error.message, onMessage: r.error.field === 'message' });
        return;
      }
      sent.current = true;
      ref.current?.close();
    });
  };
  return (
    <dialog ref={ref} aria-labelledby={ids.title} aria-describedby={ids.intro} onClose={() => onClose(sent.current)} style={{ width: 'min(520px, calc(100vw - 32px))', maxWidth: 'none' }}>
      <form className="stack" onSubmit={submit} style={{ gap: 12 }}>
        <h2 id={ids.title} style={{ margin: 0 }}>
          {t('dialogTitle', { kind, space: spaceName })}
        </h2>
        <p id={ids.intro} className="muted" style={{ margin: 0 }}>
          {t('dialogIntro', { kind })}
        </p>
        <div className="field">
          <label htmlFor={`${ids.title}-message`}>{t('messageLabel')}</label>
          <textarea
            id={`${ids.title}-message`}
            name="message"
            value={message}
            maxLength={MESSAGE_MAX}
            autoFocus
            aria-describedby={error?.onMessage ? `${ids.hint} ${ids.error}` : ids.hint}
            aria-invalid={error?.onMessage || undefined}
            onChange={(e) => {
              setMessage(e.target.value);
              setError(null);
            }}
            style={{ minHeight: 120, fontFamily: 'inherit', fontSize: '1rem' }}
          />
          <span id={ids.hint} className="hint">
            {t('messageHint')}
          </span>
        </div>
        {error && (
          <p id={ids.error} className="alert alert-error" role="alert" style={{ margin: 0 }}>
            {error.text}
          </p>
        )}
        <div className="row" style={{ justifyContent: 'flex-end', flexWrap: 'wrap' }}>
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            {tc('cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? t('sending') : t('send')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
