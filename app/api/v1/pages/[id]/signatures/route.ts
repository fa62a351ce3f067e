import { z } from 'zod';
import { parseInput } from '@/lib/parse-input';
import { apiRoute, readJsonObject, rejectUnknownFields } from '@/server/http/api';
import { motionSummary } from '@/server/motions/motion-service';
import { confirmSignature, listSignatures, signatureChange, signMotion, unsignMotion } from '@/server/motions/signatures';
import type { Viewer } from '@/server/policy';

export const dynamic = 'force-dynamic';

/** What a signature change answers: the counts (as public as the motion) and the viewer's own signature. */
function signatureState(viewer: Viewer, pageId: string) {
  const s = motionSummary(viewer, pageId);
  return 'signatures' in s ? { signatures: s.signatures, mine: s.mySignature } : { signatures: null, mine: null };
}

const signInput = z.object({
  /** Confirm one's signature on the text as it is now (it changed since one signed). */
  confirm: z.boolean().optional(),
});

/**
 * Who signed, grouped by section, to party members who read the motion (404 to anyone else:
 * the counts are in GET /api/v1/pages/:id); with the viewer's own signature and, when the text
 * changed since they signed, the diff since.
 */
export const GET = apiRoute<{ id: string }>(async (_req, { viewer, params }) => {
  const list = listSignatures(viewer, params.id);
  return { ...list, change: list.mine.textChanged ? signatureChange(viewer, params.id) : null };
});

/** Signs the filed motion (`{}` or no body), or confirms one's signature on the changed text (`{"confirm": true}`). */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const body = req.body ? await readJsonObject(req) : {};
  rejectUnknownFields(body, signInput);
  const input = parseInput(signInput, body);
  if (input.confirm) confirmSignature(viewer, params.id);
  else signMotion(viewer, params.id);
  return signatureState(viewer, params.id);
});

/** Withdraws one's signature (while filed; later, before the vote, if the text changed since). */
export const DELETE = apiRoute<{ id: string }>(async (_req, { viewer, params }) => {
  unsignMotion(viewer, params.id);
  return signatureState(viewer, params.id);
});
