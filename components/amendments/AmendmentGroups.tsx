'use client';
/**
 * Amendments by passage, in the order of the text. A passage with rival wordings is one box:
 * stacked in the narrow margin with « Comparer côte à côte », which opens them in columns beside
 * the current wording; side by side at once on the wide screens (list, merge session).
 */
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { AmendmentCard, linesLabel } from './AmendmentCard';
import { VoteDialog } from './VoteDialog';
import { BallotBox, hasMembersVote } from './BallotBox';
import type { AmendmentActions, AmendmentView } from './types';

export type Group = { groupId: string; amendments: AmendmentView[] };

/** Amendments grouped by passage, the groups in text order (by the passage's place, then number). */
export function groupAmendments(list: readonly AmendmentView[]): Group[] {
  const groups = new Map<string, Group>();
  for (const a of list) {
    const g = groups.get(a.groupId) ?? { groupId: a.groupId, amendments: [] };
    g.amendments.push(a);
    groups.set(a.groupId, g);
  }
  const at = (g: Group) => {
    const placed = g.amendments.find((a) => a.passage && a.passage.status !== 'gone')?.passage;
    return placed && placed.status !== 'gone' ? placed.from : Number.MAX_SAFE_INTEGER;
  };
  return [...groups.values()].sort((x, y) => at(x) - at(y) || x.amendments[0]!.number - y.amendments[0]!.number);
}

type CardProps = { actions: AmendmentActions; onList: (l: AmendmentView[]) => void; focusedId?: string | null; hoveredId?: string | null; onPoint?: (id: string | null, scroll: boolean) => void };

/** The passage's current words, for comparing the rivals with what the text says now. */
function currentWording(g: Group): string | null {
  const p = g.amendments.find((a) => a.passage && a.passage.status !== 'gone')?.passage;
  return p && p.status !== 'gone' ? p.text : null;
}

export function AmendmentGroupView({ group, layout, level = 3, extra, ...card }: CardProps & { group: Group; layout: 'stack' | 'side'; level?: 3 | 4; extra?: ReactNode }) {
  const t = useTranslations('motions.amendments');
  const headingId = useId();
  const cardOf = (a: AmendmentView, lvl: 3 | 4) => (
    <AmendmentCard key={a.id} amendment={a} level={lvl} amongRivals={group.amendments.length > 1} actions={card.actions} onList={card.onList} onPoint={card.onPoint} focused={a.id === card.focusedId} hovered={a.id === card.hoveredId} />
  );
  if (group.amendments.length === 1) return cardOf(group.amendments[0]!, level);
  const first = group.amendments[0]!;
  const lines = linesLabel(t, first);
  const H = `h${level}` as const;
  const current = currentWording(group);
  return (
    <section className={`amend-group amend-group-${layout}`} aria-labelledby={headingId}>
      <header className="amend-group-head">
        <H id={headingId} className="amend-group-title">
          {t('rivals', { count: group.amendments.length })}
          {lines ? ` · ${lines}` : ''}
        </H>
        <span className="row">
          {layout === 'stack' && <CompareButton group={group} {...card} />}
          {group.amendments.some((a) => a.abilities.decide) && (
            <VoteDialog
              label={t('passageToVote')}
              title={t('passageToVoteTitle')}
              intro={t('passageToVoteBody')}
              onVote={async (input) => {
                const r = await card.actions.votePassage(group.groupId, input);
                if (r?.ok) card.onList(r.data);
                return r && !r.ok ? { message: r.error.message, field: r.error.field } : null;
              }}
            />
          )}
          {extra}
        </span>
      </header>
      <div className={layout === 'side' ? 'amend-columns' : 'stack'}>
        {layout === 'side' && current !== null && (
          <div className="amend-current">
            <p className="amend-current-label">{t('currentWording')}</p>
            <p className="amend-words">{current}</p>
          </div>
        )}
        {group.amendments.map((a) => cardOf(a, 4))}
      </div>
      {group.amendments.some(hasMembersVote) && (
        <BallotBox target={{ groupId: group.groupId }} actions={card.actions.ballot} amendments={group.amendments} watch={group.amendments.map((a) => a.status).join(',')} level={level === 3 ? 4 : 5} />
      )}
    </section>
  );
}

function CompareButton({ group, ...card }: CardProps & { group: Group }) {
  const t = useTranslations('motions.amendments');
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  useEffect(() => {
    if (open && ref.current && !ref.current.open) ref.current.showModal();
  }, [open]);
  const lines = linesLabel(t, group.amendments[0]!) ?? '';
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        {t('compare')}
      </button>
      {open && (
        <dialog ref={ref} className="amend-dialog amend-dialog-compare" aria-labelledby={titleId} onClose={() => setOpen(false)}>
          <div className="row amend-dialog-top">
            <h2 id={titleId}>{t('compareTitle', { lines })}</h2>
            <button type="button" className="btn btn-small" onClick={() => ref.current?.close()}>
              {t('close')}
            </button>
          </div>
          <AmendmentGroupView group={group} layout="side" {...card} />
        </dialog>
      )}
    </>
  );
}
