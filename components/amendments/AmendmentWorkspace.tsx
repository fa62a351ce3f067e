'use client';
/**
 * A text open for amendments (or holding some): the live editor with the amendments drawn in it
 * as suggestions, and beside it (under it on a phone) the margin of amendment cards, grouped by
 * passage, filtered by status and section. Pointing at a suggestion lights its card and back.
 *
 * « Proposer un amendement » (the bar's button, Ctrl+Alt+M, or on a phone the button that comes
 * with a selection) opens the dialog on the selected words. The list is asked again after every
 * change of the text (an accepted amendment arrives in the editor live, its card follows) and
 * every little while, so decisions made elsewhere show up.
 */
import { useFormatter, useTranslations } from 'next-intl';
import { cloneElement, useCallback, useEffect, useId, useRef, useState, type ReactElement } from 'react';
import type { LiveEditorProps } from '@/components/editor/LiveEditor';
import { AmendmentSuggestions, SuggestionController, type SelectionQuote, type SuggestionInput } from '@/lib/editor/amendment-suggestions';
import { AmendmentFilters, useAmendmentFilters } from './AmendmentFilters';
import { AmendmentGroupView, groupAmendments } from './AmendmentGroups';
import { ProposeDialog } from './ProposeDialog';
import { isPending, type AmendmentActions, type AmendmentView, type AmendmentsAbilities } from './types';
import './amendments.css';

/** The list is asked again this long after the text stopped changing, and at least this often. */
const AFTER_CHANGE_MS = 1_200;
const EVERY_MS = 15_000;

type Props = {
  pageId: string;
  /** The page's `<LiveEditor>`, as the page made it: the suggestions' extension is added to it here. */
  editor: ReactElement<LiveEditorProps>;
  initial: AmendmentView[];
  abilities: AmendmentsAbilities;
  actions: AmendmentActions;
  amendmentsCloseAt: Date | null;
};

/** What the editor draws: amendments waiting for a decision whose words are still in the text. */
export function suggestionInputs(list: readonly AmendmentView[]): SuggestionInput[] {
  return list.flatMap((a) =>
    isPending(a) && a.passage && a.passage.status !== 'gone'
      ? [{ id: a.id, number: a.number, op: a.op, from: a.passage.from, to: a.passage.to, text: a.passage.text, replacement: a.status === 'modified' && a.modifiedReplacement !== null ? a.modifiedReplacement : a.replacement }]
      : [],
  );
}

/** The list asked again after changes and on a timer (while the tab is shown). */
export function useAmendmentList(initial: AmendmentView[], list: AmendmentActions['list'], everyMs = EVERY_MS) {
  const [items, setItems] = useState(initial);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = useCallback(async () => {
    const r = await list();
    if (r?.ok) {
      setItems(r.data);
      setFailed(false);
    } else if (r) setFailed(true);
  }, [list]);
  const refreshSoon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void refresh(), AFTER_CHANGE_MS);
  }, [refresh]);
  useEffect(() => {
    const tick = () => document.visibilityState === 'visible' && void refresh();
    const every = setInterval(tick, everyMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(every);
      document.removeEventListener('visibilitychange', tick);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [refresh, everyMs]);
  return { items, setItems, failed, refresh, refreshSoon };
}

export function useSuggestionEditor() {
  const t = useTranslations('motions.amendments');
  const [controller] = useState(() => new SuggestionController());
  const [extensions] = useState(() => [
    AmendmentSuggestions.configure({
      controller,
      labels: { insertion: (s) => t('inlineInsertion', { number: s.number }), mark: (s) => t('inlineMark', { number: s.number }), deletion: (s) => t('inlineDeletion', { number: s.number }) },
    }),
  ]);
  return { controller, extensions };
}

export function AmendmentWorkspace({ pageId, editor, initial, abilities, actions, amendmentsCloseAt }: Props) {
  const t = useTranslations('motions.amendments');
  const format = useFormatter();
  const { controller, extensions } = useSuggestionEditor();
  const { items, setItems, failed, refreshSoon } = useAmendmentList(initial, actions.list);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [selection, setSelection] = useState<SelectionQuote | null>(null);
  const lastSelection = useRef<{ quote: SelectionQuote; at: number } | null>(null);
  const [proposing, setProposing] = useState<{ selection: SelectionQuote | null; count: number } | null>(null);
  const [notice, setNotice] = useState('');
  const [inline, setInline] = useState(true);
  const marginRef = useRef<HTMLElement>(null);
  const headingId = useId();

  useEffect(() => controller.setItems(suggestionInputs(items)), [controller, items]);
  useEffect(() => controller.setVisible(inline), [controller, inline]);

  const pointCard = useCallback((id: string) => {
    const card = marginRef.current?.querySelector<HTMLElement>(`.amend-card[data-amendment-id="${CSS.escape(id)}"]`);
    card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    card?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    return controller.listen({
      onHover: setHoveredId,
      onActivate: (id) => {
        setFocusedId(id);
        controller.focus(id);
        pointCard(id);
      },
      onSelection: (q) => {
        setSelection(q);
        if (q) lastSelection.current = { quote: q, at: Date.now() };
      },
      onDocChange: refreshSoon,
    });
  }, [controller, pointCard, refreshSoon]);

  const openPropose = useCallback(() => {
    // A tap on the button may have folded the selection just before: the one of a moment ago counts.
    const recent = lastSelection.current && Date.now() - lastSelection.current.at < 4_000 ? lastSelection.current.quote : null;
    const sel = controller.selection() ?? recent;
    setProposing({ selection: sel, count: sel ? controller.occurrences(sel.quote) : 0 });
  }, [controller]);

  useEffect(() => {
    if (!abilities.propose) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.altKey && !e.shiftKey && e.code === 'KeyM') {
        e.preventDefault();
        openPropose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [abilities.propose, openPropose]);

  const onPoint = useCallback(
    (id: string | null, scroll: boolean) => {
      if (scroll) setFocusedId(id);
      controller.focus(id ?? (scroll ? null : focusedId), scroll);
    },
    [controller, focusedId],
  );

  const filters = useAmendmentFilters(items);
  const groups = groupAmendments(filters.shown);
  const pending = items.filter(isPending).length;

  return (
    <div className="amend-workspace">
      <div className="amend-bar">
        {abilities.propose && (
          <button type="button" className="btn btn-primary" aria-keyshortcuts="Control+Alt+M" onMouseDown={(e) => e.preventDefault()} onClick={openPropose}>
            {t('propose')}
            <kbd className="amend-kbd">{t('proposeShortcut')}</kbd>
          </button>
        )}
        <label className="amend-toggle">
          <input type="checkbox" checked={inline} onChange={(e) => setInline(e.target.checked)} /> {t('showInline')}
        </label>
        <span className="amend-bar-links">
          <a href={`/pages/${pageId}/amendements`}>{t('openList')}</a>
          {abilities.decide && pending > 0 && <a href={`/pages/${pageId}/amendements?session=1`}>{t('openSession')}</a>}
        </span>
        {abilities.propose && <p className="muted small amend-bar-hint">{amendmentsCloseAt ? `${t('until', { date: format.dateTime(new Date(amendmentsCloseAt), { dateStyle: 'long', timeStyle: 'short' }) })}. ` : ''}{t('proposeHint')}</p>}
      </div>
      <div className="amend-layout">
        <div className="amend-text">
          {cloneElement(editor, { extraExtensions: extensions })}
        </div>
        <aside ref={marginRef} className="amend-margin" aria-labelledby={headingId}>
          <div className="amend-margin-head">
            <h2 id={headingId}>{t('heading')}</h2>
            <p className="muted small">
              {t('count', { count: items.length })} · {t('pendingCount', { count: pending })}
            </p>
          </div>
          {items.length > 0 && <AmendmentFilters filters={filters} />}
          {failed && (
            <p className="alert alert-warn small" role="status">
              {t('refreshError')}
            </p>
          )}
          {groups.length === 0 ? (
            <p className="empty">
              {items.length === 0 ? t('empty') : t('emptyFiltered')}
              {items.length === 0 && abilities.propose && (
                <>
                  <br />
                  {t('proposeHint')}
                </>
              )}
            </p>
          ) : (
            <div className="stack amend-cards">
              {groups.map((g) => (
                <AmendmentGroupView key={g.groupId} group={g} layout="stack" actions={actions} onList={setItems} focusedId={focusedId} hoveredId={hoveredId} onPoint={onPoint} />
              ))}
            </div>
          )}
        </aside>
      </div>
      {abilities.propose && selection && !proposing && (
        <button type="button" className="btn btn-primary amend-fab" onMouseDown={(e) => e.preventDefault()} onClick={openPropose}>
          {t('propose')}
        </button>
      )}
      {proposing && (
        <ProposeDialog
          selection={proposing.selection}
          count={proposing.count}
          propose={actions.propose}
          onProposed={(a, list) => {
            setItems(list);
            setFocusedId(a.id);
            setNotice(t('proposed', { number: a.number }));
            requestAnimationFrame(() => pointCard(a.id));
          }}
          onClose={() => setProposing(null)}
        />
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
    </div>
  );
}
