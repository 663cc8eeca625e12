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

/**
 * EXIF dates are wall-clock times without a time zone, which exifr revives as *local* Dates.
 * This reads them back as the wall clock the camera recorded ("2025-11-20T10:15:00"), and
 * `ms` as that wall clock taken as UTC, so comparisons never depend on the machine's time zone.
 */
export function exifWallClock(v: unknown): { text: string; ms: number } | undefined {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    const ms = Date.UTC(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), v.getMinutes(), v.getSeconds());
    return { text: new Date(ms).toISOString().slice(0, 19), ms };
  }
  if (typeof v !== 'string') return undefined;
  const m = v.trim().match(/^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(ms) ? undefined : { text: new Date(ms).toISOString().slice(0, 19), ms };
}
