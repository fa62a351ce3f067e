import { apiRoute, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { pageContentInput, putPageContent, type PageContentInput } from '@/server/links/put-page-content';
import { pageJsonFor, withRevisionConflict } from '../../page-json';

export const dynamic = 'force-dynamic';

/**
 * Replaces (`mode: "replace"`, the default) or extends (`"append"`) the body with Markdown, as a
 * live change open editors see at once. `[[Titre]]` and links to page URLs become wiki links.
 * A replace names the `revision` it was written against (`baseRevision`): what others typed
 * since is kept, or the answer is 409 with the current `revision` when it cannot be.
 */
export const PUT = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await readJsonObject(req);
  rejectUnknownFields(body, pageContentInput);
  return withRevisionConflict(() => putPageContent(v, params.id, body as PageContentInput)) ?? pageJsonFor(v, params.id);
});
