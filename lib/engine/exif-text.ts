/**
 * EXIF text fields that are not plain strings. UserComment starts with an 8-byte charset
 * code ("ASCII\0\0\0", "UNICODE\0", "JIS\0\0\0\0\0", or zeros); UNICODE is UTF-16 in the
 * file's byte order, which writers get wrong often enough that both orders are tried.
 */
export function decodeUserComment(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\0+$/, '') || undefined;
  if (!(value instanceof Uint8Array) || value.length < 8) return undefined;
  const code = String.fromCharCode(...value.subarray(0, 8)).replace(/\0+$/, '');
  const body = value.subarray(8);
  let text: string;
  if (code === 'UNICODE') {
    const be = new TextDecoder('utf-16be').decode(body);
    const le = new TextDecoder('utf-16le').decode(body);
    const printable = (s: string) => (s.match(/[\x20-\x7e]/g) ?? []).length;
    text = printable(be) >= printable(le) ? be : le;
  } else {
    text = new TextDecoder('utf-8').decode(body);
  }
  text = text.replace(/\0+$/, '').trim();
  return text || undefined;
}
