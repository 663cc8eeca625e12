/**
 * Files the agent dropped, pasted or picked in the side panel. They have no URL to fetch
 * again, so their bytes stay in the background's memory (a few of the latest, bounded in
 * size) for a later serial check; the case memory keeps only hashes, as for every image.
 */
import { base64ToBytes } from '../messaging';

/** Most files and base64 characters kept at once. */
const MAX_FILES = 8;
const MAX_CHARS = 128 * 1024 * 1024;

export class DroppedFiles {
  private readonly files = new Map<string, string>();

  get(src: string): string | undefined {
    return this.files.get(src);
  }

  set(src: string, bytesBase64: string): void {
    this.files.delete(src);
    this.files.set(src, bytesBase64);
    let chars = 0;
    for (const b64 of this.files.values()) chars += b64.length;
    for (const [key, b64] of this.files) {
      if (this.files.size <= MAX_FILES && chars <= MAX_CHARS) break;
      if (key === src) continue;
      this.files.delete(key);
      chars -= b64.length;
    }
  }

  clear(): void {
    this.files.clear();
  }
}

/**
 * The side panel's key for a dropped file: its content hash (the same file dropped twice is one
 * entry) and its name, in a URL shape from which components/names.ts reads the name.
 */
export async function droppedFileSrc(name: string, bytesBase64: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', base64ToBytes(bytesBase64) as BufferSource));
  const hex = [...digest.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const safeName = name.replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'image';
  return `claimlens-file:${hex}/${encodeURIComponent(safeName)}`;
}
