/** A value computed on first request and shared by every later caller (including its failure). */
export function lazy<T>(compute: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= compute());
}
