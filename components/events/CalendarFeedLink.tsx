'use client';
/**
 * « Abonnement à l'agenda »: gets a personal `webcal://` link (shown once, with a copy button),
 * says since when one is active, and revokes it (after a confirmation).
 */
import { useState, useTransition } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import type { FormResult } from '@/components/ui/ActionForm';

type Props = {
  active: { id: string; createdAt: string } | null;
  create: () => Promise<FormResult>;
  revoke: (id: string) => Promise<FormResult>;
};

export function CalendarFeedLink({ active, create, revoke }: Props) {
  const t = useTranslations('events.feed');
  const tc = useTranslations('common');
  const format = useFormatter();
  const [url, setUrl] = useState<string | null>(null);
  const [current, setCurrent] = useState(active);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const make = () =>
    start(async () => {
      const r = await create();
      if (r?.ok) {
        const data = r.data as { id: string; url: string; createdAt: string };
        setUrl(data.url);
        setCurrent({ id: data.id, createdAt: data.createdAt });
        setMessage(null);
      } else if (r) setMessage(r.error.message);
    });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('copied'));
    } catch {
      document.getElementById('calendar-feed-url')?.focus();
    }
  };
  return (
    <section className="card stack calendar-feed" aria-labelledby="calendar-feed-title">
      <div>
        <h2 id="calendar-feed-title">{t('title')}</h2>
        <p className="muted small" style={{ margin: 0 }}>
          {t('hint')}
        </p>
      </div>
      {url && (
        <div className="field">
          <label htmlFor="calendar-feed-url">{t('link')}</label>
          <input id="calendar-feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-describedby="calendar-feed-once" />
          <span id="calendar-feed-once" className="hint">
            {t('shownOnce')}
          </span>
          <div className="row">
            <button type="button" className="btn btn-primary" onClick={copy}>
              {t('copy')}
            </button>
            <a className="btn" href={url}>
              {t('open')}
            </a>
          </div>
        </div>
      )}
      {current && !url && <p style={{ margin: 0 }}>{t('active', { date: format.dateTime(new Date(current.createdAt), { dateStyle: 'long' }) })}</p>}
      <div className="row">
        <button type="button" className="btn" onClick={make} disabled={pending} aria-disabled={pending}>
          {pending ? tc('saving') : current ? t('renew') : t('create')}
        </button>
        {current && (
          <ConfirmButton
            label={t('revoke')}
            title={t('revoke')}
            body={t('revokeConfirm')}
            confirmLabel={t('revoke')}
            cancelLabel={tc('cancel')}
            onConfirm={async () => {
              const r = await revoke(current.id);
              if (r?.ok) {
                setCurrent(null);
                setUrl(null);
                setMessage(t('revoked'));
              } else if (r) setMessage(r.error.message);
            }}
          />
        )}
      </div>
      <p role="status" aria-live="polite" className="small" style={{ margin: 0 }}>
        {message}
      </p>
    </section>
  );
}
