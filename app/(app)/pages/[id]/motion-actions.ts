'use server';
/**
 * Actions of a motion's panel: change its stage (file, withdraw, open amendments or the vote,
 * a chapter's amendments), sign / withdraw / confirm a signature, cast a ballot, check a receipt.
 * Each parses its input in the domain function it calls (server/motions, server/votes).
 */
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { AppError } from '@/lib/errors';
import { requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { changeStage } from '@/server/motions/motion-service';
import { confirmSignature, listSignatures, signMotion, unsignMotion } from '@/server/motions/signatures';
import { castBallot, pollView, verifyReceipt } from '@/server/votes/polls';

const pagePath = (id: string) => `/pages/${id}`;

type StageRequest = { stage?: unknown; deadline?: unknown; closesAt?: unknown; quorum?: unknown; majority?: unknown };

/** Asks for a stage; answers nothing but success (the page re-renders with the new stage). */
export async function changeStageAction(pageId: string, input: StageRequest): Promise<ActionResult<null>> {
  const viewer = await requireViewer(pagePath(pageId));
  const r = await runAction(() => {
    changeStage(viewer, pageId, input as Parameters<typeof changeStage>[2]);
    return null;
  });
  revalidatePath(pagePath(pageId), 'layout');
  return r;
}

export async function signMotionAction(pageId: string): Promise<ActionResult<null>> {
  const viewer = await requireViewer(pagePath(pageId));
  const r = await runAction(() => {
    signMotion(viewer, pageId);
    return null;
  });
  revalidatePath(pagePath(pageId));
  return r;
}

/** The signatories by section, read when a party member opens the list (the policy decides: 404 to anyone else). */
export async function listSignatoriesAction(pageId: string): Promise<ActionResult<{ sectionName: string | null; names: string[] }[]>> {
  const viewer = await requireViewer(pagePath(pageId));
  const locale = await getLocale();
  return runAction(() => listSignatures(viewer, pageId, { locale: locale === 'en' ? 'en' : 'fr' }).bySection.map((g) => ({ sectionName: g.sectionName, names: g.signatories.map((p) => p.name) })));
}

export async function unsignMotionAction(pageId: string): Promise<ActionResult<null>> {
  const viewer = await requireViewer(pagePath(pageId));
  const r = await runAction(() => {
    unsignMotion(viewer, pageId);
    return null;
  });
  revalidatePath(pagePath(pageId));
  return r;
}

export async function confirmSignatureAction(pageId: string): Promise<ActionResult<null>> {
  const viewer = await requireViewer(pagePath(pageId));
  const r = await runAction(() => {
    confirmSignature(viewer, pageId);
    return null;
  });
  revalidatePath(pagePath(pageId));
  return r;
}

/** The ballot; answers the receipt code, which the page shows once (only its hash is kept). */
export async function castBallotAction(pageId: string, pollId: string, choice: unknown): Promise<ActionResult<{ receipt: string }>> {
  const viewer = await requireViewer(pagePath(pageId));
  const r = await runAction(() => {
    if (pollView(viewer, pollId).pageId !== pageId) throw new AppError('not_found', 'No such vote on this page.');
    return castBallot(viewer, pollId, choice);
  });
  revalidatePath(pagePath(pageId));
  return r;
}

/** Form field `receipt`: is this ballot counted (and, once closed, what it says)? Only for readers of the page. */
export async function verifyReceiptAction(pageId: string, pollId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ counted: boolean; choice: unknown }>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(() => {
    if (pollView(viewer, pollId).pageId !== pageId) throw new AppError('not_found', 'No such vote on this page.');
    return verifyReceipt(pollId, str(form, 'receipt'));
  });
}
