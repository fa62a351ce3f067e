import { z } from 'zod';
import { parseInput } from '@/lib/parse-input';
import { apiRoute, json, readJsonObject, rejectUnknownFields } from '@/server/http/api';
import { pollToVoteOn, verifyReceipt } from '@/server/votes/polls';

export const dynamic = 'force-dynamic';

const checkInput = z.object({ pollId: z.string().min(1), receipt: z.string() });

/**
 * Checks a receipt code `{pollId, receipt}` (a POST: the code is a proof of one's vote, kept out
 * of URLs and their logs). 200 `{counted, choice}`: whether the ballot is in the count, and once
 * the vote is closed what it says (null before). 404 when the page cannot be read, 400 naming
 * `pollId` (not a vote of this page) or `receipt` (not a code's shape).
 */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const body = await readJsonObject(req);
  rejectUnknownFields(body, checkInput);
  const { pollId, receipt } = parseInput(checkInput, body);
  return json(verifyReceipt(pollToVoteOn(viewer, params.id, pollId), receipt));
});
