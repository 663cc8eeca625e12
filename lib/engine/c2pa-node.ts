/**
 * C2PA reader for the Node host (CLI, tests, evaluation): @contentauth/c2pa-wasm with its
 * wasm read from node_modules and instantiated once, on the first file that needs it.
 * Shares reading and normalisation with the browser reader (c2pa-summary.ts); never bundled
 * into the extension.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, WasmReader } from '@contentauth/c2pa-wasm';
import { readWith, type C2paReader } from './c2pa-summary';

let ready = false;

function ensureWasm(): void {
  if (ready) return;
  const require = createRequire(import.meta.url);
  initSync({ module: readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });
  ready = true;
}

export const nodeC2paReader: C2paReader = {
  async read(bytes, mimeType) {
    ensureWasm();
    return readWith((format, data, settings) => WasmReader.fromBytes(format, data, settings), bytes, mimeType);
  },
};
