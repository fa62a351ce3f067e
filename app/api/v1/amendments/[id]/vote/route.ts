import { z } from 'zod';
import { apiRoute, json, rejectUnknownFields, signedIn } from '@/server/http/api';
import { parseInput } from '@/lib/parse-input';
import { getAmendment, putAmendmentToVote, putPassageToVote, putToVoteInput } from '@/server/amendments/amendment-service';
import { optionalJsonObject } from '../../amendment-json';

export const dynamic = 'force-dynamic';

const voteInput = putToVoteInput.extend({ passage: z.boolean().default(false) });

/**
 * Puts the amendment to the vote of its space's members `{closesAt, quorum?, majority?}`; with
 * `passage: true`, every amendment of its passage in one ranked vote with the current wording.
 */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await optionalJsonObject(req);
  rejectUnknownFields(body, voteInput);
  const { passage, ...input } = parseInput(voteInput, body);
  if (!passage) return json(putAmendmentToVote(v, params.id, input), { status: 201 });
  return json(putPassageToVote(v, getAmendment(v, params.id).groupId, input), { status: 201 });
});
