/**
 * What differs between the environments the engine runs in (browser worker, Node).
 * The engine and the detectors only ever talk to these interfaces; they never import a
 * decoder, a hash implementation or an ONNX runtime themselves.
 */
import type { ImageFormat } from './format';
import type { C2paReader } from './c2pa-summary';
import type { CaseMemory } from './memory';

export type { C2paReader } from './c2pa-summary';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  data: Uint8ClampedArray;
}

export interface TensorLike {
  data: Float32Array;
  dims: number[];
}

export interface ModelSession {
  run(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>>;
  /** Which execution provider ran: 'webgpu' | 'wasm' | ... */
  readonly backend: string;
  release(): Promise<void>;
}

export interface ModelHost {
  /** Loads a model shipped with the extension / package by its file name under models/. */
  load(name: string): Promise<ModelSession>;
}

/** PaddleOCR's text detector and recogniser with the recogniser's character list. */
export interface OcrModels {
  detection: ModelSession;
  recognition: ModelSession;
  /** Recogniser class k > 0 is dictionary[k - 1]; class 0 is the CTC blank. */
  dictionary: readonly string[];
}

export interface OcrHost {
  /** Loads the OCR models on first use (tens of megabytes: only when a check needs text). */
  load(): Promise<OcrModels>;
}

export interface EngineHost {
  readonly name: 'node' | 'browser';
  sha256(bytes: Uint8Array): Promise<string>;
  /** Decodes the whole image to RGBA. Throws a clear error when the format cannot be decoded here. */
  decodePixels(bytes: Uint8Array, format: ImageFormat): Promise<Pixels>;
  models?: ModelHost;
  /** Reads text in pictures (serial numbers, labels); absent where no OCR models ship. */
  ocr?: OcrHost;
  /** Reads C2PA / Content Credentials manifests (wasm, loaded on first use). */
  c2pa?: C2paReader;
  /** Photos seen in earlier tickets (IndexedDB in the extension, --db FILE in the CLI). */
  memory?: CaseMemory;
}

export function toHex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}
