'use client';
/**
 * The merge session: the deciders go through the amendments waiting for a decision passage by
 * passage, in the order of the text, and accept or reject them one after another while the text
 * beside them changes live (for everyone: an accepted amendment is applied to the live document).
 * Authors and amenders who open the same screen watch it happen: the list is asked again after
 * each change of the text and every few seconds. The deciders close it by naming the version.
 */
import { useTranslations } from 'next-intl';
import { cloneElement, useEffect, useState, type ReactElement } from 'react';
import type { LiveEditorProps } from '@/components/editor/LiveEditor';
import type { Result } from './types';
import { ActionDialog, Field } from './ActionDialog';
import { AmendmentGroupView, groupAmendments } from './AmendmentGroups';
import { suggestionInputs, useAmendmentList, useSuggestionEditor } from './AmendmentWorkspace';
import { isPending, type AmendmentActions, type AmendmentView } from './types';
import './amendments.css';

/** Watchers see a decision within this long even when it changed no words (a rejection). */
const SESSION_EVERY_MS = 4_000;

type Props = {
  editor: ReactElement<LiveEditorProps>;
  initial: AmendmentView[];
  actions: AmendmentActions;
  decide: boolean;
  close: (versionName: string) => Promise<Result<{ name: string }>>;
};

export function MergeSession({ editor, initial, actions, decide, close }: Props) {
  const t = useTranslations('motions.amendments');
  const { controller, extensions } = useSuggestionEditor();
  const { items, setItems, failed, refreshSoon } = useAmendmentList(initial, actions.list, SESSION_EVERY_MS);
  const groups = groupAmendments(items.filter(isPending));
  const [index, setIndex] = useState(0);
  const [closed, setClosed] = useState<string | null>(null);
  const at = Math.min(index, Math.max(0, groups.length - 1));
  const group = groups[at];

  // Only the passage at hand is drawn in the text, and brought into view.
  const currentIds = group?.amendments.map((a) => a.id).join(',') ?? '';
  useEffect(() => {
    const ids = new Set(currentIds.split(','));
    controller.setItems(suggestionInputs(items.filter((a) => ids.has(a.id))));
  }, [controller, items, currentIds]);
  useEffect(() => {
    const first = currentIds.split(',')[0];
    if (first) requestAnimationFrame(() => controller.focus(first, true));
  }, [controller, currentIds]);
  useEffect(() => {
    return controller.listen({ onDocChange: refreshSoon });
  }, [controller, refreshSoon]);

  return (
    <div className="amend-session">
      <section className="amend-session-text" aria-label={t('session.text')}>
        {cloneElement(editor, { extraExtensions: extensions })}
      </section>
      <section className="amend-session-steps stack" aria-labelledby="amend-session-step">
        <p className="muted small">{decide ? t('session.intro') : t('session.watching')}</p>
        {failed && (
          <p className="alert alert-warn small" role="status">
            {t('refreshError')}
          </p>
        )}
        <div aria-live="polite">
          {group ? (
            <h2 id="amend-session-step" className="amend-progress">
              {t('session.progress', { n: at + 1, total: groups.length })}
            </h2>
          ) : (
            <p id="amend-session-step" className="alert alert-ok" role="status">
              {t('session.done')}
            </p>
          )}
        </div>
        {group && <AmendmentGroupView key={group.groupId} group={group} layout="side" actions={actions} onList={setItems} />}
        {groups.length > 1 && (
          <div className="row amend-session-nav">
            <button type="button" className="btn btn-small" disabled={at === 0} onClick={() => setIndex(at - 1)}>
              {t('session.previous')}
            </button>
            <button type="button" className="btn btn-small" disabled={at >= groups.length - 1} onClick={() => setIndex(at + 1)}>
              {t('session.next')}
            </button>
          </div>
        )}
        {closed && (
          <p className="alert alert-ok" role="status">
            {t('session.closed', { name: closed })}
          </p>
        )}
        {decide && (
          <ActionDialog
            className="btn"
            label={t('session.close')}
            title={t('session.closeTitle')}
            intro={<p className="muted">{t('session.closeBody')}</p>}
            submitLabel={t('session.closeConfirm')}
            cancelLabel={t('cancel')}
            pendingLabel={t('saving')}
            onSubmit={async (form) => {
              const r = await close(String(form.get('versionName') ?? ''));
              if (!r) return null;
              if (!r.ok) return { message: r.error.message, field: r.error.field };
              setClosed(r.data.name);
              return null;
            }}
          >
            {(err) => (
              <Field label={t('session.versionName')} error={err?.field === 'versionName' ? err.message : undefined}>
                {({ id, describedBy, invalid }) => <input id={id} name="versionName" type="text" required maxLength={120} defaultValue={t('session.versionDefault')} aria-describedby={describedBy} aria-invalid={invalid} />}
              </Field>
            )}
          </ActionDialog>
        )}
      </section>
    </div>
  );
}
