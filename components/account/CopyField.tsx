'use client';
/** A value to copy (a token, a link): read-only input, selected on focus, with a copy button. */
import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Copy } from 'lucide-react';

export function CopyField({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  const t = useTranslations('account');
  const ref = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      ref.current?.select();
      setStatus('failed');
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row" style={{ flexWrap: 'nowrap' }}>
        <input
          ref={ref}
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          spellCheck={false}
          style={{ flex: 1, minWidth: 0, fontFamily: 'ui-monospace, monospace', fontSize: '0.85rem' }}
        />
        <button type="button" className="btn" onClick={copy}>
          <Copy size={16} aria-hidden /> {t('copy')}
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="hint" style={{ margin: 0 }}>
          {hint}
        </p>
      )}
      <p role="status" className="small" style={{ margin: 0, color: status === 'failed' ? 'var(--danger)' : 'var(--ok)' }}>
        {status === 'copied' ? t('copied') : status === 'failed' ? t('copyFailed') : ''}
      </p>
    </div>
  );
}
