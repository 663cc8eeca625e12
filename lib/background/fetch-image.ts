/**
 * Fetches a claim image's bytes with the helpdesk's cookies (credentials: 'include'),
 * which only the background can do under the host permission (content scripts hit CORS).
 */
import { LIMITS } from '../engine/limits';
import { bytesToBase64 } from '../messaging';

export async function fetchImageBase64(src: string): Promise<string> {
  const url = new URL(src);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Cannot fetch ${url.protocol} URLs`);
  const res = await fetch(url, { credentials: 'include', redirect: 'follow', cache: 'force-cache' });
  if (!res.ok) throw new Error(`The helpdesk answered ${res.status} ${res.statusText} for this image`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > LIMITS.maxFileBytes) throw new Error(`Image is ${(declared / 1048576).toFixed(1)} MiB, over the size limit`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > LIMITS.maxFileBytes) throw new Error('Image is over the size limit');
  return bytesToBase64(bytes);
}
