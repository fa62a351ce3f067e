/**
 * Images of a page: stored by whoever may edit the page, served to whoever may read it (citizens
 * and anonymous readers: only the images of the published version they read). The
 * bytes live in DATA_DIR/uploads/<id> (named by a random id, never by the sender's file name);
 * the row says which page they belong to, so reading one goes through the page's permissions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { dataDir, db } from '@/db/client';
import { pageImages } from '@/db/schema';
import { AppError, isAppError } from '@/lib/errors';
import type { JSONContent } from '@tiptap/core';
import { env } from '@/server/env';
import { versionBody } from '@/server/pages/body-cache';
import { loadPage } from '@/server/pages/load-page';
import { authorizePage, pageAbilities, type Viewer } from '@/server/policy';
import { versionState } from '@/server/versions/versions';
import { sniffImageType, type ImageMime } from './sniff-image-type';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export type StoredImage = { id: string; url: string; mime: ImageMime; size: number };

export const imageUrl = (id: string) => `/api/v1/images/${id}`;

function uploadsDir(): string {
  return path.join(dataDir(), 'uploads');
}

const ID = /^[0-9a-f-]{36}$/;

/** Throws unless the viewer may add images to the page (unreadable page → not_found). */
export function authorizeImageUpload(viewer: Viewer, pageId: string): asserts viewer is NonNullable<Viewer> {
  if (!viewer) throw new AppError('unauthorized');
  authorizePage(viewer, 'edit', loadPage(pageId).ref);
}

/** Stores an image for a page the viewer may edit. */
export function storeImage(viewer: Viewer, pageId: string, bytes: Uint8Array): StoredImage {
  authorizeImageUpload(viewer, pageId);
  if (bytes.byteLength === 0) throw new AppError('invalid_input', 'The image is empty.', 'file', { key: 'imageEmpty' });
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new AppError('payload_too_large', `Images are limited to ${MAX_IMAGE_BYTES} bytes.`, 'file');
  const mime = sniffImageType(bytes);
  if (!mime) throw new AppError('invalid_input', 'Only PNG, JPEG, GIF and WebP images are accepted.', 'file', { key: 'imageType' });
  const id = crypto.randomUUID();
  const dir = uploadsDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, id);
  // Bytes first (written aside, then renamed): a row never points at a missing or partial file.
  fs.writeFileSync(`${file}.part`, bytes);
  fs.renameSync(`${file}.part`, file);
  try {
    db().insert(pageImages).values({ id, pageId, mime, size: bytes.byteLength, createdBy: viewer.id }).run();
  } catch (e) {
    fs.rmSync(file, { force: true });
    throw e;
  }
  return { id, url: imageUrl(id), mime, size: bytes.byteLength };
}

/** Does the document show image `id` (an image node whose `src` is its URL, relative or absolute)? */
export function showsImage(doc: JSONContent, id: string): boolean {
  const urls = new Set([imageUrl(id), `${new URL(env().AUTH_URL).origin}${imageUrl(id)}`]);
  const stack: JSONContent[] = [doc];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'image' && typeof node.attrs?.src === 'string' && urls.has(node.attrs.src)) return true;
    if (node.content) stack.push(...node.content);
  }
  return false;
}

/**
 * An image's bytes, for a viewer who may read its page: party members read the live document,
 * everyone else the published version, so only an image that version shows. Unknown image,
 * unknown or unreadable page, image not published: all `not_found`, so nothing tells them apart.
 */
export function readImage(viewer: Viewer, id: string): { mime: ImageMime; size: number; bytes: Buffer } {
  if (!ID.test(id)) throw new AppError('not_found');
  const row = db().select().from(pageImages).where(eq(pageImages.id, id)).get();
  if (!row) throw new AppError('not_found');
  let readable = false;
  try {
    const page = loadPage(row.pageId);
    const can = pageAbilities(viewer, page.ref);
    readable = can.read;
    if (readable && !can.readsLiveText) {
      const versionId = page.row.publishedVersionId;
      readable = versionId !== null && showsImage(versionBody(versionId, () => versionState(versionId) ?? new Uint8Array([0, 0])).json, row.id);
    }
  } catch (e) {
    if (!(isAppError(e) && e.code === 'not_found')) throw e;
  }
  if (!readable) throw new AppError('not_found');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(uploadsDir(), row.id));
  } catch {
    throw new AppError('not_found');
  }
  return { mime: row.mime, size: bytes.byteLength, bytes };
}
