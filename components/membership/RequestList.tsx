'use client';
/**
 * The deciders' list of pending requests: who asks (name, address), which kind (a membership, a
 * transfer from another section, a group), their message; « Accepter » and « Refuser » (with a
 * message, all the person will read) each behind a confirmation. What was done is said in a live
 * region that outlives the answered row.
 */
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { MESSAGE_MAX, type JoinRequestKind } from './JoinRequestDialog';

export type RequestItem = {
  id: string;
  kind: JoinRequestKind;
  name: string;
  email: string | null;
  fromName: string | null;
  message: string;
  /** Already written out in Europe/Paris by the server. */
  askedOn: string;
};

type Props = {
  requests: RequestItem[];
  spaceName: string;
  accept: (requestId: string) => Promise<FormResult>;
  decline: (requestId: string, message: string) => Promise<FormResult>;
};

export function RequestList({ requests, spaceName, accept, decline }: Props) {
  const t = useTranslations('membership.requests');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (r: FormResult, text: string) => setNotice(r && !r.ok ? { ok: false, text: r.error.message } : { ok: true, text });
  return (
    <>
      {requests.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <ul className="list" aria-label={t('title')}>
          {requests.map((r) => (
            <RequestRow
              key={r.id}
              request={r}
              spaceName={spaceName}
              onAccept={async () => done(await accept(r.id), t('acceptedDone', { name: r.name }))}
              onDecline={async (message) => done(await decline(r.id, message), t('declinedDone', { name: r.name }))}
            />
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite">
        {notice && <p className={notice.ok ? 'alert alert-ok' : 'alert alert-error'}>{notice.text}</p>}
      </div>
    </>
  );
}

function RequestRow({ request: r, spaceName, onAccept, onDecline }: { request: RequestItem; spaceName: string; onAccept: () => Promise<void>; onDecline: (message: string) => Promise<void> }) {
  const t = useTranslations('membership.requests');
  const tc = useTranslations('common');
  const [answer, setAnswer] = useState('');
  const fieldId = useId();
  const kindLabel = r.kind === 'join' ? t('kindJoin') : r.kind === 'group' ? t('kindGroup') : r.fromName ? t('kindTransfer', { from: r.fromName }) : t('kindTransferNoFrom');
  return (
    <li>
      <div className="stack" style={{ gap: 6 }}>
        <div className="row" style={{ flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
          <strong>{r.name}</strong>
          {r.email && r.email !== r.name && <span className="small muted" style={{ overflowWrap: 'anywhere' }}>{r.email}</span>}
          <span className="badge">{kindLabel}</span>
          <span className="small muted">{t('askedOn', { date: r.askedOn })}</span>
        </div>
        {r.message ? (
          <blockquote style={{ margin: 0, padding: '4px 12px', borderLeft: '4px solid var(--border)', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.message}</blockquote>
        ) : (
          <p className="small muted" style={{ margin: 0 }}>
            {t('noMessage')}
          </p>
        )}
        <div className="row" style={{ flexWrap: 'wrap', gap: 8 }}>
          <ConfirmButton
            className="btn btn-primary"
            label={t('accept')}
            ariaLabel={t('acceptAria', { name: r.name })}
            title={t('acceptTitle', { name: r.name })}
            body={t('acceptBody', { kind: r.kind, name: r.name, space: spaceName })}
            confirmLabel={t('accept')}
            cancelLabel={tc('cancel')}
            onConfirm={onAccept}
          />
          <ConfirmButton
            className="btn"
            label={t('decline')}
            ariaLabel={t('declineAria', { name: r.name })}
            title={t('declineTitle', { name: r.name })}
            body={
              <div className="field" style={{ marginTop: 8 }}>
                <label htmlFor={fieldId} style={{ color: 'var(--text)' }}>
                  {t('declineMessageLabel', { name: r.name })}
                </label>
                <textarea
                  id={fieldId}
                  value={answer}
                  maxLength={MESSAGE_MAX}
                  aria-describedby={`${fieldId}-hint`}
                  onChange={(e) => setAnswer(e.target.value)}
                  style={{ minHeight: 100, fontFamily: 'inherit', fontSize: '1rem' }}
                />
                <span id={`${fieldId}-hint`} className="hint">
                  {t('declineHint')}
                </span>
              </div>
            }
            confirmLabel={t('declineConfirm')}
            cancelLabel={tc('cancel')}
            onConfirm={() => onDecline(answer)}
          />
        </div>
      </div>
    </li>
  );
}
