'use client';
/**
 * The signatures of a filed motion: how many, from how many sections, what is still missing, a
 * progress bar; Signer / Retirer ma signature in one click, with a moment to undo; the
 * signatories by section for party members; and, when accepted amendments changed the text since
 * the viewer signed, what changed with Confirmer / Retirer.
 */
import { useState, useTransition } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { PenLine, Undo2 } from 'lucide-react';
import type { FormResult } from '@/components/ui/ActionForm';
import type { SignaturesData } from './types';

export type SignatoryGroups = { sectionName: string | null; names: string[] }[];

export type SignatureActions = {
  sign: () => Promise<FormResult>;
  unsign: () => Promise<FormResult>;
  confirm: () => Promise<FormResult>;
  listSignatories: () => Promise<FormResult>;
};

type Props = { data: SignaturesData; canSign: boolean; actions: SignatureActions };
type Message = { ok: boolean; text: string; undo?: 'sign' | 'unsign' } | null;

export function Signatures({ data, canSign, actions }: Props) {
  const t = useTranslations('motions.signatures');
  const format = useFormatter();
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  // The names are read when the list is first opened, not with the page.
  const [signatories, setSignatories] = useState<SignatoryGroups | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const openList = (open: boolean) => {
    if (!open || signatories) return;
    actions.listSignatories().then((r) => {
      if (r?.ok) setSignatories(r.data as SignatoryGroups);
      else setListError(r && !r.ok ? r.error.message : t('loadFailed'));
    }, () => setListError(t('loadFailed')));
  };

  const act = (which: 'sign' | 'unsign' | 'confirm', fromUndo = false) =>
    start(async () => {
      const r = await actions[which]();
      if (r && !r.ok) return setMessage({ ok: false, text: r.error.message });
      const text = which === 'sign' ? t('signedDone') : which === 'unsign' ? t('unsignedDone') : t('confirmedDone');
      // Undo is offered for a signature given or withdrawn in one click (not for the undo itself).
      setMessage({ ok: true, text, undo: fromUndo || which === 'confirm' ? undefined : which === 'sign' ? 'unsign' : 'sign' });
    });

  const need = Math.max(0, data.requiredSignatures - data.count);
  const needSections = Math.max(0, data.requiredSections - data.sections);
  const hasRequirement = data.requiredSignatures > 0 || data.requiredSections > 0;
  // The bar shows the share of the stricter of the two requirements.
  const share = hasRequirement
    ? Math.min(data.requiredSignatures > 0 ? data.count / data.requiredSignatures : 1, data.requiredSections > 0 ? data.sections / data.requiredSections : 1)
    : 1;
  const percent = Math.round(Math.min(1, share) * 100);

  return (
    <section className="motion-signatures" aria-labelledby="motion-signatures-title">
      <h2 id="motion-signatures-title">{t('heading')}</h2>
      <p className="motion-signature-count" data-testid="signature-count">
        <strong>{t('count', { count: data.count, sections: data.sections })}</strong>
      </p>
      {hasRequirement ? (
        <>
          <div className="motion-progress" role="progressbar" aria-label={t('progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent} %`}>
            <span style={{ width: `${percent}%` }} />
          </div>
          <p className="small muted">
            {t('requirement', { signatures: data.requiredSignatures, sections: data.requiredSections })}{' '}
            {need > 0 || needSections > 0 ? t('missing', { signatures: need, sections: needSections, both: need > 0 && needSections > 0 ? 'yes' : 'no' }) : t('reached')}
          </p>
        </>
      ) : (
        <p className="small muted">{t('noRequirement')}</p>
      )}

      {data.change && (
        <div className="alert alert-warn motion-signature-change" role="region" aria-labelledby="motion-change-title">
          <h3 id="motion-change-title">{t('changedTitle')}</h3>
          <p>{t('changedBody', { date: format.dateTime(new Date(data.change.signedAt), { dateStyle: 'long' }) })}</p>
          <div className="prose history-diff motion-diff" dangerouslySetInnerHTML={{ __html: data.change.diffHtml }} />
          <div className="row">
            <button type="button" className="btn btn-primary" disabled={pending} onClick={() => act('confirm')}>
              {t('confirm')}
            </button>
            <button type="button" className="btn btn-danger" disabled={pending} onClick={() => act('unsign')}>
              {t('unsign')}
            </button>
          </div>
        </div>
      )}

      {data.signed && !data.change && <p className="motion-signed">{t('signed')}</p>}
      {canSign && !data.change && (
        <div className="row">
          {data.signed ? (
            <button type="button" className="btn" disabled={pending} onClick={() => act('unsign')}>
              {t('unsign')}
            </button>
          ) : (
            <button type="button" className="btn btn-primary" disabled={pending} onClick={() => act('sign')}>
              <PenLine size={16} aria-hidden /> {t('sign')}
            </button>
          )}
        </div>
      )}
      <div role="status" aria-live="polite">
        {message && (
          <p className={`alert ${message.ok ? 'alert-ok' : 'alert-error'} motion-inline-alert`}>
            {message.text}
            {message.undo && (
              <button type="button" className="btn btn-small" disabled={pending} onClick={() => act(message.undo!, true)}>
                <Undo2 size={14} aria-hidden /> {t('undo')}
              </button>
            )}
          </p>
        )}
      </div>

      {data.listsSignatories && (
        <details className="motion-signatories" onToggle={(e) => openList(e.currentTarget.open)}>
          <summary>{t('signatories')}</summary>
          {listError ? (
            <p role="alert">{listError}</p>
          ) : signatories === null ? (
            <p className="muted" role="status">{t('loading')}</p>
          ) : signatories.length === 0 ? (
            <p className="empty">{t('none')}</p>
          ) : (
            <ul className="motion-signatory-groups">
              {signatories.map((g) => (
                <li key={g.sectionName ?? ''}>
                  <strong>{g.sectionName ?? t('noSection')}</strong> <span className="muted">({g.names.length})</span>
                  <ul>
                    {g.names.map((n, i) => (
                      <li key={i}>{n}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </section>
  );
}
