'use client';
/** Filters of an amendment list: by status (« en attente » gathers the undecided) and by the amender's section. */
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { isPending, type AmendmentView } from './types';

type StatusFilter = '' | 'pending' | AmendmentView['status'];
const STATUSES = ['open', 'modified', 'voting', 'accepted', 'rejected', 'withdrawn', 'obsolete'] as const;

/**
 * The filters' state and the amendments they let through. `allSections`: the amenders' sections
 * of the whole list while `items` is only its first screen.
 */
export function useAmendmentFilters(items: readonly AmendmentView[], allSections?: readonly { id: string; name: string }[]) {
  const [status, setStatus] = useState<StatusFilter>('');
  const [section, setSection] = useState('');
  const sections = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of allSections ?? []) m.set(s.id, s.name);
    for (const a of items) if (a.section) m.set(a.section.id, a.section.name);
    return [...m.entries()].sort((x, y) => x[1].localeCompare(y[1]));
  }, [items, allSections]);
  const shown = items.filter((a) => (status === '' ? true : status === 'pending' ? isPending(a) : a.status === status) && (section === '' || a.section?.id === section));
  return { status, setStatus, section, setSection, sections, shown };
}

export function AmendmentFilters({ filters }: { filters: ReturnType<typeof useAmendmentFilters> }) {
  const t = useTranslations('motions.amendments');
  const { status, setStatus, section, setSection, sections } = filters;
  return (
    <div className="amend-filters" role="group" aria-label={t('filters')}>
      <label>
        <span>{t('filterStatus')}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          <option value="">{t('allStatuses')}</option>
          <option value="pending">{t('pending')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {sections.length > 1 && (
        <label>
          <span>{t('filterSection')}</span>
          <select value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="">{t('allSections')}</option>
            {sections.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
