/** Team settings: validation of untrusted input, managed policy over the agent's choices, checksummed files, known-bad lists. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, effectiveSettings, exportFile, importFile, validateSettings } from '../../lib/settings/schema';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import { ROOT } from './helpers';

describe('settings', () => {
  it('keeps valid values and explains every rejected one', () => {
    const { values, errors } = validateSettings({
      verdict: { reviewAt: 50, highAt: 'high', recommendations: { high: 'Call the fraud desk.' } },
      retentionDays: -3,
      customSites: ['http://insecure.example.com'],
      knownBadHashes: [{ sha256: 'abc' }],
      unknownKey: true,
    });
    expect(values).toEqual({ 'verdict.reviewAt': 50, 'verdict.recommendations.high': 'Call the fraud desk.' });
    expect(errors).toEqual([
      'verdict.highAt: expected a whole number from 1 to 100',
      'retentionDays: expected a whole number from 1 to 3650',
      'customSites: expected a list of https origins such as https://support.example.com',
      'knownBadHashes: expected hashes of 64 lowercase hex digits',
    ]);
    expect(validateSettings({ verdict: { reviewAt: 90, highAt: 80 } }).errors).toContain('verdict.highAt must be above verdict.reviewAt');
  });

  it('lets a managed policy override the agent’s choice and locks it', () => {
    const { settings, locked } = effectiveSettings(
      { retentionDays: 30, verdict: { recommendations: { review: 'Ask for a video.' } } },
      { retentionDays: 365, modelEnabled: false, sites: { gmail: false } },
    );
    expect(settings.retentionDays).toBe(365);
    expect(settings.modelEnabled).toBe(false);
    expect(settings.sites).toEqual({ gmail: false });
    expect(settings.verdict.recommendations.review).toBe('Ask for a video.');
    expect(settings.verdict.recommendations.high).toBe(DEFAULT_SETTINGS.verdict.recommendations.high);
    expect(locked.sort()).toEqual(['modelEnabled', 'retentionDays', 'sites']);
  });

  it('ignores invalid managed values instead of breaking', () => {
    const { settings, locked } = effectiveSettings({}, { retentionDays: 'forever', verdict: { highAt: 5 } });
    expect(settings.retentionDays).toBe(180);
    expect(settings.verdict.highAt).toBe(DEFAULT_SETTINGS.verdict.highAt);
    expect(locked).toEqual([]);
  });

  it('exports files with a checksum that import verifies', async () => {
    const content = { verdict: { reviewAt: 55, highAt: 80 } };
    const text = await exportFile('claimlens-settings', content);
    expect(await importFile('claimlens-settings', text)).toEqual({ content });
    const tampered = text.replace('"reviewAt": 55', '"reviewAt": 5');
    expect(await importFile('claimlens-settings', tampered)).toEqual({
      error: 'The checksum does not match: the file was changed or damaged after export. Nothing was imported.',
    });
    expect(await importFile('claimlens-hash-list', text)).toEqual({ error: 'This is not a ClaimLens hash list file.' });
    expect(await importFile('claimlens-settings', '{oops')).toEqual({ error: 'The file is not valid JSON.' });
  });
});

describe('reuse.known-bad', () => {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'samples', 'camera-canon-powershot-g2.jpg')));

  it('flags a listed photo by sha256 and a near-duplicate by PDQ, decisively', async () => {
    const plain = await analyze(bytes, {}, nodeHost, { knownBad: [] });
    expect(plain.evidence.map((e) => e.id)).not.toContain('reuse.known-bad.listed');
    const bySha = await analyze(bytes, {}, nodeHost, { knownBad: [{ sha256: plain.sha256, note: 'Ring 7 photo' }] });
    const item = bySha.evidence.find((e) => e.id === 'reuse.known-bad.listed');
    expect(item?.decisive).toBe(true);
    expect(item?.detail).toContain('Ring 7 photo');
    expect(bySha.risk.level).toBe('high');
    const flipped = plain.pdq!.slice(0, 63) + (parseInt(plain.pdq!.slice(63), 16) ^ 1).toString(16);
    const byPdq = await analyze(bytes, {}, nodeHost, { knownBad: [{ pdq: flipped }] });
    expect(byPdq.evidence.find((e) => e.id === 'reuse.known-bad.listed')?.data?.match).toBe('near-duplicate (PDQ distance 1)');
  });
});
