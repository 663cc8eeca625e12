/**
 * Engine host for Node (CLI, tests, evaluation, benchmarks): node:crypto for hashes and
 * pure-JS decoders (jpeg-js, pngjs) for pixels. Never bundled into the extension.
 */
import { createHash } from 'node:crypto';
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

export const nodeHost: EngineHost = {
  name: 'node',
  async sha256(bytes) {
    return createHash('sha256').update(bytes).digest('hex');
  },
  async decodePixels(bytes: Uint8Array, format: ImageFormat) {
    if (format === 'jpeg') return decodeJpeg(bytes);
    if (format === 'png') return decodePng(bytes);
    throw new Error(`Pixels of ${format.toUpperCase()} files cannot be decoded by the command-line host`);
  },
  c2pa: {
    async read(bytes, mimeType) {
      const { nodeC2paReader } = await import('./c2pa-node');
      return nodeC2paReader.read(bytes, mimeType);
    },
  },
};
