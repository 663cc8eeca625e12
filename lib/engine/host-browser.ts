/**
 * Engine host for the browser (the analysis Web Worker): WebCrypto for hashes and the
 * browser's own decoders (createImageBitmap + OffscreenCanvas) for pixels.
 */
import type { EngineHost } from './host';
import type { ImageFormat } from './format';
import { toHex } from './host';

export const browserHost: EngineHost = {
  name: 'browser',
  async sha256(bytes) {
    return toHex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  },
  async decodePixels(bytes: Uint8Array, format: ImageFormat) {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(new Blob([bytes as BlobPart]), {
        colorSpaceConversion: 'none',
        premultiplyAlpha: 'none',
        imageOrientation: 'none',
      });
    } catch {
      throw new Error(`This browser cannot decode the pixels of this ${format.toUpperCase()} file`);
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('No 2D canvas available to read pixels');
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width, height, data };
  },
  c2pa: {
    async read(bytes, mimeType) {
      const { browserC2paReader } = await import('./c2pa-browser');
      return browserC2paReader.read(bytes, mimeType);
    },
  },
};
