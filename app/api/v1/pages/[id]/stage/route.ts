import { apiRoute, readJsonObject, rejectUnknownFields } from '@/server/http/api';
import { changeStage, changeStageInput, type ChangeStageInput } from '@/server/motions/motion-service';

export const dynamic = 'force-dynamic';

/**
 * Moves a motion (or a chapter open for amendments) to `stage`: `filed`, `withdrawn`,
 * `amendments` (with `deadline`), `vote` (with `closesAt`, `quorum`, `majority`) or `closed`.
 * Answers the motion's summary. 404 unreadable, 401/403 not allowed, 409 the stage (or the
 * missing signatures) with the reason, 400 naming the field.
 */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const body = await readJsonObject(req);
  rejectUnknownFields(body, changeStageInput);
  return changeStage(viewer, params.id, body as ChangeStageInput);
});
