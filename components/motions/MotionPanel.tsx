'use client';
/**
 * Under a motion's header: its path and the next actions, its signatures, its vote, its
 * timeline. Everything shown and allowed comes from the server (MotionPanelData); the actions
 * are the page's server actions, bound to the page.
 */
import { StageBar, type ChangeStage } from './StageBar';
import { Signatures, type SignatureActions } from './Signatures';
import { Timeline } from './Timeline';
import { VotePanel, type VoteActions } from './VotePanel';
import type { MotionPanelData } from './types';
import './motions.css';

export type MotionPanelActions = { changeStage: ChangeStage } & SignatureActions & VoteActions;

type Props = {
  data: MotionPanelData;
  actions: MotionPanelActions;
  /** Another part of the page already offers to print (line numbers' print view). */
  printElsewhere?: boolean;
};

export function MotionPanel({ data, actions, printElsewhere = false }: Props) {
  // A document never opened for amendments: only its animators' button, in a line of its own.
  if (data.stage === null)
    return (
      <div className="motion-panel motion-panel-compact">
        <StageBar data={data} changeStage={actions.changeStage} showPrint={false} />
      </div>
    );
  const showSignatures = data.procedure === 'motion' && data.signatures && data.stage !== 'draft';
  return (
    <div className="card motion-panel stack" data-stage={data.stage}>
      <StageBar data={data} changeStage={actions.changeStage} showPrint={!printElsewhere && data.stage !== 'draft'} />
      {data.poll && <VotePanel poll={data.poll} actions={actions} />}
      {showSignatures && <Signatures data={data.signatures!} canSign={data.abilities.sign} actions={actions} />}
      {data.timeline.length > 0 && <Timeline items={data.timeline} namesShown={data.namesShown} />}
    </div>
  );
}
