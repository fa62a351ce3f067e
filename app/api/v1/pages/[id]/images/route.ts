import { apiRoute, json, signedIn } from '@/server/http/api';
import { limit } from '@/server/http/rate-limit';
import { authorizeImageUpload, storeImage } from '@/server/images/page-images';
import { readUpload } from '@/server/images/read-upload';

export const dynamic = 'force-dynamic';

/** Uploads an image into a page the viewer may edit; answers its URL for the editor's image node. */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  await limit('image-upload', v.id, 60, 60);
  authorizeImageUpload(v, params.id); // before reading a byte of the body
  const bytes = await readUpload(req);
  return json(storeImage(v, params.id, bytes), { status: 201 });
});
