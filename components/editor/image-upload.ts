/**
 * Images pasted or dropped into the editor are uploaded to the server (under the page's
 * permissions), then inserted as an image node pointing at the stored file. Nothing is inlined
 * as a data: URL.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
export const IMAGE_ACCEPT = ACCEPTED.join(',');

export type UploadError = 'type' | 'size' | 'failed';

/** Sends one image to the page; answers its URL. */
export async function uploadImage(pageId: string, file: File): Promise<{ url: string } | { error: UploadError }> {
  if (!ACCEPTED.includes(file.type)) return { error: 'type' };
  if (file.size > MAX_IMAGE_BYTES) return { error: 'size' };
  const body = new FormData();
  body.set('file', file);
  try {
    const res = await fetch(`/api/v1/pages/${encodeURIComponent(pageId)}/images`, { method: 'POST', body, credentials: 'same-origin' });
    if (res.status === 413) return { error: 'size' };
    if (res.status === 400) return { error: 'type' };
    if (!res.ok) return { error: 'failed' };
    const data = (await res.json()) as { url?: unknown };
    return typeof data.url === 'string' ? { url: data.url } : { error: 'failed' };
  } catch {
    return { error: 'failed' };
  }
}

export type ImageUploadOptions = {
  pageId: string;
  onBusy: (busy: boolean) => void;
  onError: (error: UploadError) => void;
};

const imageFiles = (list: FileList | null | undefined) => Array.from(list ?? []).filter((f) => f.type.startsWith('image/'));

/** Uploads the files one by one and inserts each image at `pos` (or the end, if the doc shrank meanwhile). */
export async function insertImages(view: EditorView, files: File[], pos: number, o: ImageUploadOptions): Promise<void> {
  o.onBusy(true);
  try {
    for (const file of files) {
      const r = await uploadImage(o.pageId, file);
      if ('error' in r) {
        o.onError(r.error);
        continue;
      }
      if (view.isDestroyed) return;
      const node = view.state.schema.nodes.image?.create({ src: r.url, alt: file.name.replace(/\.[a-z0-9]+$/i, '') });
      if (!node) return;
      const at = Math.min(pos, view.state.doc.content.size);
      const tr = view.state.tr.insert(at, node);
      pos = at + node.nodeSize;
      view.dispatch(tr);
    }
  } finally {
    o.onBusy(false);
  }
}

export const ImageUpload = Extension.create<ImageUploadOptions>({
  name: 'imageUpload',

  addOptions() {
    return { pageId: '', onBusy: () => {}, onError: () => {} };
  },

  addProseMirrorPlugins() {
    const o = this.options;
    return [
      new Plugin({
        key: new PluginKey('imageUpload'),
        props: {
          handlePaste: (view, event) => {
            const files = imageFiles(event.clipboardData?.files);
            if (!files.length || !view.editable) return false;
            void insertImages(view, files, view.state.selection.to, o);
            return true;
          },
          handleDrop: (view, event, _slice, moved) => {
            const files = imageFiles(event.dataTransfer?.files);
            if (moved || !files.length || !view.editable) return false;
            const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.to;
            event.preventDefault();
            void insertImages(view, files, pos, o);
            return true;
          },
        },
      }),
    ];
  },
});
