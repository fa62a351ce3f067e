import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type Props = {
  spaceId: string;
  /** What is searched now ('' for everyone). */
  query: string;
  /** How many members match `query` (null when not searching). */
  matches: number | null;
  /** How many members the space has. */
  total: number;
  /** Those who manage the members may search addresses too (they see them). */
  byAddress: boolean;
};

/**
 * Finding someone in a long members list: a plain GET form (works without JavaScript, Enter
 * sends it), the number of matches, and a way back to everyone.
 */
export async function MemberFilter({ spaceId, query, matches, total, byAddress }: Props) {
  const t = await getTranslations('spaces');
  const here = `/espaces/${spaceId}/membres#members-title`;
  return (
    <div className="stack" style={{ gap: 6 }}>
      <form role="search" className="row" action={here} style={{ alignItems: 'flex-end' }}>
        <div className="field" style={{ flex: '1 1 220px', margin: 0 }}>
          <label htmlFor="member-filter">{t('memberFilterLabel')}</label>
          <input id="member-filter" name="mq" type="search" defaultValue={query} maxLength={100} placeholder={byAddress ? t('memberFilterHintManager') : t('memberFilterHint')} autoComplete="off" />
        </div>
        <button type="submit" className="btn">
          {t('memberFilterSubmit')}
        </button>
        {query && (
          <Link className="btn btn-ghost" href={here}>
            {t('memberFilterClear')}
          </Link>
        )}
      </form>
      {matches !== null ? (
        <p className="small" role="status" style={{ margin: 0 }}>
          {t('memberFilterCount', { count: matches, q: query })}
        </p>
      ) : (
        <p className="small muted" style={{ margin: 0 }}>
          {t('memberCount', { count: total })}
        </p>
      )}
    </div>
  );
}
