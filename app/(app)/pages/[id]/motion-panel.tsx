/**
 * The motion panel of a page with a deliberation (a motion, or a chapter opened for amendments):
 * reads the domain's answers for this viewer and hands them, reshaped, to the client panel with
 * its actions bound to the page. Nothing for a page nobody deliberates on.
 */
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { MotionPanel } from '@/components/motions/MotionPanel';
import type { MotionPanelData } from '@/components/motions/types';
import type { Locale } from '@/lib/domain/enums';
import { isPartyMember, type Viewer } from '@/server/policy';
import type { LoadedPage } from '@/server/pages/load-page';
import { motionSummary, type MotionSummary } from '@/server/motions/motion-service';
import { signatureChange, type SignatureChange } from '@/server/motions/signatures';
import { pollView, type PollView } from '@/server/votes/polls';
import { toPollData } from './poll-data';
import { castBallotAction, changeStageAction, confirmSignatureAction, listSignatoriesAction, signMotionAction, unsignMotionAction, verifyReceiptAction } from './motion-actions';

/** `loaded`: the page as the page screen read it (not read again here). */
type Props = { viewer: Viewer; page: { id: string; title: string; spaceName: string; visibility: MotionPanelData['visibility'] }; locale: Locale; loaded?: LoadedPage };

export function MotionSection({ viewer, page, locale, loaded }: Props) {
  const summary = motionSummary(viewer, page.id, { locale, loaded });
  if (!('timeline' in summary)) {
    // Nobody deliberates on this page: a document its animators may open for amendments (a chapter).
    if (!summary.abilities.openAmendments) return null;
    const chapter: MotionPanelData = {
      pageId: page.id,
      title: page.title,
      spaceName: page.spaceName,
      visibility: page.visibility,
      procedure: 'chapter',
      stage: null,
      amendmentsCloseAt: null,
      timeline: [],
      namesShown: false,
      abilities: { ...NO_ABILITIES, openAmendments: true },
      signatures: null,
      poll: null,
    };
    return <Panel data={chapter} id={page.id} pollId="" />;
  }
  const id = page.id;
  const data = toPanelData({
    title: page.title,
    spaceName: page.spaceName,
    visibility: page.visibility,
    namesShown: isPartyMember(viewer),
    summary,
    change: summary.mySignature?.textChanged ? signatureChange(viewer, id, { locale }) : null,
    poll: summary.poll ? pollView(viewer, summary.poll.id) : null,
  });
  if (!data) return null;
  return <Panel data={data} id={id} pollId={data.poll?.id ?? ''} />;
}

const NO_ABILITIES: MotionPanelData['abilities'] = { file: false, withdraw: false, openAmendments: false, closeAmendments: false, openVote: false, sign: false, viewSignatories: false, vote: false };

function Panel({ data, id, pollId }: { data: MotionPanelData; id: string; pollId: string }) {
  return (
    <ClientMessages ns={['motions']}>
      <MotionPanel
        data={data}
        actions={{
          changeStage: changeStageAction.bind(null, id),
          sign: signMotionAction.bind(null, id),
          unsign: unsignMotionAction.bind(null, id),
          confirm: confirmSignatureAction.bind(null, id),
          listSignatories: listSignatoriesAction.bind(null, id),
          cast: castBallotAction.bind(null, id, pollId),
          verify: verifyReceiptAction.bind(null, id, pollId),
        }}
      />
    </ClientMessages>
  );
}

/** The panel's data from the domain's answers: a reshaping, no rule. */
type Sources = {
  title: string;
  spaceName: string;
  visibility: MotionPanelData['visibility'];
  namesShown: boolean;
  summary: MotionSummary;
  /** The viewer's signature and the diff since (members who signed), else null. */
  change: SignatureChange | null;
  poll: PollView | null;
};

function toPanelData({ title, spaceName, visibility, namesShown, summary, change, poll }: Sources): MotionPanelData | null {
  if (!('timeline' in summary) || summary.stage === null || summary.procedure === null) return null;
  const a = summary.abilities;
  const s = summary.signatures;
  return {
    pageId: summary.pageId,
    title,
    spaceName,
    visibility,
    procedure: summary.procedure,
    stage: summary.stage,
    amendmentsCloseAt: summary.deadlines.amendmentsCloseAt,
    timeline: summary.timeline,
    namesShown,
    abilities: { file: a.file, withdraw: a.withdraw, openAmendments: a.openAmendments, closeAmendments: a.closeAmendments, openVote: a.openVote, sign: a.sign, viewSignatories: a.viewSignatories, vote: a.vote },
    signatures: {
      count: s.count,
      sections: s.sections,
      requiredSignatures: s.requiredSignatures,
      requiredSections: s.requiredSections,
      signed: summary.mySignature?.signed ?? false,
      listsSignatories: summary.abilities.viewSignatories && summary.procedure === 'motion',
      change: change?.changed && change.diffHtml && change.signedAt ? { signedAt: change.confirmedAt ?? change.signedAt, diffHtml: change.diffHtml } : null,
    },
    poll: poll ? toPollData(poll) : null,
  };
}
