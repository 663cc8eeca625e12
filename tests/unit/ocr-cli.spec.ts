/**
 * `claimlens scan --serial VALUE` and `--ocr`: the expected serial reaches the serial check
 * (match and mismatch on the generated label photo), `--ocr` lists what was read, no flag
 * means no OCR, and a value with too few letters or digits is a usage error.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main, USAGE } from '../../cli/main';
import { ROOT } from './helpers';

const SERIAL = 'CLA-4821-7730-QZ';
const CLEAN = join(ROOT, 'tests', 'fixtures', 'serial', 'serial-clean.jpg');

async function serialIds(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  expect(await main(['scan', '--json', ...args, CLEAN], (s) => lines.push(s))).toBe(0);
  expect(lines).toHaveLength(1);
  const report = JSON.parse(lines[0]) as { evidence: { id: string; data?: Record<string, unknown> }[] };
  expect(report.evidence.filter((e) => e.id === 'engine.error')).toEqual([]);
  return report.evidence.filter((e) => e.id.startsWith('claim.serial')).map((e) => `${e.id} ${JSON.stringify(e.data?.read ?? e.data?.serialLike)}`);
}

describe('claimlens scan --serial / --ocr', () => {
  it('compares the photo with the expected serial', async () => {
    expect(await serialIds(['--serial', SERIAL])).toEqual([`claim.serial.match "${SERIAL}"`]);
    expect(await serialIds(['--serial', 'CLA-5917-2046-RT'])).toEqual([`claim.serial.mismatch ["${SERIAL}"]`]);
  }, 120_000);

  it('reads without an expected serial only when asked', async () => {
    expect(await serialIds([])).toEqual([]);
    // The labelled serial comes first; the model number (PD-4500) is serial-like too.
    const [read] = await serialIds(['--ocr']);
    expect(read).toMatch(new RegExp(`^claim\\.serial\\.read \\["${SERIAL}"`));
  }, 120_000);

  it('refuses a serial without enough letters or digits, and documents both flags', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await main(['scan', '--serial', '--/-', CLEAN], () => {})).toBe(2);
      expect(await main(['scan', '--serial', 'X'.repeat(65), CLEAN], () => {})).toBe(2);
    } finally {
      err.mockRestore();
    }
    expect(USAGE).toContain('--serial VALUE');
    expect(USAGE).toContain('--ocr');
  });
});
