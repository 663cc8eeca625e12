/**
 * The committed test images and sample claims stay documented and small: every file is
 * described in its README, fixtures stay under 150 KB, samples under 3 MB in all, and each
 * sample copied from another repository still matches the SHA-256 its README records.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SAMPLES } from './helpers';

const files = (dir: string) => readdirSync(dir).filter((f) => f !== 'README.md' && statSync(join(dir, f)).isFile());

describe('tests/fixtures/images', () => {
  const readme = readFileSync(join(FIXTURES, '..', 'README.md'), 'utf8');

  it.each(files(FIXTURES))('%s is documented and under 150 KB', (file) => {
    expect(readme).toContain(`\`${file}\``);
    expect(statSync(join(FIXTURES, file)).size).toBeLessThan(150 * 1024);
  });
});

describe('samples', () => {
  const readme = readFileSync(join(SAMPLES, 'README.md'), 'utf8');

  it('stay under 3 MB in all', () => {
    const total = files(SAMPLES).reduce((sum, f) => sum + statSync(join(SAMPLES, f)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it.each(files(SAMPLES))('%s is documented, and matches its recorded SHA-256', (file) => {
    const section = readme.split(/^## /m).find((s) => s.startsWith(`${file}\n`));
    expect(section, `samples/README.md has no "## ${file}" section`).toBeDefined();
    const recorded = section?.match(/SHA-256: `([0-9a-f]{64})`/)?.[1];
    if (recorded) expect(createHash('sha256').update(readFileSync(join(SAMPLES, file))).digest('hex')).toBe(recorded);
    else expect(section).toContain('scripts/make-fixtures.mjs');
  });
});
