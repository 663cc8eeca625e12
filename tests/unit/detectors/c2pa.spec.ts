/**
 * provenance.c2pa: Content Credentials read by the Node host's c2pa-wasm reader — AI
 * generation and AI editing (decisive, naming the generator), edits, a picture changed after
 * signing, a broken signature, a camera capture, the honest "signer not verified" note — plus
 * the byte scan that keeps ordinary photos away from the wasm, the interpretation of summaries
 * no fixture carries, and (when ../shared is present) every C2PA and real-camera file of the corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import jpeg from 'jpeg-js';
import { describe, expect, it, vi } from 'vitest';
import { c2paProvenance, interpretC2pa, sourceTerm } from '../../../lib/detectors/provenance/c2pa';
import { mayContainC2pa, summarizeManifestStore, type C2paManifest, type C2paSummary } from '../../../lib/engine/c2pa-summary';
import { nodeC2paReader } from '../../../lib/engine/c2pa-node';
import type { Finding } from '../../../lib/engine/detector';
import type { EngineHost } from '../../../lib/engine/host';
import { nodeHost } from '../../../lib/engine/host-node';
import { createInput } from '../../../lib/engine/inputs';
import { sniffFormat } from '../../../lib/engine/format';
import { ids, ROOT } from '../helpers';

const C2PA_FIXTURES = join(ROOT, 'tests', 'fixtures', 'c2pa');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const P = 'provenance.c2pa.';

const load = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

function run(bytes: Uint8Array, host: EngineHost = nodeHost): Promise<Finding[]> {
  return c2paProvenance.run(createInput(bytes, {}, sniffFormat(bytes), host));
}

const runFixture = (name: string): Promise<Finding[]> => run(load(join(C2PA_FIXTURES, name)));
const short = (findings: Finding[]): string[] => ids(findings).map((id) => id.slice(P.length)).sort();
const byId = (findings: Finding[], id: string): Finding | undefined => findings.find((f) => f.id === P + id);

function smallJpeg(): Uint8Array {
  const data = Buffer.alloc(16 * 16 * 4, 200);
  return new Uint8Array(jpeg.encode({ data, width: 16, height: 16 }, 90).data);
}

/** A JPEG with a COM segment saying `text` right after SOI. */
function jpegWithComment(text: string): Uint8Array {
  const base = smallJpeg();
  const body = new TextEncoder().encode(text);
  const segment = new Uint8Array([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
  return new Uint8Array([...base.subarray(0, 2), ...segment, ...base.subarray(2)]);
}

describe('provenance.c2pa on the fixtures (Node host)', () => {
  it.each([
    ['msv_bing_creator_cloud_surfing_puppy.jpg', ['ai-generated', 'untrusted']],
    ['msv_DALL-E_cloud_surfing_puppy.webp', ['ai-generated', 'untrusted']],
    ['firefly-edit-manifest-moved.png', ['ai-edited', 'invalid']],
    ['c2po_adobe-20220124-CA.jpg', ['edited', 'untrusted']],
    ['c2po_adobe-20220124-XCA.jpg', ['edited', 'invalid']],
    ['c2po_adobe-20220124-E-sig-CA.jpg', ['edited', 'invalid']],
    ['truepic-camera-manifest-moved.jpg', ['camera-capture-unverified', 'invalid']],
  ])('%s → %j', async (name, expected) => {
    const findings = await runFixture(name);
    expect(short(findings)).toEqual([...expected].sort());
    for (const f of findings) {
      expect(f.id.startsWith(P)).toBe(true);
      expect(f.title.length).toBeGreaterThan(10);
      expect(f.detail.length).toBeGreaterThan(80);
      for (const value of Object.values(f.data ?? {})) expect(['string', 'number']).toContain(typeof value);
    }
  });

  it('Bing Image Creator: decisive AI, named, although the manifest declares no digitalSourceType', async () => {
    const ai = byId(await runFixture('msv_bing_creator_cloud_surfing_puppy.jpg'), 'ai-generated');
    expect(ai).toMatchObject({ points: 'ai', decisive: true });
    expect(ai?.data?.generator).toBe('Bing Image Creator (Microsoft Designer)');
    expect(ai?.title).toContain('Bing Image Creator');
    expect(ai?.data?.signer).toBe('Microsoft Corporation');
    expect(ai?.data?.aiStatement).toContain('Image Creator from Designer');
  });

  it('DALL·E through ChatGPT: the AI claim sits in the parent ingredient manifest', async () => {
    const ai = byId(await runFixture('msv_DALL-E_cloud_surfing_puppy.webp'), 'ai-generated');
    expect(ai).toMatchObject({ points: 'ai', decisive: true, data: { generator: 'DALL·E', app: 'ChatGPT', manifests: 2 } });
    expect(ai?.data?.digitalSourceTypes).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia');
  });

  it('Photoshop generative fill: decisive AI editing, still reported after the picture changed', async () => {
    const findings = await runFixture('firefly-edit-manifest-moved.png');
    expect(byId(findings, 'ai-edited')).toMatchObject({ points: 'ai', decisive: true, data: { generator: 'Adobe Firefly', app: 'Adobe Photoshop' } });
    expect(byId(findings, 'invalid')?.data?.problem).toBe('contentChanged');
  });

  it('a valid edit is explained and the unverifiable signer is said honestly', async () => {
    const findings = await runFixture('c2po_adobe-20220124-CA.jpg');
    expect(byId(findings, 'edited')).toMatchObject({ points: 'edited', data: { edits: 'colour or brightness adjusted' } });
    expect(byId(findings, 'edited')?.decisive).toBeFalsy();
    const untrusted = byId(findings, 'untrusted');
    expect(untrusted?.points).toBe('neutral');
    expect(untrusted?.detail).toContain('does not carry the official C2PA list of trusted signers');
  });

  it('a picture changed after signing and a broken signature are told apart', async () => {
    const changed = byId(await runFixture('c2po_adobe-20220124-XCA.jpg'), 'invalid');
    expect(changed).toMatchObject({ points: 'edited', data: { problem: 'contentChanged' } });
    expect(changed?.title).toBe('The picture was changed after its Content Credentials were signed');
    expect(changed?.data?.failures).toContain('assertion.dataHash.mismatch');
    const forged = byId(await runFixture('c2po_adobe-20220124-E-sig-CA.jpg'), 'invalid');
    expect(forged).toMatchObject({ points: 'edited', data: { problem: 'recordDamaged' } });
    expect(forged?.data?.failures).toContain('claimSignature.mismatch');
  });

  it('a camera capture whose picture no longer matches is only a weak hint', async () => {
    const camera = byId(await runFixture('truepic-camera-manifest-moved.jpg'), 'camera-capture-unverified');
    expect(camera).toMatchObject({ points: 'authentic', data: { cameraMaker: 'Truepic', device: 'Google Pixel 5' } });
    expect(camera?.decisive).toBeFalsy();
  });
});

describe('reading only when the file may carry C2PA', () => {
  it('an ordinary photo never reaches the reader', async () => {
    const read = vi.fn(async () => null);
    const bytes = smallJpeg();
    expect(mayContainC2pa(bytes)).toBe(false);
    expect(await run(bytes, { ...nodeHost, c2pa: { read } })).toEqual([]);
    expect(read).not.toHaveBeenCalled();
  });

  it('the scan finds JUMBF and c2pa labels', () => {
    expect(mayContainC2pa(load(join(C2PA_FIXTURES, 'c2po_adobe-20220124-CA.jpg')))).toBe(true);
    expect(mayContainC2pa(load(join(C2PA_FIXTURES, 'firefly-edit-manifest-moved.png')))).toBe(true);
    expect(mayContainC2pa(new TextEncoder().encode('....jumb....'))).toBe(true);
  });

  it('a file that only mentions "c2pa" yields no evidence', async () => {
    const bytes = jpegWithComment('made without c2pa');
    expect(mayContainC2pa(bytes)).toBe(true);
    expect(await nodeC2paReader.read(bytes, 'image/jpeg')).toBeNull();
    expect(await run(bytes)).toEqual([]);
  });

  it('a host without a C2PA reader yields no evidence', async () => {
    const { c2pa: _reader, ...bare } = nodeHost;
    expect(await run(load(join(C2PA_FIXTURES, 'c2po_adobe-20220124-CA.jpg')), bare)).toEqual([]);
  });

  it('damaged Content Credentials are reported as unreadable, not as an engine error', async () => {
    const bytes = load(join(C2PA_FIXTURES, 'c2po_adobe-20220124-CA.jpg')).slice();
    for (let i = 200; i < 3000; i++) bytes[i] ^= 0x55;
    const summary = await nodeC2paReader.read(bytes, 'image/jpeg');
    expect(summary?.readError).toMatch(/Jumbf/);
    const findings = await run(bytes);
    expect(short(findings)).toEqual(['invalid']);
    expect(findings[0]).toMatchObject({ points: 'neutral', data: { problem: 'unreadable' } });
  });

  it('the summary is plain data that survives structured clone and JSON', async () => {
    const summary = await nodeC2paReader.read(load(join(C2PA_FIXTURES, 'msv_DALL-E_cloud_surfing_puppy.webp')), 'image/webp');
    expect(summary).not.toBeNull();
    expect(structuredClone(summary)).toEqual(summary);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

function manifest(parts: Partial<C2paManifest> & { label: string }): C2paManifest {
  return { generatorInfo: [], actions: [], assertions: [], ingredients: [], sourceTypes: [], ...parts };
}

function summary(manifests: C2paManifest[], parts: Partial<C2paSummary> = {}): C2paSummary {
  return {
    activeLabel: manifests[0].label,
    validationState: 'Valid',
    manifests,
    failures: [{ code: 'signingCredential.untrusted', explanation: 'signing certificate untrusted' }],
    ingredientFailures: [],
    ...parts,
  };
}

const IPTC = 'https://cv.iptc.org/newscodes/digitalsourcetype/';

describe('interpretC2pa on summaries no fixture carries', () => {
  it('a Leica capture that validates counts for authenticity, but is decisive only with a trust list', () => {
    const leica = manifest({ label: 'urn:a', claimGenerator: 'Leica M11-P', signer: { issuer: 'Leica Camera AG' } });
    const plain = interpretC2pa(summary([leica]));
    expect(short(plain)).toEqual(['camera-capture', 'untrusted']);
    expect(plain[0]).toMatchObject({ points: 'authentic', data: { cameraMaker: 'Leica' } });
    expect(plain[0].decisive).toBeFalsy();
    const trusted = interpretC2pa(summary([leica], { validationState: 'Trusted', failures: [] }));
    expect(short(trusted)).toEqual(['camera-capture']);
    expect(trusted[0].decisive).toBe(true);
  });

  it('a capture digitalSourceType without a known maker is unverified', () => {
    const app = manifest({ label: 'urn:a', claimGenerator: 'SomeCam/1.0', actions: [{ action: 'c2pa.created', digitalSourceType: `${IPTC}digitalCapture` }] });
    expect(short(interpretC2pa(summary([app])))).toEqual(['camera-capture-unverified', 'untrusted']);
  });

  it('an AI statement wins over a camera maker named by the signer', () => {
    const forged = manifest({
      label: 'urn:a',
      signer: { issuer: 'Sony Corporation' },
      actions: [{ action: 'c2pa.created', digitalSourceType: `${IPTC}trainedAlgorithmicMedia` }],
    });
    const findings = interpretC2pa(summary([forged]));
    expect(short(findings)).toEqual(['ai-generated', 'untrusted']);
    expect(findings[0].data?.generator).toBe('an AI tool');
  });

  it('ChatGPT/GPT-4o in a v2 manifest is named from its software agent', () => {
    const s = summarizeManifestStore({
      active_manifest: 'urn:gpt',
      validation_state: 'Valid',
      manifests: {
        'urn:gpt': {
          claim_generator_info: [{ name: 'ChatGPT' }],
          signature_info: { issuer: 'OpenAI' },
          assertions: [
            {
              label: 'c2pa.actions.v2',
              data: { actions: [{ action: 'c2pa.created', softwareAgent: { name: 'GPT-4o' }, digitalSourceType: `${IPTC}trainedAlgorithmicMedia` }] },
            },
          ],
        },
      },
    });
    const ai = interpretC2pa(s)[0];
    expect(ai).toMatchObject({ id: `${P}ai-generated`, decisive: true, data: { generator: 'ChatGPT/GPT-4o' } });
    expect(ai.data?.app).toBeUndefined();
  });

  it('legacy Adobe markers: com.adobe.generative-ai and com.adobe.digitalSourceType in c2pa.opened', () => {
    const legacy = summarizeManifestStore({
      active_manifest: 'urn:ps',
      manifests: {
        'urn:ps': {
          claim_generator: 'Adobe_Photoshop/24.6.0 adobe_c2pa/0.7.0 c2pa-rs/0.22.0',
          assertions: [{ label: 'com.adobe.generative-ai', data: { description: 'Generative Fill' } }],
        },
      },
    });
    expect(short(interpretC2pa(legacy))).toEqual(['ai-edited']);
    const opened = summarizeManifestStore({
      active_manifest: 'urn:ps',
      manifests: {
        'urn:ps': {
          claim_generator: 'Adobe_Photoshop/25.0.0',
          assertions: [
            {
              label: 'c2pa.actions',
              data: { actions: [{ action: 'c2pa.opened', parameters: { 'com.adobe.digitalSourceType': `${IPTC}trainedAlgorithmicMedia` } }] },
            },
          ],
        },
      },
    });
    const findings = interpretC2pa(opened);
    expect(short(findings)).toEqual(['ai-edited']);
    expect(findings[0].data?.generator).toBe('Adobe Photoshop');
  });

  it('an AI picture placed into a composite makes the composite AI-edited', () => {
    const gen = manifest({ label: 'urn:gen', claimGenerator: 'Adobe_Firefly/1.0', actions: [{ action: 'c2pa.created', digitalSourceType: `${IPTC}trainedAlgorithmicMedia` }] });
    const comp = manifest({
      label: 'urn:comp',
      claimGenerator: 'Adobe_Photoshop/25.0',
      actions: [{ action: 'c2pa.opened' }, { action: 'c2pa.placed' }],
      ingredients: [{ relationship: 'componentOf', manifest: 'urn:gen', problems: [] }],
    });
    const findings = interpretC2pa(summary([comp, gen]));
    expect(short(findings)).toEqual(['ai-edited', 'untrusted']);
    expect(findings[0].data?.generator).toBe('Adobe Firefly');
  });

  it('a manifest that states nothing is only "present"', () => {
    const bare = manifest({ label: 'urn:a', claimGenerator: 'Test Signer c2patool/0.7.0 c2pa-rs/0.28.4', signer: { issuer: 'Example' } });
    const findings = interpretC2pa(summary([bare], { failures: [] }));
    expect(short(findings)).toEqual(['present', 'untrusted']);
    expect(findings[0].detail).toContain('written by Test Signer');
  });

  it('reads the IPTC term from http, https and bare forms', () => {
    expect(sourceTerm('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia')).toBe('trainedAlgorithmicMedia');
    expect(sourceTerm(`${IPTC}compositeWithTrainedAlgorithmicMedia`)).toBe('compositeWithTrainedAlgorithmicMedia');
    expect(sourceTerm('digitalCapture')).toBe('digitalCapture');
  });
});

interface CorpusRow {
  file: string;
  label: string;
  generator: string;
  c2pa_claim: string;
}

const STOP = new Set(['image', 'images', 'the', 'and', 'with', 'from', 'generative', 'fill', 'via']);
const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .replace(/·/g, '-')
      .split(/[^a-z0-9-]+/)
      .filter((w) => w.length >= 3 && !STOP.has(w)),
  );

describe.skipIf(!existsSync(join(CORPUS, 'manifest.csv')))('provenance.c2pa over the shared corpus', () => {
  const rows = (): CorpusRow[] => parse(readFileSync(join(CORPUS, 'manifest.csv')), { columns: true }) as CorpusRow[];

  it('every AI-labelled C2PA file gets a decisive AI item naming its generator; no other C2PA file does', async () => {
    const c2pa = rows().filter((r) => r.label === 'c2pa');
    expect(c2pa.length).toBeGreaterThan(0);
    for (const row of c2pa) {
      const findings = await run(load(join(CORPUS, row.file)));
      expect(findings.length, row.file).toBeGreaterThan(0);
      const ai = findings.filter((f) => f.points === 'ai');
      if (row.c2pa_claim.startsWith('AI-')) {
        expect(ai.length, row.file).toBe(1);
        expect(ai[0].decisive, row.file).toBe(true);
        const named = words(String(ai[0].data?.generator));
        expect([...words(row.generator)].some((w) => named.has(w)), `${row.file}: ${ai[0].data?.generator} vs ${row.generator}`).toBe(true);
      } else {
        expect(ai, row.file).toEqual([]);
      }
    }
  });

  it('no real-camera file gets a C2PA AI item, and none of them loads the reader', async () => {
    const read = vi.fn(nodeHost.c2pa!.read);
    const host: EngineHost = { ...nodeHost, c2pa: { read } };
    for (const row of rows().filter((r) => r.label === 'real-camera')) {
      const findings = await run(load(join(CORPUS, row.file)), host);
      expect(findings.filter((f) => f.points === 'ai'), row.file).toEqual([]);
    }
    expect(read).not.toHaveBeenCalled();
  });
});
