/**
 * The `claimlens` command: `scan --json` prints one JSON line per image file with the stable
 * keys, `{file, error}` for a file that cannot be analysed, and exits 0; usage errors exit 2;
 * the table output; and the real bin (`node cli/claimlens.mjs`) run as a child process.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { fixturePath, ROOT } from './helpers';

const run = promisify(execFile);

const EVIDENCE_KEYS = ['id', 'family', 'points', 'weight', 'decisive', 'title', 'detail'];

let dir: string;

function collect(): { out: (s: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { out: (s) => lines.push(...s.split('\n')), lines };
}

function expectReportLine(line: Record<string, unknown>): void {
  expect(line).toEqual(
    expect.objectContaining({
      file: expect.any(String),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      format: expect.any(String),
      width: expect.any(Number),
      height: expect.any(Number),
      risk: { score: expect.any(Number), level: expect.stringMatching(/^(low|review|high)$/), recommendation: expect.any(String) },
      evidence: expect.any(Array),
      timings: expect.any(Object),
    }),
  );
  for (const e of line.evidence as Record<string, unknown>[]) {
    for (const key of EVIDENCE_KEYS) expect(e, `evidence ${String(e.id)} lacks ${key}`).toHaveProperty(key);
    expect(typeof e.decisive).toBe('boolean');
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimlens-cli-'));
  copyFileSync(fixturePath('a1111-parameters.png'), join(dir, 'a-generated.png'));
  copyFileSync(fixturePath('camera-exif.jpg'), join(dir, 'b-camera.jpg'));
  copyFileSync(fixturePath('truncated-header.jpg'), join(dir, 'c-corrupt.jpg'));
  mkdirSync(join(dir, 'nested'));
  copyFileSync(fixturePath('iptc-trained-algorithmic.jpg'), join(dir, 'nested', 'd-labelled.JPG'));
  writeFileSync(join(dir, 'notes.txt'), 'not an image');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('claimlens scan --json', () => {
  it('prints one JSON line per image file, an error line for the corrupt one, and exits 0', async () => {
    const { out, lines } = collect();
    const code = await main(['scan', '--json', dir], out);
    expect(code).toBe(0);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((p) => p.file)).toEqual([
      join(dir, 'a-generated.png'),
      join(dir, 'b-camera.jpg'),
      join(dir, 'c-corrupt.jpg'),
      join(dir, 'nested', 'd-labelled.JPG'),
    ]);

    const [generated, camera, corrupt, labelled] = parsed;
    for (const line of [generated, camera, labelled]) expectReportLine(line);
    expect(generated).toMatchObject({ format: 'png', width: 60, height: 40, risk: { level: 'high' } });
    expect((generated.evidence as { id: string; decisive: boolean }[]).find((e) => e.id === 'provenance.generator.a1111')?.decisive).toBe(true);
    expect(camera).toMatchObject({ format: 'jpeg', width: 64, height: 48, risk: { level: 'low' } });
    expect(labelled).toMatchObject({ risk: { level: 'high' } });
    expect(corrupt).toEqual({ file: join(dir, 'c-corrupt.jpg'), error: expect.stringMatching(/truncated or damaged/) });
  });

  it('reports a missing path as an error line and goes on', async () => {
    const { out, lines } = collect();
    const code = await main(['scan', '--json', join(dir, 'missing.jpg'), join(dir, 'b-camera.jpg')], out);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toEqual({ file: join(dir, 'missing.jpg'), error: 'No such file or folder' });
    expectReportLine(JSON.parse(lines[1]));
  });

  it('accepts claim dates', async () => {
    const { out, lines } = collect();
    const code = await main(['scan', '--json', '--order-date', '2025-11-01', '--delivery-date', '2025-11-05', join(dir, 'b-camera.jpg')], out);
    expect(code).toBe(0);
    expectReportLine(JSON.parse(lines[0]));
  });
});

describe('claimlens scan (table)', () => {
  it('prints one row per file and a summary', async () => {
    const { out, lines } = collect();
    expect(await main(['scan', dir], out)).toBe(0);
    const text = lines.join('\n');
    expect(text).toMatch(/^FILE\s+LEVEL\s+SCORE/);
    expect(text).toMatch(/a-generated\.png\s+HIGH/);
    expect(text).toMatch(/c-corrupt\.jpg\s+ERROR/);
    expect(text).toContain('4 image(s):');
    expect(text).toContain('1 could not be analysed');
  });
});

describe('usage errors', () => {
  it('scan without a path exits 2 and prints the usage', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { out, lines } = collect();
    expect(await main(['scan'], out)).toBe(2);
    expect(lines).toEqual([]);
    expect(String(err.mock.calls[0][0])).toMatch(/scan needs at least one file or folder[\s\S]*Usage:/);
  });

  it.each(['25/11/2025', '2025-13-45', 'yesterday'])('a bad --order-date (%s) exits 2', async (value) => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['scan', '--order-date', value, dir], () => {})).toBe(2);
    expect(String(err.mock.calls[0][0])).toContain('--order-date must be a date like');
  });

  it('an unknown option, an unknown command and no command exit 2', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['scan', '--frobnicate', dir], () => {})).toBe(2);
    expect(await main(['explode'], () => {})).toBe(2);
    expect(await main([], () => {})).toBe(2);
  });

  it('--help prints the usage and exits 0', async () => {
    const { out, lines } = collect();
    expect(await main(['--help'], out)).toBe(0);
    expect(lines.join('\n')).toContain('claimlens scan [--json]');
  });
});

describe('the claimlens bin', () => {
  it('node cli/claimlens.mjs scan --json <fixture> prints a parsable report', async () => {
    const file = fixturePath('comfyui-prompt-workflow.png');
    const { stdout } = await run(process.execPath, ['cli/claimlens.mjs', 'scan', '--json', file], { cwd: ROOT, timeout: 30_000 });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]);
    expectReportLine(report);
    expect(report).toMatchObject({ file, format: 'png', risk: { level: 'high' } });
    expect(report.evidence.map((e: { id: string }) => e.id)).toContain('provenance.generator.comfyui');
  });

  it('exits 2 on a usage error', async () => {
    await expect(run(process.execPath, ['cli/claimlens.mjs', 'scan'], { cwd: ROOT, timeout: 30_000 })).rejects.toMatchObject({ code: 2 });
  });
});
