/**
 * metadata.camera: camera details present (make, model, capture time, lens, GPS), named
 * without a capture time, absent, and screenshots recognised by screen size (PNG) or by
 * label; metadata holding HTML is carried verbatim as data.
 */
import { describe, expect, it } from 'vitest';
import { cameraMetadata } from '../../../lib/detectors/metadata/camera';
import { fakeInput, ids, runDetector } from '../helpers';

describe('metadata.camera', () => {
  it('camera details present: authentic, with make, model, lens, software and GPS', async () => {
    const findings = await runDetector(cameraMetadata, 'camera-exif.jpg');
    expect(ids(findings)).toEqual(['metadata.camera.present']);
    const [f] = findings;
    expect(f.points).toBe('authentic');
    expect(f.decisive).toBeFalsy();
    expect(f.title).toContain('Apple iPhone 13');
    expect(f.data).toMatchObject({
      make: 'Apple',
      model: 'iPhone 13',
      lens: 'iPhone 13 back dual wide camera 5.1mm f/1.6',
      software: '17.1.2',
      gps: 'present',
    });
    expect(typeof f.data?.captured).toBe('string');
    expect(f.detail).toContain(String(f.data?.captured));
  });

  it('camera named without a capture time: neutral, model not repeating the make', async () => {
    const findings = await runDetector(cameraMetadata, 'camera-no-capture-time.jpg');
    expect(ids(findings)).toEqual(['metadata.camera.no-capture-time']);
    expect(findings[0].points).toBe('neutral');
    expect(findings[0].title).toBe('Camera named (Canon EOS 80D) but no capture time');
    expect(findings[0].data).toMatchObject({ make: 'Canon', model: 'Canon EOS 80D', gps: 'absent' });
  });

  it.each(['plain.jpg', 'png-plain.png', 'a1111-parameters.png', 'iptc-digital-capture.jpg'])('no camera details in %s: neutral absence', async (file) => {
    const findings = await runDetector(cameraMetadata, file);
    expect(ids(findings)).toEqual(['metadata.camera.absent']);
    expect(findings[0].points).toBe('neutral');
    expect(findings[0].detail).toMatch(/messaging apps/);
  });

  it('records only the format for a PNG without EXIF (its text chunks are not camera data)', async () => {
    const [f] = await runDetector(cameraMetadata, 'png-plain.png');
    expect(f.data).toEqual({ format: 'png' });
  });

  it('a PNG the size of a phone screen without camera details is a screenshot', async () => {
    const findings = await runDetector(cameraMetadata, 'screenshot-1170x2532.png');
    expect(ids(findings)).toEqual(['metadata.camera.screenshot', 'metadata.camera.absent']);
    expect(findings[0].points).toBe('neutral');
    expect(findings[0].detail).toContain('1170×2532');
    expect(findings[0].data).toMatchObject({ width: 1170, height: 2532 });
  });

  it('a file labelled "Screenshot" is a screenshot whatever its size', async () => {
    const findings = await runDetector(cameraMetadata, 'screenshot-label.jpg');
    expect(ids(findings)).toEqual(['metadata.camera.screenshot', 'metadata.camera.absent']);
    expect(findings[0].detail).toMatch(/labelled as a screenshot/);
  });

  it('a JPEG of screen size is not called a screenshot on size alone (phones save photos at such sizes)', async () => {
    const input = fakeInput({ info: { format: 'jpeg', width: 1080, height: 1920 } });
    expect(ids(await cameraMetadata.run(input))).toEqual(['metadata.camera.absent']);
  });

  it('a screen-sized PNG that names a camera is not a screenshot', async () => {
    const input = fakeInput({
      info: { format: 'png', width: 1920, height: 1080 },
      metadata: { ifd0: { Make: 'SONY', Model: 'ILCE-7M3' }, exif: { DateTimeOriginal: '2025:01:02 03:04:05' } },
    });
    expect(ids(await cameraMetadata.run(input))).toEqual(['metadata.camera.present']);
  });

  it('recognises the screenshot label in XMP UserComment (iOS)', async () => {
    const input = fakeInput({ info: { format: 'png', width: 100, height: 100 }, metadata: { xmp: { UserComment: 'Screenshot' } } });
    expect(ids(await cameraMetadata.run(input))).toEqual(['metadata.camera.screenshot', 'metadata.camera.absent']);
  });

  it('carries HTML in camera fields verbatim as text', async () => {
    const [f] = await runDetector(cameraMetadata, 'html-metadata.jpg');
    expect(f.id).toBe('metadata.camera.present');
    expect(f.data).toMatchObject({ make: '<b>Evil</b>', model: '<script>alert(1)</script>' });
    expect(f.title).toContain('<b>Evil</b> <script>alert(1)</script>');
  });

  it('clips an absurdly long camera name in the title', async () => {
    const input = fakeInput({ metadata: { ifd0: { Make: 'M'.repeat(500), Model: 'X' } } });
    const [f] = await cameraMetadata.run(input);
    expect(f.title.length).toBeLessThan(160);
  });
});
