/** Expands the CLI's PATH arguments: files as given, folders recursively over image files. */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.jpe', '.png', '.webp', '.gif', '.avif', '.heic', '.heif', '.bmp', '.tif', '.tiff']);

export async function* expandPaths(paths: string[]): AsyncGenerator<{ file: string; error?: string }> {
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (err) {
      yield { file: p, error: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or folder' : String(err) };
      continue;
    }
    if (s.isDirectory()) yield* walk(p);
    else yield { file: p };
  }
}

async function* walk(dir: string): AsyncGenerator<{ file: string; error?: string }> {
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (err) {
    yield { file: dir, error: String(err) };
    return;
  }
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile() && IMAGE_EXTENSIONS.has(extname(e.name).toLowerCase())) yield { file: full };
  }
}
