/** A readable name for a claim image from its URL (attachment name parameter, file name, or host). */
export function imageName(src: string): string {
  try {
    const u = new URL(src);
    return decodeURIComponent(u.searchParams.get('name') ?? u.pathname.split('/').filter(Boolean).pop() ?? u.host);
  } catch {
    return src.slice(0, 60);
  }
}
