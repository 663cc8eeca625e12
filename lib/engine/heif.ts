/**
 * HEIC/HEIF pixels for both hosts: decodes the primary image of a HEIF file to RGBA with
 * libheif (the libheif-js Emscripten build). Owns the decoding sequence, the pixel-count guard
 * (checked on the declared size before any pixel is decoded), the error messages, and the
 * lifetime of the libheif instance. Host-independent: it never imports libheif-js or reads a
 * file itself; each host supplies a loader that returns the glue's factory and the compiled
 * wasm module (read from node_modules in Node, packaged in the extension in the browser).
 *
 * Orientation: libheif applies the file's `irot`/`imir`/`clap` transforms by default, so the
 * pixels come out as the phone displays them (an iPhone portrait stored as 4032×3024 with
 * `irot` decodes to 3024×4032). Both hosts use this same code and wasm, so they agree. EXIF
 * Orientation is never applied.
 *
 * This libheif-js build contains libde265 only: HEVC-coded files (HEIC) decode; AV1 (AVIF)
 * and other codecs are refused with a clear error.
 */
import type { Pixels } from './host';
import { LIMITS, clip } from './limits';

/** An embind enum value of libheif-js. */
interface EnumValue {
  value: number;
}

interface HeifError {
  code: EnumValue;
  subcode?: EnumValue;
  message: string;
}

interface DecodedChannel {
  id: EnumValue;
  width: number;
  height: number;
  stride: number;
  /** A view into the wasm heap: valid only until the image is released. */
  data: Uint8Array;
}

interface DecodedImage {
  image: unknown;
  width: number;
  height: number;
  channels: DecodedChannel[];
}

/** The part of libheif-js's Emscripten module this decoder uses. */
export interface LibheifModule {
  HEAPU8: Uint8Array;
  heif_get_version(): string;
  heif_context_alloc(): unknown;
  heif_context_free(context: unknown): void;
  heif_context_read_from_memory(context: unknown, bytes: Uint8Array): HeifError;
  heif_js_context_get_primary_image_handle(context: unknown): unknown;
  heif_image_handle_get_width(handle: unknown): number;
  heif_image_handle_get_height(handle: unknown): number;
  heif_image_handle_release(handle: unknown): void;
  heif_js_decode_image2(handle: unknown, colorspace: EnumValue, chroma: EnumValue): DecodedImage | HeifError;
  heif_image_release(image: unknown): void;
  heif_colorspace: { heif_colorspace_RGB: EnumValue };
  heif_chroma: { heif_chroma_interleaved_RGBA: EnumValue };
  heif_channel: { heif_channel_interleaved: EnumValue };
}

/** The Emscripten factory of libheif-js (`libheif-wasm/libheif.js`). */
export type LibheifFactory = (options: {
  instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => unknown): WebAssembly.Exports;
  print(text: string): void;
  printErr(text: string): void;
}) => LibheifModule;

/** What a host supplies: the glue's factory and the compiled libheif.wasm. */
export interface LibheifParts {
  factory: LibheifFactory;
  wasm: WebAssembly.Module;
}

export type HeifDecoder = (bytes: Uint8Array) => Promise<Pixels>;

/** A file libheif refused or could not decode; the decoder itself is still usable. */
export class HeifDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeifDecodeError';
  }
}

/** The heap size above which the instance is dropped after a decode, so its memory can be reclaimed. */
const KEEP_HEAP_BYTES = 256 * 1024 * 1024;

const isError = (x: unknown): x is HeifError => typeof x === 'object' && x !== null && 'code' in x && 'message' in x;

/** libheif's message, on one bounded line. */
const clean = (message: string) => clip(String(message).replace(/\s+/g, ' ').trim(), 300);

/** heif_error_Plugin_loading_error, heif_suberror_Unsupported_codec, heif_suberror_No_matching_decoder_installed. */
const isMissingCodec = (e: HeifError) => e.code.value === 11 || e.subcode?.value === 3000 || e.subcode?.value === 6003;

/**
 * A decoder that loads libheif on its first call (through `load`) and reuses the instance.
 * A failed load is retried on the next call; an instance that threw (a wasm trap or abort)
 * or grew a large heap is replaced by a fresh one from the already compiled module.
 */
export function createHeifDecoder(load: () => Promise<LibheifParts>): HeifDecoder {
  let parts: Promise<LibheifParts> | undefined;
  let lib: LibheifModule | undefined;

  async function instance(): Promise<LibheifModule> {
    if (lib) return lib;
    parts ??= load().catch((err: unknown) => {
      parts = undefined;
      throw new Error(`The HEIC decoder could not start: ${err instanceof Error ? err.message : String(err)}`);
    });
    const { factory, wasm } = await parts;
    if (lib) return lib;
    try {
      const started = factory({
        instantiateWasm(imports, done) {
          const compiled = new WebAssembly.Instance(wasm, imports);
          done(compiled, wasm);
          return compiled.exports;
        },
        print: () => {},
        printErr: () => {},
      });
      if (typeof started?.heif_js_decode_image2 !== 'function') throw new Error('libheif did not initialise synchronously');
      lib = started;
      return lib;
    } catch (err) {
      throw new Error(`The HEIC decoder could not start: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return async (bytes) => {
    const heif = await instance();
    try {
      return decodePrimary(heif, bytes);
    } catch (err) {
      if (!(err instanceof HeifDecodeError)) lib = undefined;
      throw err instanceof HeifDecodeError ? err : new HeifDecodeError(`The HEIC decoder failed on this file (${err instanceof Error ? err.message : String(err)})`);
    } finally {
      if (lib && lib.HEAPU8.length > KEEP_HEAP_BYTES) lib = undefined;
    }
  };
}

function decodePrimary(heif: LibheifModule, bytes: Uint8Array): Pixels {
  const context = heif.heif_context_alloc();
  if (!context) throw new Error('libheif could not allocate a context');
  let handle: unknown;
  try {
    const read = heif.heif_context_read_from_memory(context, bytes);
    if (read.code.value !== 0) throw new HeifDecodeError(`The HEIC file could not be read: ${clean(read.message)}`);
    handle = heif.heif_js_context_get_primary_image_handle(context);
    if (!handle || isError(handle)) {
      throw new HeifDecodeError(`The HEIC file has no usable primary image${isError(handle) ? `: ${clean(handle.message)}` : ''}`);
    }
    const width = heif.heif_image_handle_get_width(handle);
    const height = heif.heif_image_handle_get_height(handle);
    if (!(width > 0 && height > 0)) throw new HeifDecodeError(`The HEIC primary image declares an invalid size (${width}×${height})`);
    if (width * height > LIMITS.maxDecodePixels) {
      throw new HeifDecodeError(
        `The HEIC image declares ${width}×${height} pixels, more than the ${LIMITS.maxDecodePixels / 1e6} MP decoding limit`,
      );
    }
    const decoded = heif.heif_js_decode_image2(handle, heif.heif_colorspace.heif_colorspace_RGB, heif.heif_chroma.heif_chroma_interleaved_RGBA);
    if (!decoded || isError(decoded)) {
      if (isError(decoded) && isMissingCodec(decoded)) {
        throw new HeifDecodeError(`This HEIF file is coded with a codec the HEIC decoder does not include (it decodes HEVC only): ${clean(decoded.message)}`);
      }
      throw new HeifDecodeError(`The HEIC picture could not be decoded${isError(decoded) ? `: ${clean(decoded.message)}` : ''}`);
    }
    try {
      return copyRgba(heif, decoded);
    } finally {
      heif.heif_image_release(decoded.image);
    }
  } finally {
    if (handle && !isError(handle)) heif.heif_image_handle_release(handle);
    heif.heif_context_free(context);
  }
}

/** Copies the interleaved RGBA plane out of the wasm heap, dropping row padding. */
function copyRgba(heif: LibheifModule, decoded: DecodedImage): Pixels {
  const interleaved = heif.heif_channel.heif_channel_interleaved.value;
  const plane = decoded.channels.find((c) => c.id.value === interleaved);
  if (!plane) throw new HeifDecodeError('The HEIC decoder returned no RGBA plane');
  const { width, height, stride, data: src } = plane;
  const row = width * 4;
  if (stride < row || src.length < stride * (height - 1) + row) throw new HeifDecodeError('The HEIC decoder returned a malformed RGBA plane');
  const data = new Uint8ClampedArray(row * height);
  if (stride === row) data.set(src.subarray(0, row * height));
  else for (let y = 0; y < height; y++) data.set(src.subarray(y * stride, y * stride + row), y * row);
  return { width, height, data };
}
