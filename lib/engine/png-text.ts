/**
 * Reads the textual chunks of a PNG (tEXt, zTXt, iTXt) and the raw eXIf chunk position.
 * Bounded: at most MAX_TEXT_CHUNKS chunks and MAX_INFLATED bytes per compressed chunk,
 * so a hostile file cannot make the engine allocate without limit.
 */

export interface PngTextChunk {
  keyword: string;
  text: string;
  chunk: 'tEXt' | 'zTXt' | 'iTXt';
  truncated?: boolean;
}

const MAX_TEXT_CHUNKS = 64;
const MAX_INFLATED = 4 * 1024 * 1024;
/** Most text inflated from one file, all chunks together. */
const MAX_INFLATED_TOTAL = 16 * 1024 * 1024;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

async function inflateBounded(data: Uint8Array): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      total += value.length;
      if (total > MAX_INFLATED) {
        truncated = true;
        await reader.cancel();
        break;
      }
    }
  } catch {
    truncated = true;
  }
  const out = new Uint8Array(Math.min(total, MAX_INFLATED));
  let o = 0;
  for (const p of parts) {
    const n = Math.min(p.length, out.length - o);
    out.set(p.subarray(0, n), o);
    o += n;
    if (o >= out.length) break;
  }
  return { bytes: out, truncated };
}

export async function readPngText(bytes: Uint8Array): Promise<PngTextChunk[]> {
  const out: PngTextChunk[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 8;
  let inflatedTotal = 0;
  while (o + 12 <= bytes.length && out.length < MAX_TEXT_CHUNKS && inflatedTotal < MAX_INFLATED_TOTAL) {
    const len = view.getUint32(o);
    const type = latin1.decode(bytes.subarray(o + 4, o + 8));
    const start = o + 8;
    const end = start + len;
    if (end > bytes.length) break;
    const data = bytes.subarray(start, end);
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const chunk = await decodeTextChunk(type, data);
      if (chunk) {
        out.push(chunk);
        if (type !== 'tEXt') inflatedTotal += chunk.text.length;
      }
    }
    if (type === 'IEND') break;
    o = end + 4;
  }
  return out;
}

async function decodeTextChunk(type: 'tEXt' | 'zTXt' | 'iTXt', data: Uint8Array): Promise<PngTextChunk | null> {
  const nul = data.indexOf(0);
  if (nul <= 0) return null;
  const keyword = latin1.decode(data.subarray(0, nul));
  if (type === 'tEXt') return { keyword, text: latin1.decode(data.subarray(nul + 1)), chunk: type };
  if (type === 'zTXt') {
    const { bytes, truncated } = await inflateBounded(data.subarray(nul + 2));
    return { keyword, text: latin1.decode(bytes), chunk: type, truncated };
  }
  // iTXt: keyword\0 compressionFlag compressionMethod languageTag\0 translatedKeyword\0 text
  const compressed = data[nul + 1] === 1;
  let p = nul + 3;
  const langEnd = data.indexOf(0, p);
  if (langEnd < 0) return null;
  const transEnd = data.indexOf(0, langEnd + 1);
  if (transEnd < 0) return null;
  p = transEnd + 1;
  const body = data.subarray(p);
  if (!compressed) return { keyword, text: utf8.decode(body), chunk: type };
  const { bytes, truncated } = await inflateBounded(body);
  return { keyword, text: utf8.decode(bytes), chunk: type, truncated };
}
