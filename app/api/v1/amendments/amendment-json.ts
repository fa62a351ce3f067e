/**
 * What the amendments' routes share: an optional JSON body (a decision may come with nothing to
 * say), and the 409 of a passage that changed, which carries the passage as it reads now so the
 * decider can adjust the wording.
 */
import { AmendmentConflict } from '@/server/amendments/amendment-service';
import { json, readJsonObject } from '@/server/http/api';

/** The JSON object sent, or `{}` when the request has no body. */
export async function optionalJsonObject(req: Request): Promise<Record<string, unknown>> {
  const length = req.headers.get('content-length');
  if (!req.body || length === '0' || !req.headers.get('content-type')) return {};
  return readJsonObject(req);
}

/** Runs a decision; a changed or vanished passage answers 409 with `passage` beside the error. */
export function withPassageConflict(decide: () => object): Response | object {
  try {
    return decide();
  } catch (e) {
    if (!(e instanceof AmendmentConflict)) throw e;
    return json({ error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) }, passage: e.passage }, { status: e.status });
  }
}

export const amendmentUrl = (id: string) => `/api/v1/amendments/${id}`;
