/**
 * Writes tests/fixtures/watermark/sdxl-watermarked.png: a generated photo-like 512×512 picture
 * carrying the SDXL invisible watermark, embedded with the test encoder. Deterministic.
 * Run: npx tsx scripts/make-watermark-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { PAYLOADS } from '../lib/detectors/provenance/watermark';
import { embedWatermark, naturalTestImage } from '../tests/tools/watermark-encoder';

const sdxl = PAYLOADS.find((p) => p.key === 'sdxl')!;
const marked = embedWatermark(naturalTestImage(512, 512, 2024), sdxl.bits);
const png = new PNG({ width: marked.width, height: marked.height });
png.data = Buffer.from(marked.data.buffer, marked.data.byteOffset, marked.data.length);
writeFileSync(join(import.meta.dirname, '..', 'tests', 'fixtures', 'watermark', 'sdxl-watermarked.png'), PNG.sync.write(png));
