/**
 * C2PA reader for the browser host, run inside the analysis Web Worker: @contentauth/c2pa-wasm
 * (the same build the Node host uses, so both produce the same summary). The wasm file ships
 * in the extension package — Vite emits it as an asset and `?url` gives its packaged path —
 * and is fetched from the extension's own origin on the first file that carries C2PA data.
 * Never fetches anything from the network; shares reading and normalisation with c2pa-summary.ts.
 */
import init, { WasmReader } from '@contentauth/c2pa-wasm';
import wasmUrl from '@contentauth/c2pa-wasm/assets/c2pa_bg.wasm?url';
import { readWith, type C2paReader } from './c2pa-summary';

let ready: Promise<unknown> | undefined;

function ensureWasm(): Promise<unknown> {
  ready ??= init({ module_or_path: wasmUrl }).catch((err: unknown) => {
    ready = undefined;
    throw err instanceof Error ? err : new Error(`The Content Credentials reader could not start: ${String(err)}`);
  });
  return ready;
}

export const browserC2paReader: C2paReader = {
  async read(bytes, mimeType) {
    await ensureWasm();
    return readWith((format, data, settings) => WasmReader.fromBytes(format, data, settings), bytes, mimeType);
  },
};
