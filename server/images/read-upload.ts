/**
 * The bytes of an uploaded image from a request: a multipart form (field `file`, as browsers
 * send it) or the raw body (as `curl --data-binary` sends it). The body is cut off past the size
 * limit while it streams, whatever `Content-Length` claims.
 */
import { AppError } from '@/lib/errors';
import { MAX_IMAGE_BYTES } from './page-images';

/** Room for the multipart envelope around the largest accepted file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const tooLarge = () => new AppError('payload_too_large', `Images are limited to ${MAX_IMAGE_BYTES} bytes.`, 'file');

function capped(body: ReadableStream<Uint8Array>, max: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        seen += chunk.byteLength;
        if (seen > max) ctl.error(tooLarge());
        else ctl.enqueue(chunk);
      },
    }),
  );
}

async function orTooLarge<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof Error && e.cause instanceof AppError) throw e.cause;
    throw new AppError('invalid_input', 'The upload could not be read.', 'file');
  }
}

export async function readUpload(req: Request): Promise<Uint8Array> {
  const type = req.headers.get('content-type') ?? '';
  const isForm = type.toLowerCase().startsWith('multipart/form-data');
  const max = MAX_IMAGE_BYTES + (isForm ? MULTIPART_OVERHEAD : 0);
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > max) throw tooLarge();
  if (!req.body) throw new AppError('invalid_input', 'The image is empty.', 'file');
  const body = capped(req.body, max);
  if (!isForm) return new Uint8Array(await orTooLarge(new Response(body).arrayBuffer()));
  const form = await orTooLarge(new Response(body, { headers: { 'content-type': type } }).formData());
  const file = form.get('file');
  if (!file || typeof file === 'string') throw new AppError('invalid_input', 'A file field named "file" is required.', 'file');
  return new Uint8Array(await file.arrayBuffer());
}
