import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editHistory, findEditors } from '../../../lib/detectors/metadata/edit-history';
import { nodeHost } from '../../../lib/engine/host-node';
import { createInput, type Metadata } from '../../../lib/engine/inputs';
import { sniffFormat } from '../../../lib/engine/format';
import { fakeInput, ids, ROOT } from '../helpers';

const run = (name: string) => {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'jpeg', name)));
  return editHistory.run(createInput(bytes, {}, sniffFormat(bytes), nodeHost));
};
const runMeta = (metadata: Metadata, xmpPacket?: string) => editHistory.run(fakeInput({ metadata, xmpPacket }));

describe('findEditors', () => {
  it('names editors by the text they write, Lightroom before Photoshop', () => {
    expect(findEditors('Adobe Photoshop Lightroom Classic 13.1 (Windows)', 's')[0].name).toBe('Adobe Lightroom');
    expect(findEditors('Adobe Photoshop 25.0 (Windows)', 's')[0].name).toBe('Adobe Photoshop');
    expect(findEditors('GIMP 2.10.34', 's')[0].name).toBe('GIMP');
    expect(findEditors('Snapseed 2.0', 's')[0].kind).toBe('editor');
    expect(findEditors('Remini', 's')[0].kind).toBe('ai-editor');
    expect(findEditors('FinePix Viewer Ver.1.1', 's')[0].kind).toBe('maker-software');
  });

  it.each([
    'Digital Camera FinePix1400Zoom Ver1.00',
    'HDR+ 1.0.177471000n',
    'J327T1UVS4ASH2',
    'Ver.1.0',
    'v7H1-74e',
    'BlackBerry 10.1.0.4633',
    '17.3',
    'Version 1.3',
    'Picture Style', // not an editor, even with a capital P
  ])('does not take camera firmware "%s" for an editor', (text) => {
    expect(findEditors(text, 'EXIF Software')).toEqual([]);
  });
});

describe('metadata.edit-history on files', () => {
  it('says nothing about an untouched camera file', async () => {
    expect(await run('camera-original.jpg')).toEqual([]);
  });

  it('names Photoshop from EXIF and XMP history, and the later save in another time zone', async () => {
    const findings = await run('edited-photoshop.jpg');
    expect(ids(findings)).toEqual([
      'metadata.edit-history.editor',
      'metadata.edit-history.modified-after-capture',
      'metadata.edit-history.timezone-mismatch',
    ]);
    const editor = findings[0];
    expect(editor.points).toBe('edited');
    expect(editor.data?.software).toEqual(['Adobe Photoshop']);
    expect(editor.data?.sources).toEqual(
      expect.arrayContaining(['EXIF Software: Adobe Photoshop 25.0 (Windows)', 'XMP edit history: Adobe Photoshop 25.0 (Windows)']),
    );
    // 2024-03-05 10:15:30 +01:00 → 2024-03-07 18:02:11 +02:00 is 2 days 6 h 46 min 41 s in UTC.
    expect(findings[1].data?.secondsLater).toBe(197201);
    expect(findings[2].data).toEqual({ offsetTimeOriginal: '+01:00', offsetTime: '+02:00' });
  });

  it('treats the Google Photos AI credit with a generative source type as decisive', async () => {
    const [f] = await run('google-ai-edit.jpg');
    expect(f.id).toBe('metadata.edit-history.ai-editor');
    expect(f.points).toBe('ai');
    expect(f.decisive).toBe(true);
    expect(f.data?.digitalSourceType).toMatch(/compositeWithTrainedAlgorithmicMedia/);
  });

  it('reports the Apple Clean Up credit, without deciding when no generative source type is declared', async () => {
    const [f] = await run('apple-clean-up.jpg');
    expect(f.id).toBe('metadata.edit-history.ai-editor');
    expect(f.decisive).toBe(false);
    expect(f.data?.software).toEqual(['Apple Photos Clean Up']);
  });

  it('reads the Samsung trailer: Gallery editor data and the generative edit record', async () => {
    const findings = await run('samsung-generative-edit.jpg');
    const ai = findings.find((f) => f.id === 'metadata.edit-history.ai-editor');
    expect(ai?.decisive).toBe(false);
    expect(ai?.data?.software).toEqual(['Samsung Gallery generative edit record (PEg_Info)', 'Samsung Galaxy AI edit (genAIType)']);
    expect(findings.find((f) => f.id === 'metadata.edit-history.editor')?.data?.software).toEqual([
      'Samsung Gallery photo editor re-edit data',
    ]);
  });
});

describe('metadata.edit-history rules', () => {
  const local = (y: number, mo: number, d: number, h = 12, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s);

  it('reads XMP history given as a single entry, and CreatorTool from the raw packet', async () => {
    const single = await runMeta({ xmpMM: { History: { action: 'saved', softwareAgent: 'Pixelmator Pro 3.5' } } });
    expect(single[0].data?.software).toEqual(['Pixelmator']);
    const packet = await runMeta({}, '<x:xmpmeta><rdf:Description xmp:CreatorTool="Canva"/></x:xmpmeta>');
    expect(packet[0].data?.sources).toEqual(['XMP CreatorTool: Canva']);
  });

  it('names Camera Raw / Lightroom develop settings', async () => {
    const [f] = await runMeta({ crs: { Version: '15.0' } });
    expect(f.data?.software).toEqual(['Adobe Camera Raw']);
  });

  it('keeps the maker’s desktop software apart from editors', async () => {
    const [f] = await runMeta({ ifd0: { Software: 'CAMEDIA Master 4.0' } });
    expect(f.id).toBe('metadata.edit-history.maker-software');
    expect(f.points).toBe('neutral');
  });

  it('flags a capture date in the future', async () => {
    const [f] = await runMeta({ exif: { DateTimeOriginal: local(new Date().getFullYear() + 2, 1, 1) } });
    expect(f.id).toBe('metadata.edit-history.implausible-date');
    expect(f.points).toBe('edited');
  });

  it('flags a capture date before 1995 as an unset clock, and ignores zero dates', async () => {
    const [f] = await runMeta({ exif: { DateTimeOriginal: local(1980, 1, 1) } });
    expect(f.id).toBe('metadata.edit-history.implausible-date');
    expect(f.points).toBe('neutral');
    expect(f.data?.dateTimeOriginal).toBe('1980-01-01 12:00');
    // exifr reads "0000:00:00 00:00:00" as 30 Nov 1899.
    expect(await runMeta({ exif: { DateTimeOriginal: new Date(0, -1, 0) }, ifd0: { ModifyDate: local(2020, 5, 1) } })).toEqual([]);
  });

  it('allows a camera a minute between capture and file time', async () => {
    expect(await runMeta({ exif: { DateTimeOriginal: local(2023, 6, 1, 10, 0, 0) }, ifd0: { ModifyDate: local(2023, 6, 1, 10, 0, 45) } })).toEqual([]);
    const [f] = await runMeta({ exif: { DateTimeOriginal: local(2023, 6, 1, 10, 0, 0) }, ifd0: { ModifyDate: local(2023, 6, 1, 10, 5, 0) } });
    expect(f.id).toBe('metadata.edit-history.modified-after-capture');
    expect(f.data).toMatchObject({ dateTimeOriginal: '2023-06-01 10:00', modifyDate: '2023-06-01 10:05', secondsLater: 300 });
  });

  it('compares in UTC when both time zones are known', async () => {
    // 10:00 at +02:00 and 09:30 at +01:00 are 08:00Z and 08:30Z: saved 30 minutes later.
    const [f] = await runMeta({
      exif: { DateTimeOriginal: local(2023, 6, 1, 10, 0), OffsetTimeOriginal: '+02:00', OffsetTime: '+01:00' },
      ifd0: { ModifyDate: local(2023, 6, 1, 9, 30) },
    });
    expect(f.id).toBe('metadata.edit-history.modified-after-capture');
    expect(f.data?.secondsLater).toBe(1800);
  });
});
