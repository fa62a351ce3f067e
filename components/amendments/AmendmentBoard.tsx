'use client';
/**
 * Every amendment of a text on one screen, by passage in the order of the text, rival wordings
 * side by side with the current words; filters by status and section. The list follows what
 * others decide (asked again every little while).
 */
import { useTranslations } from 'next-intl';
import { AmendmentFilters, useAmendmentFilters } from './AmendmentFilters';
import { AmendmentGroupView, groupAmendments } from './AmendmentGroups';
import { useAmendmentList } from './AmendmentWorkspace';
import { isPending, type AmendmentActions, type AmendmentView } from './types';
import './amendments.css';

export function AmendmentBoard({ initial, actions }: { initial: AmendmentView[]; actions: AmendmentActions }) {
  const t = useTranslations('motions.amendments');
  const { items, setItems, failed } = useAmendmentList(initial, actions.list);
  const filters = useAmendmentFilters(items);
  const groups = groupAmendments(filters.shown);
  return (
    <section className="stack" aria-labelledby="amend-board-heading">
      <div>
        <h2 id="amend-board-heading">{t('list.byPassage')}</h2>
        <p className="muted small">
          {t('count', { count: items.length })} · {t('pendingCount', { count: items.filter(isPending).length })}
        </p>
      </div>
      {items.length > 0 && <AmendmentFilters filters={filters} />}
      {failed && (
        <p className="alert alert-warn small" role="status">
          {t('refreshError')}
        </p>
      )}
      {groups.length === 0 ? (
        <p className="empty">{items.length === 0 ? t('empty') : t('emptyFiltered')}</p>
      ) : (
        groups.map((g) => <AmendmentGroupView key={g.groupId} group={g} layout="side" actions={actions} onList={setItems} />)
      )}
    </section>
  );
}
