/**
 * The live editor of a text open for amendments (or holding some) with its amendments: the margin
 * of cards and the suggestions drawn in the text. Wraps the page's `<LiveEditor>` element, which
 * it hands as is to the workspace (which adds the suggestions' extension); any other page gets
 * the element untouched.
 */
import type { ReactElement } from 'react';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { AmendmentWorkspace } from '@/components/amendments/AmendmentWorkspace';
import type { LiveEditorProps } from '@/components/editor/LiveEditor';
import type { Locale } from '@/lib/domain/enums';
import { listAmendments } from '@/server/amendments/amendment-service';
import { deliberationAbilities, type Viewer } from '@/server/policy';
import { loadPage } from '@/server/pages/load-page';
import { boundAmendmentActions } from './amendment-bindings';

/** `deliberates`: the page has a stage (else the editor is returned as is, without reading anything more). */
type Props = { viewer: NonNullable<Viewer>; pageId: string; locale: Locale; deliberates: boolean; children: ReactElement<LiveEditorProps> };

export function AmendmentSection({ viewer, pageId, locale, deliberates, children }: Props) {
  if (!deliberates) return children;
  const { ref } = loadPage(pageId);
  const d = ref.deliberation ?? null;
  if (!d) return children;
  const initial = listAmendments(viewer, pageId, { locale });
  if (d.stage !== 'amendments' && initial.length === 0) return children;
  const abilities = deliberationAbilities(viewer, ref);
  return (
    <ClientMessages ns={['editor', 'history', 'pages', 'motions']}>
      <AmendmentWorkspace
        pageId={pageId}
        editor={children}
        initial={initial}
        abilities={{ propose: abilities.proposeAmendment, decide: abilities.decideAmendments }}
        actions={boundAmendmentActions(pageId)}
        amendmentsCloseAt={d.stage === 'amendments' ? d.amendmentsCloseAt : null}
      />
    </ClientMessages>
  );
}
