'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';

type Invitation = { spaceId: string; spaceName: string; description: string; role: string; invitedBy: string | null };

type Props = {
  invitations: Invitation[];
  accept: (spaceId: string) => Promise<FormResult>;
  decline: (spaceId: string) => Promise<FormResult>;
};

/**
 * The groups someone is invited to: they accept or decline each (nobody is put into a group
 * without consent). What was done is said in a live region that outlives the answered rows.
 */
export function GroupInvitations({ invitations, accept, decline }: Props) {
  const t = useTranslations('spaces');
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const answer = (inv: Invitation, yes: boolean) =>
    start(async () => {
      const r = await (yes ? accept : decline)(inv.spaceId);
      setMessage(r && !r.ok ? { ok: false, text: r.error.message } : { ok: true, text: t(yes ? 'accepted' : 'declined', { name: inv.spaceName }) });
    });
  return (
    <>
      {invitations.length > 0 && (
        <section className="card stack" aria-labelledby="invitations-title">
          <h2 id="invitations-title" style={{ margin: 0 }}>
            {t('invitationsTitle')}
          </h2>
          <ul className="list">
            {invitations.map((inv) => (
              <li key={inv.spaceId}>
                <div className="row" style={{ justifyContent: 'space-between', flexWrap: 'wrap' }}>
                  <div style={{ minWidth: 0 }}>
                    <strong className="list-title">{inv.spaceName}</strong>
                    <p className="small muted" style={{ margin: 0 }}>
                      {[inv.invitedBy && t('invitedBy', { name: inv.invitedBy }), inv.role === 'admin' && t('invitedAsAdmin')].filter(Boolean).join(' · ')}
                    </p>
                    {inv.description && <p className="excerpt">{inv.description}</p>}
                  </div>
                  <div className="row">
                    <button type="button" className="btn btn-primary" disabled={pending} aria-label={t('acceptNamed', { name: inv.spaceName })} onClick={() => answer(inv, true)}>
                      {t('accept')}
                    </button>
                    <button type="button" className="btn" disabled={pending} aria-label={t('declineNamed', { name: inv.spaceName })} onClick={() => answer(inv, false)}>
                      {t('decline')}
                    </button>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* Outside the card: it outlives the last answered invitation. */}
      <div role="status" aria-live="polite">
        {message && <p className={message.ok ? 'alert alert-ok' : 'alert alert-error'}>{message.text}</p>}
      </div>
    </>
  );
}
