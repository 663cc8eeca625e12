// Links the package's own `claimlens` bin into node_modules/.bin so that `npx claimlens`
// runs this checkout's CLI right after `npm ci` (npm links only dependencies' bins).
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'cli', 'claimlens.mjs');
const link = join(root, 'node_modules', '.bin', 'claimlens');
mkdirSync(dirname(link), { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(dirname(link), target), link);
chmodSync(target, 0o755);
