/** provenance.generator: Midjourney job ids, generator names in Software/CreatorTool fields, Google's AI credit. */
import { describe, expect, it } from 'vitest';
import { generatorMetadata } from '../../../lib/detectors/provenance/generator';
import { fakeInput, ids } from '../helpers';

describe('provenance.generator (named tools)', () => {
  it('recognises a Midjourney PNG by the job id in its Description', async () => {
    const f = await generatorMetadata.run(
      fakeInput({
        pngText: [
          { keyword: 'Description', text: 'a cracked ceramic vase on a table --ar 3:2 Job ID: 6f1c2b9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', chunk: 'tEXt' },
          { keyword: 'Author', text: 'someuser', chunk: 'tEXt' },
        ],
      }),
    );
    expect(ids(f)).toEqual(['provenance.generator.midjourney']);
    expect(f[0].decisive).toBe(true);
    expect(f[0].data?.prompt).toBe('a cracked ceramic vase on a table --ar 3:2');
  });

  it('names a generator found in EXIF Software or XMP CreatorTool', async () => {
    const f = await generatorMetadata.run(fakeInput({ info: { format: 'jpeg' }, metadata: { ifd0: { Software: 'Adobe Firefly' }, xmp: { CreatorTool: 'Adobe Firefly' } } }));
    expect(ids(f)).toEqual(['provenance.generator.named.adobe-firefly']);
    expect(f[0].title).toContain('Adobe Firefly');
  });

  it('reads the "Made with Google AI" credit line', async () => {
    const f = await generatorMetadata.run(fakeInput({ info: { format: 'jpeg' }, metadata: { photoshop: { Credit: 'Made with Google AI' } } }));
    expect(ids(f)).toEqual(['provenance.generator.named.google-imagen-gemini']);
  });

  it('does not name a generator for ordinary camera and editor software', async () => {
    for (const Software of ['Adobe Photoshop 25.0 (Windows)', 'GIMP 2.10.34', 'HDR+ 1.0.540104767zd', 'iOS 17.1', 'Snapseed 2.0']) {
      expect(await generatorMetadata.run(fakeInput({ info: { format: 'jpeg' }, metadata: { ifd0: { Software } } }))).toEqual([]);
    }
  });

  it('does not repeat a tool already found through its own settings', async () => {
    const f = await generatorMetadata.run(
      fakeInput({
        pngText: [
          { keyword: 'Software', text: 'NovelAI', chunk: 'tEXt' },
          { keyword: 'Comment', text: '{"prompt":"a dented kettle"}', chunk: 'tEXt' },
        ],
      }),
    );
    expect(ids(f)).toEqual(['provenance.generator.novelai']);
  });
});
