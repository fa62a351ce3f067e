'use client';
import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('common');
  return (
    <main className="auth-wrap" id="main">
      <div className="card stack" style={{ textAlign: 'center' }}>
        <h1>{t('errorTitle')}</h1>
        <p className="muted">{t('errorBody')}</p>
        <button type="button" className="btn btn-primary" onClick={reset}>
          {t('retry')}
        </button>
      </div>
    </main>
  );
}
