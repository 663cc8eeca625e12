/**
 * provenance.generator: every generator's metadata variant in the fixtures (A1111/Forge,
 * ComfyUI, InvokeAI current and legacy, NovelAI, Fooocus; tEXt, zTXt, iTXt, EXIF
 * UserComment), the prompt it extracts, and that prompts holding HTML stay plain text.
 */
import { describe, expect, it } from 'vitest';
import { generatorMetadata } from '../../../lib/detectors/provenance/generator';
import { LIMITS } from '../../../lib/engine/limits';
import { fakeInput, ids, runDetector } from '../helpers';

const A1111_PROMPT = 'a photo of a cardboard box with a crushed corner, water damage, on a doormat, photorealistic';
const A1111 = 'AUTOMATIC1111 Stable Diffusion web UI';
const INVOKE = 'InvokeAI (Stable Diffusion)';

const CASES: { file: string; key: string; generator: string; foundIn: string; prompt?: string }[] = [
  { file: 'a1111-parameters.png', key: 'a1111', generator: A1111, foundIn: 'PNG text chunk "parameters"', prompt: A1111_PROMPT },
  { file: 'a1111-ztxt.png', key: 'a1111', generator: A1111, foundIn: 'PNG text chunk "parameters"', prompt: A1111_PROMPT },
  { file: 'a1111-itxt-compressed.png', key: 'a1111', generator: A1111, foundIn: 'PNG text chunk "parameters"', prompt: A1111_PROMPT },
  {
    file: 'a1111-itxt.png',
    key: 'a1111',
    generator: A1111,
    foundIn: 'PNG text chunk "parameters"',
    prompt: A1111_PROMPT.replace('photorealistic', 'photoréaliste, 写真'),
  },
  {
    file: 'forge-parameters.png',
    key: 'a1111',
    generator: 'Stable Diffusion WebUI Forge',
    foundIn: 'PNG text chunk "parameters"',
    prompt: 'a cracked smartphone screen lying on a kitchen table',
  },
  { file: 'a1111-usercomment.jpg', key: 'a1111', generator: A1111, foundIn: 'EXIF UserComment', prompt: A1111_PROMPT },
  {
    file: 'a1111-usercomment-unicode.jpg',
    key: 'a1111',
    generator: A1111,
    foundIn: 'EXIF UserComment',
    prompt: A1111_PROMPT.replace('photorealistic', 'photoréaliste, 写真'),
  },
  {
    file: 'comfyui-prompt-workflow.png',
    key: 'comfyui',
    generator: 'ComfyUI',
    foundIn: 'PNG text chunks "prompt"/"workflow"',
    prompt: 'a ceramic mug with a chipped rim, product photo',
  },
  { file: 'comfyui-workflow-only.png', key: 'comfyui', generator: 'ComfyUI', foundIn: 'PNG text chunks "prompt"/"workflow"' },
  {
    file: 'invokeai-metadata.png',
    key: 'invokeai',
    generator: INVOKE,
    foundIn: 'PNG text chunk "invokeai_metadata"',
    prompt: 'a laptop with a shattered display on a desk, photo',
  },
  { file: 'invokeai-dream.png', key: 'invokeai', generator: INVOKE, foundIn: 'PNG text chunk "Dream"', prompt: 'a torn sneaker sole, close-up photo' },
  {
    file: 'invokeai-sd-metadata.png',
    key: 'invokeai',
    generator: INVOKE,
    foundIn: 'PNG text chunk "sd-metadata"',
    prompt: 'a dented metal water bottle on grass',
  },
  {
    file: 'novelai.png',
    key: 'novelai',
    generator: 'NovelAI',
    foundIn: 'PNG text chunks "Software"/"Comment"',
    prompt: 'a scratched wooden chair leg, realistic photo',
  },
  {
    file: 'fooocus.png',
    key: 'fooocus',
    generator: 'Fooocus (Stable Diffusion XL)',
    foundIn: 'PNG text chunk "fooocus_scheme"',
    prompt: 'a broken glass bowl on a tiled floor',
  },
];

describe('provenance.generator', () => {
  it.each(CASES)('$file → $key', async ({ file, key, generator, foundIn, prompt }) => {
    const findings = await runDetector(generatorMetadata, file);
    expect(ids(findings)).toEqual([`provenance.generator.${key}`]);
    const [f] = findings;
    expect(f.points).toBe('ai');
    expect(f.decisive).toBe(true);
    expect(f.title).toBe(`Made with an AI image generator: ${generator}`);
    expect(f.detail).toContain(foundIn);
    expect(f.data).toMatchObject({ generator, foundIn });
    // ComfyUI graphs have several text encoders; the positive prompt must be among what is shown.
    if (key === 'comfyui' && prompt) expect(String(f.data?.prompt)).toContain(prompt);
    else expect(f.data?.prompt).toBe(prompt);
    if (prompt) expect(f.detail).toContain('including the text prompt');
    else expect(f.detail).not.toContain('including the text prompt');
    expect(typeof f.data?.rawMetadata).toBe('string');
  });

  it('keeps the negative prompt and settings out of the A1111 prompt but in the raw metadata', async () => {
    const [f] = await runDetector(generatorMetadata, 'a1111-parameters.png');
    expect(f.data?.prompt).not.toContain('Negative prompt');
    expect(f.data?.rawMetadata).toContain('Negative prompt: blurry, lowres, watermark');
    expect(f.data?.rawMetadata).toContain('Steps: 20, Sampler: Euler a');
  });

  it.each(['prompt-html.png', 'html-metadata.jpg'])('keeps HTML in a prompt as plain text data (%s)', async (file) => {
    const [f] = await runDetector(generatorMetadata, file);
    expect(f.id).toBe('provenance.generator.a1111');
    // Verbatim: neither executed, stripped nor entity-encoded; the UI renders it as text.
    expect(f.data?.prompt).toBe('<img src=x onerror=alert(1)> broken vase <script>alert("xss")</script>');
    expect(f.data?.rawMetadata).toContain('Negative prompt: <b>bold</b>');
    // The prompt is data only: titles and details never quote it.
    expect(f.title).not.toContain('<');
    expect(f.detail).not.toContain('<');
  });

  it.each(['plain.jpg', 'png-plain.png', 'camera-exif.jpg', 'iptc-trained-algorithmic.jpg', 'generator-1024x1024.png'])(
    'finds nothing in %s',
    async (file) => {
      expect(await runDetector(generatorMetadata, file)).toEqual([]);
    },
  );

  it('ignores a "parameters" chunk that is not in the A1111 format', async () => {
    const input = fakeInput({ pngText: [{ keyword: 'parameters', text: 'exposure=+0.3; contrast=high', chunk: 'tEXt' }] });
    expect(await generatorMetadata.run(input)).toEqual([]);
  });

  it('ignores "prompt"/"workflow" chunks that are not JSON', async () => {
    const input = fakeInput({ pngText: [{ keyword: 'prompt', text: 'not json {', chunk: 'tEXt' }] });
    expect(await generatorMetadata.run(input)).toEqual([]);
  });

  it('reports one finding per generator when the same settings sit in PNG text and EXIF', async () => {
    const text = `${A1111_PROMPT}\nSteps: 20, Sampler: Euler a, Seed: 1`;
    const input = fakeInput({
      pngText: [{ keyword: 'parameters', text, chunk: 'tEXt' }],
      metadata: { exif: { UserComment: text } },
    });
    const findings = await generatorMetadata.run(input);
    expect(ids(findings)).toEqual(['provenance.generator.a1111']);
    expect(findings[0].data?.foundIn).toBe('PNG text chunk "parameters"');
  });

  it('reports several generators when a file carries more than one', async () => {
    const input = fakeInput({
      pngText: [
        { keyword: 'parameters', text: 'cat\nSteps: 20, Sampler: Euler a', chunk: 'tEXt' },
        { keyword: 'prompt', text: '{"6":{"class_type":"CLIPTextEncode","inputs":{"text":"dog"}}}', chunk: 'tEXt' },
      ],
    });
    const findings = await generatorMetadata.run(input);
    expect(ids(findings)).toEqual(['provenance.generator.a1111', 'provenance.generator.comfyui']);
    expect(findings.map((f) => f.data?.prompt)).toEqual(['cat', 'dog']);
  });

  it('reads a prompt left in EXIF ImageDescription', async () => {
    const input = fakeInput({ metadata: { ifd0: { ImageDescription: 'a red bike\nNegative prompt: x\nSteps: 30, Sampler: DPM++ 2M' } } });
    const [f] = await generatorMetadata.run(input);
    expect(f.id).toBe('provenance.generator.a1111');
    expect(f.data).toMatchObject({ foundIn: 'EXIF ImageDescription', prompt: 'a red bike' });
  });

  it('clips a very long prompt to the text limit', async () => {
    const prompt = 'x'.repeat(LIMITS.maxTextLength + 500);
    const input = fakeInput({ pngText: [{ keyword: 'parameters', text: `${prompt}\nSteps: 20, Sampler: Euler a`, chunk: 'tEXt' }] });
    const [f] = await generatorMetadata.run(input);
    const clipped = String(f.data?.prompt);
    expect(clipped.startsWith('x'.repeat(LIMITS.maxTextLength))).toBe(true);
    expect(clipped).toContain('[500 more characters]');
    expect(String(f.data?.rawMetadata).length).toBeLessThan(1600);
  });
});
