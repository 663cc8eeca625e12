/**
 * provenance.generator — the generator's own record of how an image was made: PNG text
 * chunks written by Stable Diffusion front-ends (AUTOMATIC1111/Forge, ComfyUI, InvokeAI,
 * NovelAI, Fooocus), prompts left in EXIF UserComment / ImageDescription, Midjourney's job id,
 * generator names in Software / CreatorTool / Artist fields and Google's "Made with Google AI"
 * credit line.
 * A camera never writes these, so a match is decisive; `data` names the tool and carries the
 * prompt as plain text (untrusted: render as text only).
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { AnalysisInput } from '../../engine/inputs';
import { clip } from '../../engine/limits';
import { decodeUserComment } from '../../engine/exif-text';
import { msg, renderValue, say, type MessageParam } from '../../i18n/messages';

const pngChunk = (chunk: string) => msg('provenance.generator.carrier.pngChunk', { chunk });
const pngChunks = (chunks: string) => msg('provenance.generator.carrier.pngChunks', { chunks });

interface GeneratorHit {
  key: string;
  generator: string;
  /** Where it was found, as the texts say it (file data or a catalogue message). */
  carrier: MessageParam;
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

/**
 * ComfyUI's API-format `prompt` graph: the text of the prompt nodes that feed a sampler's
 * `positive` input (following conditioning nodes back to their text encoders); every
 * text-encode node's text when no sampler link can be followed.
 */
function comfyPrompt(graph: unknown): string | undefined {
  if (!graph || typeof graph !== 'object') return undefined;
  const nodes = graph as Record<string, { class_type?: unknown; inputs?: Record<string, unknown> } | undefined>;
  const textOf = (node: (typeof nodes)[string]): string[] => {
    const inputs = node?.inputs ?? {};
    return ['text', 'text_g', 'text_l', 'prompt'].map((k) => inputs[k]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  };
  const isEncoder = (node: (typeof nodes)[string]) => typeof node?.class_type === 'string' && /TextEncode|Prompt/i.test(node.class_type);
  const positive: string[] = [];
  const seen = new Set<string>();
  const follow = (ref: unknown, depth: number) => {
    if (!Array.isArray(ref) || typeof ref[0] !== 'string' || seen.has(ref[0]) || depth > 16) return;
    seen.add(ref[0]);
    const node = nodes[ref[0]];
    if (isEncoder(node)) positive.push(...textOf(node));
    else for (const [key, value] of Object.entries(node?.inputs ?? {})) if (/conditioning|positive/i.test(key)) follow(value, depth + 1);
  };
  for (const node of Object.values(nodes)) {
    if (typeof node?.class_type === 'string' && /Sampler|Guider/i.test(node.class_type)) follow(node.inputs?.positive, 0);
  }
  const texts = positive.length ? positive : Object.values(nodes).filter(isEncoder).flatMap(textOf);
  return texts.length ? [...new Set(texts)].join('\n') : undefined;
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
    hits.push({ key: 'fooocus', generator: 'Fooocus (Stable Diffusion XL)', carrier: pngChunk('fooocus_scheme'), prompt, raw: params });
  } else if (params !== undefined && A1111_PARAMS.test(params)) {
    const forge = /Version: f\d/.test(params);
    hits.push({
      key: 'a1111',
      generator: forge ? 'Stable Diffusion WebUI Forge' : 'AUTOMATIC1111 Stable Diffusion web UI',
      carrier: pngChunk('parameters'),
      prompt: a1111Prompt(params),
      raw: params,
    });
  }
  const comfy = byKey.get('prompt') ?? byKey.get('workflow');
  if (comfy !== undefined && tryJson(comfy) !== undefined) {
    const prompt = comfyPrompt(tryJson(byKey.get('prompt') ?? ''));
    hits.push({ key: 'comfyui', generator: 'ComfyUI', carrier: pngChunks('"prompt"/"workflow"'), prompt, raw: comfy });
  }
  for (const keyword of ['invokeai_metadata', 'invokeai_graph', 'sd-metadata', 'Dream']) {
    const text = byKey.get(keyword);
    if (text === undefined) continue;
    hits.push({
      key: 'invokeai',
      generator: 'InvokeAI (Stable Diffusion)',
      carrier: pngChunk(keyword),
      prompt: invokePrompt(keyword, text),
      raw: text,
    });
    break;
  }
  const software = byKey.get('Software') ?? '';
  if (/NovelAI/i.test(software)) {
    const comment = tryJson(byKey.get('Comment') ?? '') as { prompt?: unknown } | undefined;
    const prompt = typeof comment?.prompt === 'string' ? comment.prompt : byKey.get('Description');
    hits.push({ key: 'novelai', generator: 'NovelAI', carrier: pngChunks('"Software"/"Comment"'), prompt, raw: byKey.get('Comment') });
  }
  return hits;
}

/** Generator and AI-service names as they appear in Software / CreatorTool / Author fields. */
const GENERATOR_NAMES: [RegExp, string][] = [
  [/midjourney/i, 'Midjourney'],
  [/dall[-·\s]?e/i, 'DALL-E (OpenAI)'],
  [/chatgpt|gpt-4o|gpt-image|openai/i, 'ChatGPT / OpenAI image generation'],
  [/firefly/i, 'Adobe Firefly'],
  [/stable[\s-]?diffusion|sdxl/i, 'Stable Diffusion'],
  [/novelai/i, 'NovelAI'],
  [/comfyui/i, 'ComfyUI'],
  [/automatic1111|stable-diffusion-webui/i, 'AUTOMATIC1111 Stable Diffusion web UI'],
  [/invokeai/i, 'InvokeAI'],
  [/leonardo\.?ai/i, 'Leonardo.Ai'],
  [/ideogram/i, 'Ideogram'],
  [/bing image creator|image creator from designer|microsoft designer/i, 'Microsoft Designer / Bing Image Creator'],
  [/imagen|gemini|made with google ai/i, 'Google Imagen / Gemini'],
  [/runway(ml)?\b/i, 'Runway'],
  [/dreamstudio/i, 'DreamStudio (Stability AI)'],
  [/nightcafe/i, 'NightCafe'],
  [/craiyon/i, 'Craiyon'],
];

export function generatorNamed(text: string): string | undefined {
  return GENERATOR_NAMES.find(([re]) => re.test(text))?.[1];
}

const MJ_JOB = /Job ID:\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** Midjourney, named tools in Software/CreatorTool/Author, Google's "Made with Google AI" credit. */
async function fromNamedFields(input: AnalysisInput, png: { keyword: string; text: string }[]): Promise<GeneratorHit[]> {
  const meta = await input.metadata();
  const packet = (await input.xmpPacket()) ?? '';
  const hits: GeneratorHit[] = [];
  const description = png.find((c) => c.keyword === 'Description')?.text ?? (typeof meta.ifd0?.ImageDescription === 'string' ? meta.ifd0.ImageDescription : '');
  const job = description.match(MJ_JOB) ?? packet.match(MJ_JOB);
  const guid = packet.match(/DigImageGUID(?:\s{0,8}=\s{0,8}["']([^"']{1,200})["']|>([^<]{1,200})<)/);
  if (job || (guid && /midjourney/i.test(packet))) {
    const prompt = description.replace(MJ_JOB, '').trim() || undefined;
    hits.push({ key: 'midjourney', generator: 'Midjourney', carrier: job ? msg('provenance.generator.carrier.jobId') : 'XMP DigImageGUID', prompt, raw: job?.[0] ?? guid?.[0] });
  }
  const fields: [MessageParam, unknown][] = [
    ['EXIF Software', meta.ifd0?.Software],
    ['XMP CreatorTool', meta.xmp?.CreatorTool],
    [msg('provenance.generator.carrier.pngSoftware'), png.find((c) => c.keyword === 'Software')?.text],
    ['EXIF Artist', meta.ifd0?.Artist],
    ['XMP/IPTC Credit', meta.photoshop?.Credit ?? meta.iptc?.Credit],
  ];
  for (const [carrier, value] of fields) {
    if (typeof value !== 'string') continue;
    const name = generatorNamed(value);
    if (!name) continue;
    hits.push({ key: `named.${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`, generator: name, carrier: msg('provenance.generator.carrier.field', { field: carrier, value: clip(value, 80) }), raw: value });
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
    const png = await input.pngText();
    const hits = [...fromPngText(png), ...(await fromExif(input)), ...(await fromNamedFields(input, png))];
    // One finding per generator: a named-field hit adds nothing when the same tool's own settings were found.
    const seen = new Set<string>();
    const named = new Set(hits.filter((h) => !h.key.startsWith('named.')).map((h) => generatorNamed(h.generator)));
    const findings: Finding[] = [];
    for (const hit of hits) {
      if (seen.has(hit.key) || (hit.key.startsWith('named.') && named.has(hit.generator))) continue;
      seen.add(hit.key);
      findings.push({
        id: `provenance.generator.${hit.key}`,
        points: 'ai',
        decisive: true,
        ...say('provenance.generator.found', {
          generator: hit.generator,
          carrier: hit.carrier,
          prompt: hit.prompt ? msg('provenance.generator.withPrompt') : '',
        }),
        data: {
          generator: hit.generator,
          foundIn: renderValue(hit.carrier),
          ...(hit.prompt ? { prompt: clip(hit.prompt) } : {}),
          ...(hit.raw ? { rawMetadata: clip(hit.raw, 1500) } : {}),
        },
      });
    }
    return findings;
  },
});
