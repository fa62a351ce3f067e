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
import { amendmentsFirstScreen } from '@/server/amendments/amendment-service';
import { deliberationAbilities, type PageRef, type Viewer } from '@/server/policy';
import { boundAmendmentActions } from './amendment-bindings';

/** The passages whose cards the first HTML holds; the screen asks for the others once shown (a motion may have hundreds). */
export const FIRST_SCREEN_GROUPS = 12;

/** `loaded`: the page as the page screen read it, for a page with a stage (else the editor is returned as is, without reading anything more). */
type Props = { viewer: NonNullable<Viewer>; loaded: { ref: PageRef } | null; locale: Locale; children: ReactElement<LiveEditorProps> };

export function AmendmentSection({ viewer, loaded, locale, children }: Props) {
  const ref = loaded?.ref;
  const d = ref?.deliberation ?? null;
  if (!ref || !d) return children;
  const pageId = ref.id;
  const first = amendmentsFirstScreen(viewer, { ref }, { groups: FIRST_SCREEN_GROUPS, locale });
  if (d.stage !== 'amendments' && first.total === 0) return children;
  const abilities = deliberationAbilities(viewer, ref);
  return (
    <ClientMessages ns={['editor', 'history', 'pages', 'motions']}>
      <AmendmentWorkspace
        pageId={pageId}
        editor={children}
        initial={first.amendments}
        firstScreen={{ total: first.total, pending: first.pending, sections: first.sections, complete: first.complete, groups: FIRST_SCREEN_GROUPS }}
        abilities={{ propose: abilities.proposeAmendment, decide: abilities.decideAmendments }}
        actions={boundAmendmentActions(pageId)}
        amendmentsCloseAt={d.stage === 'amendments' ? d.amendmentsCloseAt : null}
      />
    </ClientMessages>
  );
}
