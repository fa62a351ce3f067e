import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { apiRoute, json, readJsonObject, rejectUnknownFields } from '@/server/http/api';
import { castBallot, listPagePolls, pollToVoteOn } from '@/server/votes/polls';

export const dynamic = 'force-dynamic';

const castInput = z.object({ choice: z.unknown(), pollId: z.string().optional() });

/**
 * The page's votes, oldest first: `{data: [poll]}`, each with its phase, closing time, quorum,
 * majority, voters and ballots counted so far, whether the viewer is on the voters' list, voted,
 * may vote, and — only once closed — the result. 404 when the page cannot be read.
 */
export const GET = apiRoute<{ id: string }>(async (_req, { viewer, params }) => ({ data: listPagePolls(viewer, params.id) }));

/**
 * Casts the viewer's ballot: `{choice: "for"|"against"|"abstain"}`, or for a ranked vote the
 * option ids best first (ties as nested arrays); `pollId` when the page has several votes open.
 * 201 `{pollId, receipt}`: the receipt code is shown this once. 404 unreadable, 401/403 not
 * allowed or not on the voters' list, 409 closed / not yet open / already voted, 400 naming
 * the field.
 */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const body = await readJsonObject(req);
  rejectUnknownFields(body, castInput);
  if (body.pollId !== undefined && typeof body.pollId !== 'string') throw new AppError('invalid_input', 'pollId: expected a string.', 'pollId');
  const pollId = pollToVoteOn(viewer, params.id, body.pollId as string | undefined);
  const { receipt } = castBallot(viewer, pollId, body.choice);
  return json({ pollId, receipt }, { status: 201 });
});
