import { apiRoute } from '@/server/http/api';
import { readImage } from '@/server/images/page-images';

export const dynamic = 'force-dynamic';

/** An image, to whoever may read its page (404 otherwise, like an unknown image). */
export const GET = apiRoute<{ id: string }>(async (_req, { viewer, params }) => {
  const img = readImage(viewer, params.id);
  return new Response(new Uint8Array(img.bytes), {
    headers: {
      'Content-Type': img.mime,
      'Content-Length': String(img.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
});
