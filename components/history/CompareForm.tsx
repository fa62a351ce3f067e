/** Picks two versions to compare (a plain GET form: works without JavaScript). */
import { useFormatter, useTranslations } from 'next-intl';
import { versionLabel } from './version-label';

type Option = { id: string; kind: 'auto' | 'named' | 'published' | 'restore'; name: string | null; createdAt: Date };

export function CompareForm({ pageId, versions, from, to }: { pageId: string; versions: Option[]; from?: string; to?: string }) {
  const t = useTranslations('history');
  const format = useFormatter();
  if (versions.length === 0) return null;
  const label = (v: Option) => `${versionLabel(t, (d) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }), v)} — ${format.dateTime(v.createdAt, { dateStyle: 'short', timeStyle: 'short' })}`;
  const options = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {label(v)}
    </option>
  ));
  return (
    <form method="get" action={`/pages/${pageId}/historique`} className="row history-compare" aria-label={t('compareTitle')}>
      <label className="row small" style={{ gap: 6 }}>
        {t('from')}
        <select name="from" defaultValue={from ?? versions[1]?.id ?? versions[0]!.id}>
          {options}
        </select>
      </label>
      <label className="row small" style={{ gap: 6 }}>
        {t('to')}
        <select name="to" defaultValue={to ?? 'live'}>
          <option value="live">{t('current')}</option>
          {options}
        </select>
      </label>
      <button type="submit" className="btn btn-small">
        {t('compare')}
      </button>
    </form>
  );
}
