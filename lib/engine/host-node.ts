/**
 * Engine host for Node (CLI, tests, evaluation, benchmarks): node:crypto for hashes and
 * pure-JS decoders (jpeg-js, pngjs) for pixels. Never bundled into the extension.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { EngineHost, Pixels } from './host';
import type { ImageFormat } from './format';
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

let webpReady: Promise<(buffer: ArrayBuffer) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>> | undefined;

/** libwebp (the @jsquash/webp wasm build), compiled on the first WebP file. */
function webpDecoder() {
  return (webpReady ??= (async () => {
    const { init, default: decode } = await import('@jsquash/webp/decode.js');
    const wasmPath = createRequire(import.meta.url).resolve('@jsquash/webp/codec/dec/webp_dec.wasm');
    await init(await WebAssembly.compile(await readFile(wasmPath)));
    return decode;
  })());
}

async function decodeWebp(bytes: Uint8Array): Promise<Pixels> {
  const decode = await webpDecoder();
  const img = await decode(bytes.slice().buffer);
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length) };
}

export const nodeHost: EngineHost = {
  name: 'node',
  async sha256(bytes) {
    return createHash('sha256').update(bytes).digest('hex');
  },
  async decodePixels(bytes: Uint8Array, format: ImageFormat) {
    if (format === 'jpeg') return decodeJpeg(bytes);
    if (format === 'png') return decodePng(bytes);
    if (format === 'webp') return decodeWebp(bytes);
    throw new Error(`Pixels of ${format.toUpperCase()} files cannot be decoded by the command-line host`);
  },
  c2pa: {
    async read(bytes, mimeType) {
      const { nodeC2paReader } = await import('./c2pa-node');
      return nodeC2paReader.read(bytes, mimeType);
    },
  },
};
