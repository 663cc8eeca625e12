/**
 * provenance.generator — the generator's own record of how an image was made: PNG text
 * chunks written by Stable Diffusion front-ends (AUTOMATIC1111/Forge, ComfyUI, InvokeAI,
 * NovelAI, Fooocus) and prompts left in EXIF UserComment / ImageDescription or XMP.
 * A camera never writes these, so a match is decisive; `data` names the tool and carries the
 * prompt as plain text (untrusted: render as text only).
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { AnalysisInput } from '../../engine/inputs';
import { clip } from '../../engine/limits';
import { decodeUserComment } from '../../engine/exif-text';

interface GeneratorHit {
  key: string;
  generator: string;
  carrier: string;
  prompt?: string;
  raw?: string;
}

/** Key phrases of the A1111 "parameters" format: `prompt\nNegative prompt: …\nSteps: 20, Sampler: …`. */
const A1111_PARAMS = /(^|\n)Steps: \d+, Sampler: /;

function a1111Prompt(text: string): string {
  const cut = text.search(/\n(Negative prompt:|Steps: \d)/);
  return (cut >= 0 ? text.slice(0, cut) : text).trim();
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** ComfyUI's API-format `prompt` graph: collects the text of every CLIPTextEncode-like node. */
function comfyPrompt(graph: unknown): string | undefined {
  if (!graph || typeof graph !== 'object') return undefined;
  const texts: string[] = [];
  for (const node of Object.values(graph as Record<string, unknown>)) {
    if (!node || typeof node !== 'object') continue;
    const { class_type, inputs } = node as { class_type?: unknown; inputs?: Record<string, unknown> };
    if (typeof class_type !== 'string' || !inputs || !/TextEncode|Prompt/i.test(class_type)) continue;
    for (const key of ['text', 'text_g', 'text_l', 'prompt']) {
      const v = inputs[key];
      if (typeof v === 'string' && v.trim()) texts.push(v.trim());
    }
  }
  return texts.length ? texts.join('\n') : undefined;
}

function invokePrompt(keyword: string, text: string): string | undefined {
  if (keyword === 'Dream') {
    const m = text.match(/^"((?:[^"\\]|\\.)*)"/);
    return m ? m[1] : text.split(' -')[0];
  }
  const json = tryJson(text) as Record<string, unknown> | undefined;
  if (!json) return undefined;
  if (typeof json.positive_prompt === 'string') return json.positive_prompt;
  const image = json.image as { prompt?: unknown } | undefined;
  const p = image?.prompt;
  if (typeof p === 'string') return p;
  if (Array.isArray(p) && p[0] && typeof p[0].prompt === 'string') return p[0].prompt;
  return undefined;
}

function fromPngText(chunks: { keyword: string; text: string }[]): GeneratorHit[] {
  const byKey = new Map(chunks.map((c) => [c.keyword, c.text]));
  const hits: GeneratorHit[] = [];
  const params = byKey.get('parameters');
  if (byKey.has('fooocus_scheme')) {
    const json = params ? (tryJson(params) as Record<string, unknown> | undefined) : undefined;
    const prompt = typeof json?.prompt === 'string' ? json.prompt : undefined;
    hits.push({ key: 'fooocus', generator: 'Fooocus (Stable Diffusion XL)', carrier: 'PNG text chunk "fooocus_scheme"', prompt, raw: params });
  } else if (params !== undefined && A1111_PARAMS.test(params)) {
    const forge = /Version: f\d/.test(params);
    hits.push({
      key: 'a1111',
      generator: forge ? 'Stable Diffusion WebUI Forge' : 'AUTOMATIC1111 Stable Diffusion web UI',
      carrier: 'PNG text chunk "parameters"',
      prompt: a1111Prompt(params),
      raw: params,
    });
  }
  const comfy = byKey.get('prompt') ?? byKey.get('workflow');
  if (comfy !== undefined && tryJson(comfy) !== undefined) {
    const prompt = comfyPrompt(tryJson(byKey.get('prompt') ?? ''));
    hits.push({ key: 'comfyui', generator: 'ComfyUI', carrier: 'PNG text chunks "prompt"/"workflow"', prompt, raw: comfy });
  }
  for (const keyword of ['invokeai_metadata', 'invokeai_graph', 'sd-metadata', 'Dream']) {
    const text = byKey.get(keyword);
    if (text === undefined) continue;
    hits.push({
      key: 'invokeai',
      generator: 'InvokeAI (Stable Diffusion)',
      carrier: `PNG text chunk "${keyword}"`,
      prompt: invokePrompt(keyword, text),
      raw: text,
    });
    break;
  }
  const software = byKey.get('Software') ?? '';
  if (/NovelAI/i.test(software)) {
    const comment = tryJson(byKey.get('Comment') ?? '') as { prompt?: unknown } | undefined;
    const prompt = typeof comment?.prompt === 'string' ? comment.prompt : byKey.get('Description');
    hits.push({ key: 'novelai', generator: 'NovelAI', carrier: 'PNG text chunks "Software"/"Comment"', prompt, raw: byKey.get('Comment') });
  }
  return hits;
}

async function fromExif(input: AnalysisInput): Promise<GeneratorHit[]> {
  const meta = await input.metadata();
  const hits: GeneratorHit[] = [];
  const comment = decodeUserComment(meta.exif?.UserComment ?? meta.userComment);
  if (comment && A1111_PARAMS.test(comment)) {
    hits.push({ key: 'a1111', generator: 'AUTOMATIC1111 Stable Diffusion web UI', carrier: 'EXIF UserComment', prompt: a1111Prompt(comment), raw: comment });
  }
  const description = meta.ifd0?.ImageDescription;
  if (typeof description === 'string' && A1111_PARAMS.test(description)) {
    hits.push({ key: 'a1111', generator: 'Stable Diffusion (prompt in EXIF ImageDescription)', carrier: 'EXIF ImageDescription', prompt: a1111Prompt(description), raw: description });
  }
  return hits;
}

export const generatorMetadata = defineDetector({
  id: 'provenance.generator',
  family: 'provenance',
  async run(input) {
    const hits = [...fromPngText(await input.pngText()), ...(await fromExif(input))];
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const hit of hits) {
      if (seen.has(hit.key)) continue;
      seen.add(hit.key);
      findings.push({
        id: `provenance.generator.${hit.key}`,
        points: 'ai',
        decisive: true,
        title: `Made with an AI image generator: ${hit.generator}`,
        detail:
          `The file still carries the settings that ${hit.generator} writes when it creates an image ` +
          `(found in ${hit.carrier})${hit.prompt ? ', including the text prompt it was asked to draw' : ''}. ` +
          'Cameras and phones never write this. The only innocent explanation is a customer who ran ' +
          'their own photo through an AI tool before sending it — which still means the picture is not a plain photo.',
        data: {
          generator: hit.generator,
          foundIn: hit.carrier,
          ...(hit.prompt ? { prompt: clip(hit.prompt) } : {}),
          ...(hit.raw ? { rawMetadata: clip(hit.raw, 1500) } : {}),
        },
      });
    }
    return findings;
  },
});
