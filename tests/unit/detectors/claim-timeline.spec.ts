/** claim.timeline: capture time (EXIF DateTimeOriginal 2025-11-20 10:15) against the claim's dates. */
import { describe, expect, it } from 'vitest';
import { claimTimeline } from '../../../lib/detectors/claim/timeline';
import { analyze } from '../../../lib/engine/analyze';
import { nodeHost } from '../../../lib/engine/host-node';
import { fixture, ids, runDetector } from '../helpers';

const CAMERA = 'camera-exif.jpg';

describe('claim.timeline', () => {
  it('says nothing without dates in the context or without a capture time', async () => {
    expect(await runDetector(claimTimeline, CAMERA)).toEqual([]);
    expect(await runDetector(claimTimeline, 'plain.jpg', { deliveryDate: '2025-11-18' })).toEqual([]);
  });

  it('accepts a photo taken after delivery and before the claim', async () => {
    const f = await runDetector(claimTimeline, CAMERA, { orderDate: '2025-11-10', deliveryDate: '2025-11-19', claimDate: '2025-11-21' });
    expect(ids(f)).toEqual(['claim.timeline.consistent']);
    expect(f[0].points).toBe('authentic');
  });

  it('allows a day of slack for time zones', async () => {
    const f = await runDetector(claimTimeline, CAMERA, { deliveryDate: '2025-11-21', claimDate: '2025-11-19' });
    expect(ids(f)).toEqual(['claim.timeline.consistent']);
  });

  it('flags a photo taken before the order, before delivery, or dated after the claim', async () => {
    expect(ids(await runDetector(claimTimeline, CAMERA, { orderDate: '2025-12-01', deliveryDate: '2025-12-05' }))).toEqual([
      'claim.timeline.captured-before-order',
    ]);
    const before = await runDetector(claimTimeline, CAMERA, { orderDate: '2025-11-01', deliveryDate: '2025-11-25' });
    expect(ids(before)).toEqual(['claim.timeline.captured-before-delivery']);
    expect(before[0].title).toContain('2025-11-20');
    expect(ids(await runDetector(claimTimeline, CAMERA, { claimDate: '2025-11-10' }))).toEqual(['claim.timeline.captured-after-claim']);
  });

  it('enters the verdict with its declared weight', async () => {
    const report = await analyze(fixture(CAMERA), { orderDate: '2025-12-01' }, nodeHost);
    const item = report.evidence.find((e) => e.id === 'claim.timeline.captured-before-order');
    expect(item?.weight).toBe(1.5);
    expect(item?.family).toBe('claim');
  });
});
