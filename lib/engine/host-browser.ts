/**
 * Engine host for the browser (the analysis Web Worker): WebCrypto for hashes and the
 * browser's own decoders (createImageBitmap + OffscreenCanvas) for pixels, except HEIC, which
 * no Chromium decodes: those go through libheif (heif.ts) in a chunk loaded on the first HEIC
 * file, with its .wasm shipped in the extension package and fetched from the extension's own
 * origin. Never fetches code from the network and never evaluates strings (MV3 CSP).
 */
import type { EngineHost } from './host';
import { browserModels } from './models-browser';
import { browserOcr } from '../ocr/models-browser';
import type { ImageFormat } from './format';
import type { HeifDecoder, LibheifFactory } from './heif';
import { toHex } from './host';
import heifWasmUrl from 'libheif-js/libheif-wasm/libheif.wasm?url';

/** Compiles a packaged .wasm, streaming where the extension serves it as application/wasm. */
async function compileWasm(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

let heic: Promise<HeifDecoder> | undefined;

/** libheif-js's Emscripten glue (no eval, no Function) and its .wasm, loaded on the first HEIC file. */
function heicDecoder(): Promise<HeifDecoder> {
  heic ??= import('./heif')
    .then(({ createHeifDecoder }) =>
      createHeifDecoder(async () => {
        const [glue, wasm] = await Promise.all([import('libheif-js/libheif-wasm/libheif.js'), compileWasm(heifWasmUrl)]);
        return { factory: (glue as unknown as { default: LibheifFactory }).default, wasm };
      }),
    )
    .catch((err: unknown) => {
      heic = undefined;
      throw err;
    });
  return heic;
}

async function decodeWithBrowser(bytes: Uint8Array, format: ImageFormat) {
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
}

export const browserHost: EngineHost = {
  // The neural detector's ONNX model: WebGPU when an adapter exists, else WASM (loaded on first use).
  models: browserModels,
  // PaddleOCR models packaged with the extension, fetched on the first photo whose serial is checked.
  ocr: browserOcr,
  name: 'browser',
  async sha256(bytes) {
    return toHex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  },
  async decodePixels(bytes: Uint8Array, format: ImageFormat) {
    if (format === 'heic') return (await heicDecoder())(bytes);
    return decodeWithBrowser(bytes, format);
  },
  c2pa: {
    async read(bytes, mimeType) {
      const { browserC2paReader } = await import('./c2pa-browser');
      return browserC2paReader.read(bytes, mimeType);
    },
  },
};
