'use client';
/**
 * A text open for amendments (or holding some): the live editor with the amendments drawn in it
 * as suggestions, and beside it (under it on a phone) the margin of amendment cards, grouped by
 * passage, filtered by status and section. Pointing at a suggestion lights its card and back.
 *
 * « Proposer un amendement » (the bar's button, Ctrl+Alt+M, or on a phone the button that comes
 * with a selection) opens the dialog on the selected words, or without a selection on a paragraph
 * chosen in the dialog. The list is asked again when the server says the amendments changed (a
 * notice on the text's websocket after each proposal, support and decision), after every change
 * of the text, and every little while (a connection that dropped).
 *
 * A text with hundreds of amendments: the page renders the first passages' cards only
 * (`firstScreen`), the whole list is asked for once the screen is shown, and the margin shows
 * the passages a few at a time (« Voir les N amendements suivants »).
 */
import { useFormatter, useTranslations } from 'next-intl';
import { cloneElement, useCallback, useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import type { LiveEditorProps } from '@/components/editor/LiveEditor';
import { Extension, type Editor } from '@tiptap/core';
import { AmendmentSuggestions, SuggestionController, plainTextOf, type SelectionQuote, type SuggestionInput } from '@/lib/editor/amendment-suggestions';
import { quoteInBlock, runsOfDoc, textBlocksOf } from '@/lib/editor/anchor-from-selection';
import { AMENDMENTS_CHANGED_EVENT } from '@/lib/collab/messages';
import { AmendmentFilters, useAmendmentFilters } from './AmendmentFilters';
import { AmendmentGroupView, groupAmendments, type Group } from './AmendmentGroups';
import { ProposeDialog, type PassagePicker } from './ProposeDialog';
import { isPending, type AmendmentActions, type AmendmentView, type AmendmentsAbilities } from './types';
import './amendments.css';

/** The list is asked again this long after the text stopped changing, and at least this often. */
const AFTER_CHANGE_MS = 1_200;
const EVERY_MS = 15_000;
/** A notice pushed by the server: the list is asked again this soon (several notices of one act, one request). */
const PUSHED_MS = 150;
/** Passages shown at first and added by « Voir les suivants ». */
const PASSAGES_AT_ONCE = 12;

/** What the page rendered of a long list: its first passages, and what the whole list counts. */
export type FirstScreen = { total: number; pending: number; sections: { id: string; name: string }[]; complete: boolean; groups: number };

type Props = {
  pageId: string;
  /** The page's `<LiveEditor>`, as the page made it: the suggestions' extension is added to it here. */
  editor: ReactElement<LiveEditorProps>;
  initial: AmendmentView[];
  /** The page rendered the first passages only: the rest is asked for at once. */
  firstScreen?: FirstScreen;
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

/**
 * The list asked again after changes and on a timer (while the tab is shown); asked at once when
 * `initial` is not all of it (`complete` false: the page rendered its first passages only).
 */
export function useAmendmentList(initial: AmendmentView[], list: AmendmentActions['list'], everyMs = EVERY_MS, complete = true) {
  const [items, setItemsState] = useState(initial);
  const [whole, setWhole] = useState(complete);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Every answer of the actions is the whole list.
  const setItems = useCallback((l: AmendmentView[]) => {
    setItemsState(l);
    setWhole(true);
  }, []);
  const refresh = useCallback(async () => {
    const r = await list();
    if (r?.ok) {
      setItems(r.data);
      setFailed(false);
    } else if (r) setFailed(true);
  }, [list, setItems]);
  const askedAtOnce = useRef(complete);
  useEffect(() => {
    if (askedAtOnce.current) return;
    askedAtOnce.current = true;
    void refresh();
  }, [refresh]);
  const refreshSoon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void refresh(), AFTER_CHANGE_MS);
  }, [refresh]);
  useEffect(() => {
    const tick = () => document.visibilityState === 'visible' && void refresh();
    const every = setInterval(tick, everyMs);
    document.addEventListener('visibilitychange', tick);
    // Pushed by the server to the text's open editors after each change of its amendments (a
    // decision made elsewhere shows at once); the timer stays for a connection that dropped.
    let pushed: ReturnType<typeof setTimeout> | null = null;
    const onPushed = () => {
      if (pushed) clearTimeout(pushed);
      pushed = setTimeout(() => void refresh(), PUSHED_MS);
    };
    window.addEventListener(AMENDMENTS_CHANGED_EVENT, onPushed);
    return () => {
      clearInterval(every);
      document.removeEventListener('visibilitychange', tick);
      window.removeEventListener(AMENDMENTS_CHANGED_EVENT, onPushed);
      if (pushed) clearTimeout(pushed);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [refresh, everyMs]);
  return { items, whole, setItems, failed, refresh, refreshSoon };
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

export function AmendmentWorkspace({ pageId, editor, initial, firstScreen, abilities, actions, amendmentsCloseAt }: Props) {
  const t = useTranslations('motions.amendments');
  const format = useFormatter();
  const { controller, extensions: suggestionExtensions } = useSuggestionEditor();
  // The editor itself, for choosing a passage without a pointer (a paragraph, then its words).
  const [held] = useState<{ editor: Editor | null }>(() => ({ editor: null }));
  const [extensions] = useState(() => [
    ...suggestionExtensions,
    Extension.create({
      name: 'amendmentPassagePicker',
      onCreate() {
        held.editor = this.editor;
      },
      onDestroy() {
        if (held.editor === this.editor) held.editor = null;
      },
    }),
  ]);
  const { items, whole, setItems, failed, refreshSoon } = useAmendmentList(initial, actions.list, EVERY_MS, firstScreen?.complete ?? true);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [selection, setSelection] = useState<SelectionQuote | null>(null);
  const lastSelection = useRef<{ quote: SelectionQuote; at: number } | null>(null);
  const [proposing, setProposing] = useState<{ selection: SelectionQuote | null; count: number; picker: PassagePicker | null } | null>(null);
  const [notice, setNotice] = useState('');
  const [inline, setInline] = useState(true);
  const marginRef = useRef<HTMLElement>(null);
  const headingId = useId();

  useEffect(() => controller.setItems(suggestionInputs(items)), [controller, items]);
  useEffect(() => controller.setVisible(inline), [controller, inline]);

  // The passages shown in the margin, a few at a time; a card pointed at further down is shown first.
  const [limit, setLimit] = useState(firstScreen?.groups ?? PASSAGES_AT_ONCE);
  const shownGroups = useRef<Group[]>([]);
  const cardOf = (id: string) => marginRef.current?.querySelector<HTMLElement>(`.amend-card[data-amendment-id="${CSS.escape(id)}"]`);
  const pointCard = useCallback((id: string, opts: { focus?: boolean } = {}) => {
    const point = () => {
      const card = cardOf(id);
      card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      if (opts.focus !== false) card?.focus({ preventScroll: true });
    };
    const at = shownGroups.current.findIndex((g) => g.amendments.some((a) => a.id === id));
    setLimit((l) => (at < l ? l : Math.ceil((at + 1) / PASSAGES_AT_ONCE) * PASSAGES_AT_ONCE));
    if (cardOf(id)) point();
    else requestAnimationFrame(() => requestAnimationFrame(point));
  }, []);

  useEffect(() => {
    return controller.listen({
      onHover: setHoveredId,
      onActivate: (id) => {
        setFocusedId(id);
        // Someone writing in the text (an animator of a chapter) keeps the caret where they clicked:
        // the card is shown beside, not focused, and the text is not redrawn under the click (a
        // transaction now would carry the selection from before it). A reader is taken to the card.
        if (controller.editable()) {
          pointCard(id, { focus: false });
          return;
        }
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
    // No words selected (a keyboard, or a screen reader): the paragraphs of the text to choose from, and the words looked for in the one chosen.
    const doc = held.editor && !held.editor.isDestroyed ? held.editor.state.doc : null;
    let picker: PassagePicker | null = null;
    if (!sel && doc) {
      const runs = runsOfDoc(doc);
      const plain = plainTextOf(doc);
      picker = { blocks: textBlocksOf(runs, plain), locate: (index, quote) => quoteInBlock(runs, plain, index, quote) };
    }
    setProposing({ selection: sel, count: sel ? controller.occurrences(sel.quote) : 0, picker });
  }, [controller, held]);

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

  // Printed, the margin lists every amendment after the text (print.css): all of them, not the ones shown.
  useEffect(() => {
    const all = () => flushSync(() => setLimit(Number.MAX_SAFE_INTEGER));
    window.addEventListener('beforeprint', all);
    return () => window.removeEventListener('beforeprint', all);
  }, []);

  const filters = useAmendmentFilters(items, whole ? undefined : firstScreen?.sections);
  const groups = groupAmendments(filters.shown);
  useEffect(() => {
    shownGroups.current = groups;
  });
  const total = whole ? items.length : (firstScreen?.total ?? items.length);
  const pending = whole ? items.filter(isPending).length : (firstScreen?.pending ?? 0);
  const next = groups.slice(limit, limit + PASSAGES_AT_ONCE).reduce((n, g) => n + g.amendments.length, 0);
  const more = () => {
    const firstNew = groups[limit]?.amendments[0]?.id;
    setLimit((l) => l + PASSAGES_AT_ONCE);
    // The reader goes on from the first card added.
    if (firstNew) requestAnimationFrame(() => cardOf(firstNew)?.focus());
  };

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
              {t('count', { count: total })} · {t('pendingCount', { count: pending })}
            </p>
          </div>
          {total > 0 && <AmendmentFilters filters={filters} />}
          {failed && (
            <p className="alert alert-warn small" role="status">
              {t('refreshError')}
            </p>
          )}
          {groups.length === 0 && whole ? (
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
              {groups.slice(0, limit).map((g) => (
                <AmendmentGroupView key={g.groupId} group={g} layout="stack" actions={actions} onList={setItems} focusedId={focusedId} hoveredId={hoveredId} onPoint={onPoint} />
              ))}
              {(groups.length > limit || !whole) && (
                <div className="row amend-more">
                  <button type="button" className="btn" onClick={more} disabled={!whole && groups.length <= limit} aria-busy={!whole && groups.length <= limit}>
                    {whole || next > 0 ? t('showMore', { count: next }) : t('showMoreLoading')}
                  </button>
                  {whole && <span className="muted small">{t('shownPassages', { shown: Math.min(limit, groups.length), total: groups.length })}</span>}
                </div>
              )}
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
          picker={proposing.picker}
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
