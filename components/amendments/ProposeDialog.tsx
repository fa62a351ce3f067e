'use client';
/**
 * « Proposer un amendement »: the selected passage (editable: a keyboard user may paste the exact
 * words instead of selecting them; without a selection, the member chooses a paragraph of the text,
 * whose words fill the field, and keeps the ones to amend — looked for in that paragraph only, so
 * the same words elsewhere are not taken), what to do with it — replace, delete, insert after — the new
 * wording and the reasons. The quote and its occurrence go to the server, which anchors the
 * amendment on those words; its refusals show under the field they name (400) or on top (409:
 * the deadline passed).
 */
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import type { SelectionQuote } from '@/lib/editor/amendment-suggestions';
import { Field } from './ActionDialog';
import type { AmendmentActions, AmendmentView } from './types';

type Op = 'replace' | 'delete' | 'insert_after';

/** The text's paragraphs to choose a passage from without selecting it, and the words looked for in one of them. */
export type PassagePicker = {
  blocks: { index: number; text: string }[];
  locate: (index: number, quote: string) => { quote: string; occurrence: number } | null;
};

const EXCERPT = 70;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text);

type Props = {
  selection: SelectionQuote | null;
  /** Without a selection: the paragraphs to choose from (null when the text is not at hand). */
  picker?: PassagePicker | null;
  /** How many times the selected words appear in the text (the occurrence is said when more than once). */
  count: number;
  propose: AmendmentActions['propose'];
  onProposed: (amendment: AmendmentView, list: AmendmentView[]) => void;
  onClose: () => void;
};

export function ProposeDialog({ selection, count, picker = null, propose, onProposed, onClose }: Props) {
  const t = useTranslations('motions.amendments');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [quote, setQuote] = useState(selection?.quote ?? '');
  const [op, setOp] = useState<Op>('replace');
  const [block, setBlock] = useState<number | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, start] = useTransition();
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  // Words typed or pasted by hand: their first appearance in the text (in the paragraph chosen, if one was).
  const occurrence = selection && quote === selection.quote ? selection.occurrence : 1;
  const choosing = !selection && picker !== null && picker.blocks.length > 0;
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <dialog ref={ref} className="amend-dialog amend-dialog-wide" aria-labelledby={titleId} onClose={onClose}>
      <form
        className="stack amend-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const located = choosing && block !== null ? picker!.locate(block, quote) : null;
          if (choosing && block !== null && !located) {
            setError({ message: t('errorQuoteInParagraph'), field: 'quote' });
            return;
          }
          start(async () => {
            const r = await propose({
              quote: located?.quote ?? quote,
              occurrence: located?.occurrence ?? occurrence,
              op,
              replacement: op === 'delete' ? '' : String(form.get('replacement') ?? ''),
              justification: String(form.get('justification') ?? ''),
            });
            if (!r) return;
            if (!r.ok) {
              const field = r.error.field === 'occurrence' ? 'quote' : r.error.field;
              const own = r.error.code === 'invalid_input' && field === 'quote' ? t('errorQuote') : r.error.code === 'invalid_input' && field === 'replacement' ? t('errorReplacement') : null;
              setError({ message: own ?? r.error.message, field });
              return;
            }
            onProposed(r.data.amendment, r.data.list);
            ref.current?.close();
          });
        }}
      >
        <h2 id={titleId}>{t('dialogTitle')}</h2>
        {error && !error.field && (
          <p className="alert alert-error" role="alert">
            {error.message}
          </p>
        )}
        {choosing && (
          <Field label={t('paragraph')} hint={t('paragraphHint')}>
            {({ id, describedBy }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                value={block ?? ''}
                onChange={(e) => {
                  const i = e.target.value === '' ? null : Number(e.target.value);
                  setBlock(i);
                  setError(null);
                  if (i !== null) setQuote(picker!.blocks.find((b) => b.index === i)?.text ?? '');
                }}
              >
                <option value="">{t('paragraphChoose')}</option>
                {picker!.blocks.map((b, n) => (
                  <option key={b.index} value={b.index}>
                    {t('paragraphOption', { n: n + 1, words: excerpt(b.text) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('quote')} hint={choosing && block !== null ? t('quoteHintParagraph') : t('quoteHint')} error={fieldError('quote')}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} name="quote" rows={3} required value={quote} onChange={(e) => setQuote(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} className="amend-quote-field" />
          )}
        </Field>
        {selection && quote === selection.quote && count > 1 && <p className="muted small">{t('occurrence', { count, n: occurrence })}</p>}
        <fieldset className="amend-ops">
          <legend>{t('opLegend')}</legend>
          {(['replace', 'delete', 'insert_after'] as const).map((o) => (
            <label key={o} className="amend-op-choice">
              <input type="radio" name="op" value={o} checked={op === o} onChange={() => setOp(o)} /> {t(`op.${o}`)}
            </label>
          ))}
        </fieldset>
        {op !== 'delete' && (
          <Field label={op === 'insert_after' ? t('insertion') : t('replacement')} error={fieldError('replacement')}>
            {({ id, describedBy, invalid }) => <textarea id={id} name="replacement" rows={3} required defaultValue={op === 'replace' ? quote : ''} key={op} aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
        )}
        <Field label={t('justification')} hint={t('justificationHint')} error={fieldError('justification')}>
          {({ id, describedBy, invalid }) => <textarea id={id} name="justification" rows={3} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <div className="row amend-dialog-buttons">
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={pending || !quote.trim()}>
            {pending ? t('saving') : t('submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
