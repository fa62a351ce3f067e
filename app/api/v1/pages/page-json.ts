import { env } from '@/server/env';
import { json } from '@/server/http/api';
import { RevisionConflict } from '@/server/pages/based-write';
import type { PageAsRead } from '@/server/pages/page-service';
import { getPageView } from '@/server/pages/page-view';
import { getDeliberation } from '@/server/deliberations/stage-log';
import { motionSummary } from '@/server/motions/motion-service';
import type { Viewer } from '@/server/policy';

/** A page whose body was read for its viewer (the live one carries its revision). */
type ReadPage = Omit<PageAsRead, 'body'> & { body: { text: string; markdown: string; revision?: string | null } };

/**
 * A page as the API serves it; only ever built from `getPageView` or `getPage`, which have
 * checked `read`. `abilities` are the policy's, as the page route shows them (Outline's
 * `policies` beside the data).
 */
export function pageJson(p: ReadPage) {
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    spaceId: p.spaceId,
    visibility: p.visibility,
    status: p.status,
    text: p.body.text,
    markdown: p.body.markdown,
    /**
     * The live document this body was read from (party members): a whole-body write sends it
     * back as `baseRevision`. Null for readers of the published version.
     */
    revision: p.body.revision ?? null,
    url: pageUrl(p.id),
    updatedAt: p.updatedAt,
    abilities: p.abilities,
  };
}

/**
 * The page as `viewer` may read it, from the same read as the page route (`getPageView`): the
 * live text for party members, the published version for everyone else, wiki links showing
 * their target's current title, or "page privée" when the viewer may not read the target.
 */
export function pageJsonFor(viewer: Viewer, id: string) {
  const view = getPageView(viewer, id);
  // The view knows whether the page has a stage: a plain page reads nothing more.
  return { ...pageJson(view), ...(view.deliberation ? deliberationJson(viewer, id) : NO_DELIBERATION) };
}

const NO_DELIBERATION = { stage: null, deliberation: null } as const;

/**
 * A deciding text's `stage` and its summary (deadlines, signature settings and counts, timeline,
 * poll, the viewer's deliberation abilities); both null for a page nobody deliberates on.
 */
export function deliberationJson(viewer: Viewer, id: string) {
  if (!getDeliberation(id)) return NO_DELIBERATION;
  const summary = motionSummary(viewer, id);
  return { stage: summary.stage, deliberation: summary };
}

export const pageUrl = (id: string) => `${env().AUTH_URL}/pages/${id}`;

/**
 * Runs a whole-body write; a `RevisionConflict` answers 409 with the current `revision` beside
 * the error, so the client can read the page again and retry.
 */
export function withRevisionConflict(write: () => void): Response | null {
  try {
    write();
    return null;
  } catch (e) {
    if (!(e instanceof RevisionConflict)) throw e;
    return json({ error: { code: e.code, message: e.message, field: e.field }, revision: e.revision }, { status: e.status });
  }
}
