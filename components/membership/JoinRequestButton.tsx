'use client';
/**
 * On a space's page, for someone who may ask to enter it: « Adhérer dans cette section » (a
 * citizen), « Demander un transfert ici » (a member of another section), « Demander à rejoindre »
 * (a group on request). Opens the request's dialog; once sent, says « Demande envoyée » with a way
 * to cancel it. The outcome is said in a live region that outlives the button.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Clock, UserPlus } from 'lucide-react';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { JoinRequestDialog, type JoinRequestKind } from './JoinRequestDialog';

type Props = {
  kind: JoinRequestKind;
  spaceName: string;
  /** The viewer's pending request for this space, if any. */
  pendingId: string | null;
  ask: (message: string) => Promise<FormResult>;
  cancel: (requestId: string) => Promise<FormResult>;
};

export function JoinRequestButton({ kind, spaceName, pendingId: initial, ask, cancel }: Props) {
  const t = useTranslations('membership.requests');
  const [pendingId, setPendingId] = useState(initial);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  // Where the focus goes once the button it was on is gone (a new object each time, so it moves again).
  const [focus, setFocus] = useState<{ to: 'sent' | 'opener' } | null>(null);
  useEffect(() => {
    if (focus?.to === 'sent') sentRef.current?.focus();
    if (focus?.to === 'opener') openerRef.current?.focus();
  }, [focus]);

  const send = async (message: string): Promise<FormResult> => {
    const r = await ask(message);
    if (r?.ok) setPendingId((r.data as { id: string }).id);
    return r;
  };
  const withdraw = async () => {
    if (!pendingId) return;
    const r = await cancel(pendingId);
    if (r && !r.ok) {
      setNotice({ ok: false, text: r.error.message });
      return;
    }
    setPendingId(null);
    setNotice({ ok: true, text: t('cancelled') });
    setFocus({ to: 'opener' });
  };
  const label = kind === 'join' ? t('askJoin') : kind === 'transfer' ? t('askTransfer') : t('askGroup');

  return (
    <span className="stack" style={{ gap: 6 }}>
      {pendingId ? (
        <span className="row" style={{ flexWrap: 'wrap', gap: 8 }}>
          <p ref={sentRef} tabIndex={-1} className="badge badge-draft" style={{ margin: 0, fontSize: '0.875rem', padding: '6px 10px' }}>
            <Clock size={14} aria-hidden /> {t('sent')}
          </p>
          <ConfirmButton
            className="btn"
            label={t('cancelRequest')}
            title={t('cancelTitle')}
            body={t('cancelBody', { space: spaceName })}
            confirmLabel={t('cancelRequest')}
            cancelLabel={t('keep')}
            onConfirm={withdraw}
          />
        </span>
      ) : (
        // A transfer is offered on every other section's page to every member: a quieter button.
        <button ref={openerRef} type="button" className={kind === 'transfer' ? 'btn' : 'btn btn-primary'} onClick={() => (setNotice(null), setOpen(true))}>
          <UserPlus size={18} aria-hidden /> {label}
        </button>
      )}
      {open && (
        <JoinRequestDialog
          kind={kind}
          spaceName={spaceName}
          onSend={send}
          onClose={(sent) => {
            setOpen(false);
            if (sent) {
              setNotice({ ok: true, text: `${t('sent')}. ${t('sentHint')}` });
              setFocus({ to: 'sent' });
            }
          }}
        />
      )}
      <span role="status" aria-live="polite" className="small">
        {notice && <span className={notice.ok ? 'muted' : 'alert alert-error'}>{notice.text}</span>}
      </span>
    </span>
  );
}
