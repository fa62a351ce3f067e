import { z } from 'zod';
import { apiRoute, rejectUnknownFields, signedIn } from '@/server/http/api';
import { parseInput } from '@/lib/parse-input';
import { answerModification } from '@/server/amendments/amendment-service';
import { optionalJsonObject, withPassageConflict } from '../../amendment-json';

export const dynamic = 'force-dynamic';

const answerInput = z.object({ accept: z.boolean() });

/** The amender answers a modified adoption `{accept}`: accepted, it is applied to the text; declined, the amendment is open again. */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await optionalJsonObject(req);
  rejectUnknownFields(body, answerInput);
  const { accept } = parseInput(answerInput, body);
  return withPassageConflict(() => answerModification(v, params.id, accept));
});
