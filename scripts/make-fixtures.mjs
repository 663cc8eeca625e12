#!/usr/bin/env node
/**
 * Regenerates the synthetic test images in tests/fixtures/images/ and the generated
 * screenshot in samples/. Every file is drawn here from nothing (no third-party content);
 * the outputs are committed, so CI never runs this. A developer runs it after changing it:
 *
 *   node scripts/make-fixtures.mjs
 *
 * PNGs (pixels and text chunks) are written byte by byte below. JPEGs are encoded with
 * jpeg-js and get their EXIF/XMP from Debian's `exiftool`; the screenshot sample is drawn
 * with ImageMagick `convert`. See tests/fixtures/README.md for what each file is for.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'tests', 'fixtures', 'images');
const SAMPLES = join(root, 'samples');

// ---------------------------------------------------------------- PNG writing

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const tEXt = (keyword, text) => chunk('tEXt', Buffer.concat([Buffer.from(`${keyword}\0`, 'latin1'), Buffer.from(text, 'latin1')]));

const zTXt = (keyword, text) =>
  chunk('zTXt', Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), deflateSync(Buffer.from(text, 'latin1'))]));

function iTXt(keyword, text, { compressed = false, language = '', translated = '' } = {}) {
  const body = compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8');
  return chunk(
    'iTXt',
    Buffer.concat([
      Buffer.from(`${keyword}\0`, 'latin1'),
      Buffer.from([compressed ? 1 : 0, 0]),
      Buffer.from(`${language}\0`, 'latin1'),
      Buffer.from(`${translated}\0`, 'utf8'),
      body,
    ]),
  );
}

/**
 * A PNG of `width`×`height`; `pixel(x, y)` returns [r, g, b] (colour) or a grey level when
 * `grey` is set; `flat` fills with one value without calling `pixel` (for large images).
 * `text` chunks go between IHDR and IDAT, where generators put them.
 */
function png({ width, height, grey = false, flat, pixel, text = [] }) {
  const channels = grey ? 1 : 3;
  const row = width * channels + 1;
  const raw = Buffer.alloc(row * height);
  if (flat === undefined) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = pixel(x, y);
        const o = y * row + 1 + x * channels;
        if (grey) raw[o] = v;
        else [raw[o], raw[o + 1], raw[o + 2]] = v;
      }
    }
  } else if (flat !== 0) {
    for (let y = 0; y < height; y++) raw.fill(flat, y * row + 1, (y + 1) * row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = grey ? 0 : 2; // colour type
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...text,
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A soft colour gradient: small, decodable, and not flat (so pixel checks see structure). */
const gradient = (w, h) => (x, y) => [Math.round((x / w) * 200) + 30, Math.round((y / h) * 180) + 40, 140];

/** The default small PNG canvas: 60×40 is neither a generator, camera nor screen size. */
const smallPng = (text) => png({ width: 60, height: 40, pixel: gradient(60, 40), text });

// ---------------------------------------------------------------- JPEG writing

function jpegBytes(width = 64, height = 48, quality = 80) {
  const data = Buffer.alloc(width * height * 4);
  const px = gradient(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = px(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, quality).data);
}

/** Writes a plain JPEG to `name`, then runs exiftool with `tags` (["-Tag=value", ...]) on it. */
function jpegWith(name, tags, size) {
  const file = join(OUT, name);
  writeFileSync(file, jpegBytes(...(size ?? [])));
  if (tags.length) execFileSync('exiftool', ['-q', '-overwrite_original', '-charset', 'exif=utf8', ...tags, file]);
  return file;
}

// ---------------------------------------------------------------- generator metadata texts

const A1111 =
  'a photo of a cardboard box with a crushed corner, water damage, on a doormat, photorealistic\n' +
  'Negative prompt: blurry, lowres, watermark\n' +
  'Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1234567890, Size: 512x512, Model hash: 6ce0161689, Model: v1-5-pruned-emaonly';

const FORGE =
  'a cracked smartphone screen lying on a kitchen table\n' +
  'Negative prompt: cartoon\n' +
  'Steps: 20, Sampler: Euler a, Schedule type: Automatic, CFG scale: 7, Seed: 42, Size: 896x1152, Model: sdxl_base, Version: f2.0.1v1.10.1-previous-313-g8a042934';

const HTML_PROMPT = '<img src=x onerror=alert(1)> broken vase <script>alert("xss")</script>';

const COMFY_PROMPT = {
  3: {
    inputs: { seed: 156680208700286, steps: 20, cfg: 8, sampler_name: 'euler', scheduler: 'normal', denoise: 1, model: ['4', 0], positive: ['6', 0], negative: ['7', 0], latent_image: ['5', 0] },
    class_type: 'KSampler',
  },
  4: { inputs: { ckpt_name: 'v1-5-pruned-emaonly.safetensors' }, class_type: 'CheckpointLoaderSimple' },
  5: { inputs: { width: 512, height: 512, batch_size: 1 }, class_type: 'EmptyLatentImage' },
  6: { inputs: { text: 'a ceramic mug with a chipped rim, product photo', clip: ['4', 1] }, class_type: 'CLIPTextEncode' },
  7: { inputs: { text: 'text, watermark', clip: ['4', 1] }, class_type: 'CLIPTextEncode' },
  8: { inputs: { samples: ['3', 0], vae: ['4', 2] }, class_type: 'VAEDecode' },
  9: { inputs: { filename_prefix: 'ComfyUI', images: ['8', 0] }, class_type: 'SaveImage' },
};

const COMFY_WORKFLOW = {
  last_node_id: 9,
  last_link_id: 9,
  nodes: [
    { id: 6, type: 'CLIPTextEncode', pos: [415, 186], size: [422, 164], widgets_values: ['a ceramic mug with a chipped rim, product photo'] },
    { id: 3, type: 'KSampler', pos: [863, 186], size: [315, 262], widgets_values: [156680208700286, 'randomize', 20, 8, 'euler', 'normal', 1] },
    { id: 9, type: 'SaveImage', pos: [1451, 189], size: [210, 58], widgets_values: ['ComfyUI'] },
  ],
  links: [],
  groups: [],
  config: {},
  extra: {},
  version: 0.4,
};

const INVOKE_METADATA = {
  generation_mode: 'txt2img',
  positive_prompt: 'a laptop with a shattered display on a desk, photo',
  negative_prompt: 'drawing, text',
  width: 1024,
  height: 1024,
  seed: 3541271938,
  cfg_scale: 7.5,
  steps: 30,
  scheduler: 'euler',
  model: { key: 'b6ac47da-0d5c-4ac8-8cd3-8fa3a1ab1ab0', hash: 'blake3:0e1b3b1a', name: 'stable-diffusion-xl-base-1.0', base: 'sdxl', type: 'main' },
  app_version: '5.6.0',
};

const INVOKE_GRAPH = { id: 'sdxl_graph', nodes: { noise: { type: 'noise', id: 'noise' } }, edges: [] };

const DREAM = '"a torn sneaker sole, close-up photo" -s 50 -S 42 -W 512 -H 512 -C 7.5 -A k_lms';

const SD_METADATA = {
  model: 'stable diffusion',
  model_id: 'stable-diffusion-1.5',
  model_hash: 'cc6cb27103417325ff94f52b7a5d2dde45a7515b25c255d8e396c90014281516',
  app_id: 'invoke-ai/InvokeAI',
  app_version: '2.1.0',
  image: {
    prompt: [{ prompt: 'a dented metal water bottle on grass', weight: 1 }],
    steps: 50,
    cfg_scale: 7.5,
    threshold: 0,
    perlin: 0,
    height: 512,
    width: 512,
    seed: 2407640369,
    type: 'txt2img',
    postprocessing: null,
    sampler: 'k_lms',
    variations: [],
  },
};

const NOVELAI_COMMENT = {
  prompt: 'a scratched wooden chair leg, realistic photo',
  steps: 28,
  height: 832,
  width: 1216,
  scale: 5,
  uncond_scale: 1,
  cfg_rescale: 0,
  seed: 2929729384,
  n_samples: 1,
  noise_schedule: 'native',
  sampler: 'k_euler_ancestral',
  uc: 'lowres, bad anatomy',
};

const FOOOCUS_PARAMS = {
  adm_guidance: '(1.5, 0.8, 0.3)',
  base_model: 'juggernautXL_v8Rundiffusion.safetensors',
  full_negative_prompt: ['(worst quality, low quality, normal quality, lowres), blurry'],
  full_prompt: ['a broken glass bowl on a tiled floor, cinematic photo'],
  guidance_scale: 4,
  negative_prompt: '',
  performance: 'Speed',
  prompt: 'a broken glass bowl on a tiled floor',
  resolution: '(1152, 896)',
  sampler: 'dpmpp_2m_sde_gpu',
  scheduler: 'karras',
  seed: '1180384262',
  sharpness: 2,
  steps: 30,
  styles: "['Fooocus V2', 'Fooocus Photograph']",
  version: 'Fooocus v2.5.5',
};

// ---------------------------------------------------------------- the fixtures

function writeFixtures() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const put = (name, bytes) => writeFileSync(join(OUT, name), bytes);
  const json = (v) => JSON.stringify(v);

  // PNG generator metadata, one file per tool / carrier.
  put('a1111-parameters.png', smallPng([tEXt('parameters', A1111)]));
  put('forge-parameters.png', smallPng([tEXt('parameters', FORGE)]));
  put('a1111-ztxt.png', smallPng([zTXt('parameters', A1111)]));
  put('a1111-itxt.png', smallPng([iTXt('parameters', A1111.replace('photorealistic', 'photoréaliste, 写真'))]));
  put('a1111-itxt-compressed.png', smallPng([iTXt('parameters', A1111, { compressed: true })]));
  put('comfyui-prompt-workflow.png', smallPng([tEXt('prompt', json(COMFY_PROMPT)), tEXt('workflow', json(COMFY_WORKFLOW))]));
  put('comfyui-workflow-only.png', smallPng([tEXt('workflow', json(COMFY_WORKFLOW))]));
  put('invokeai-metadata.png', smallPng([tEXt('invokeai_metadata', json(INVOKE_METADATA)), tEXt('invokeai_graph', json(INVOKE_GRAPH))]));
  put('invokeai-dream.png', smallPng([tEXt('Dream', DREAM)]));
  put('invokeai-sd-metadata.png', smallPng([tEXt('sd-metadata', json(SD_METADATA))]));
  put(
    'novelai.png',
    smallPng([
      tEXt('Title', 'NovelAI generated image'),
      tEXt('Description', NOVELAI_COMMENT.prompt),
      tEXt('Software', 'NovelAI'),
      tEXt('Source', 'Stable Diffusion XL C1E1DE52'),
      tEXt('Comment', json(NOVELAI_COMMENT)),
    ]),
  );
  put('fooocus.png', smallPng([tEXt('parameters', json(FOOOCUS_PARAMS)), tEXt('fooocus_scheme', 'fooocus')]));
  put(
    'prompt-html.png',
    smallPng([tEXt('parameters', `${HTML_PROMPT}\nNegative prompt: <b>bold</b>\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512`)]),
  );
  // PNG text that is not generator metadata (a plain editor's Software tag).
  put('png-plain.png', smallPng([tEXt('Software', 'GIMP 2.10.34')]));

  // Sizes (flat content compresses to a few KB).
  put('generator-1024x1024.png', png({ width: 1024, height: 1024, flat: 200, grey: true }));
  put('multiple-of-64-320x192.png', png({ width: 320, height: 192, flat: 120, grey: true }));
  put('camera-size-4032x3024.png', png({ width: 4032, height: 3024, flat: 90, grey: true }));
  put('screenshot-1170x2532.png', png({ width: 1170, height: 2532, flat: 245, grey: true }));

  // JPEGs with EXIF / XMP written by exiftool.
  jpegWith('plain.jpg', []);
  jpegWith('a1111-usercomment.jpg', [`-EXIF:UserComment=${A1111}`]);
  // Non-ASCII text makes exiftool write the UNICODE (UTF-16, big-endian EXIF) form A1111 uses.
  jpegWith('a1111-usercomment-unicode.jpg', [`-EXIF:UserComment=${A1111.replace('photorealistic', 'photoréaliste, 写真')}`]);
  jpegWith('html-metadata.jpg', [
    `-EXIF:UserComment=${HTML_PROMPT}\nNegative prompt: <b>bold</b>\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512`,
    '-EXIF:Make=<b>Evil</b>',
    '-EXIF:Model=<script>alert(1)</script>',
    '-EXIF:DateTimeOriginal=2025:11:20 10:15:00',
  ]);
  jpegWith('iptc-trained-algorithmic.jpg', ['-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia']);
  jpegWith('iptc-composite-https.jpg', ['-XMP-iptcExt:DigitalSourceType=https://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia']);
  jpegWith('iptc-digital-capture.jpg', ['-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture']);
  const camera = jpegWith('camera-exif.jpg', [
    '-EXIF:Make=Apple',
    '-EXIF:Model=iPhone 13',
    '-EXIF:Software=17.1.2',
    '-EXIF:DateTimeOriginal=2025:11:20 10:15:00',
    '-EXIF:CreateDate=2025:11:20 10:15:00',
    '-EXIF:OffsetTimeOriginal=+01:00',
    '-EXIF:LensModel=iPhone 13 back dual wide camera 5.1mm f/1.6',
    '-EXIF:GPSLatitude=52.520008',
    '-EXIF:GPSLatitudeRef=N',
    '-EXIF:GPSLongitude=13.404954',
    '-EXIF:GPSLongitudeRef=E',
  ]);
  jpegWith('camera-no-capture-time.jpg', ['-EXIF:Make=Canon', '-EXIF:Model=Canon EOS 80D']);
  jpegWith('screenshot-label.jpg', ['-EXIF:UserComment=Screenshot']);

  // Broken and hostile inputs.
  const cameraBytes = readFileSync(camera);
  const sof = cameraBytes.indexOf(Buffer.from([0xff, 0xc0]));
  const sos = cameraBytes.indexOf(Buffer.from([0xff, 0xda]));
  put('truncated-header.jpg', cameraBytes.subarray(0, Math.min(sof, 400)));
  put('truncated-scan.jpg', cameraBytes.subarray(0, sos + Math.floor((cameraBytes.length - sos) / 2)));
  put('empty.jpg', Buffer.alloc(0));
  put(
    'html-page.jpg',
    Buffer.from('<!DOCTYPE html>\n<html><head><title>Not found</title></head><body><h1>404 Not Found</h1><img src=x onerror=alert(1)></body></html>\n'),
  );
}

// ---------------------------------------------------------------- samples

/** A phone screenshot (1170×2532, iPhone 12-14) of a chat in which a customer sent a photo. */
function writeScreenshotSample() {
  mkdirSync(SAMPLES, { recursive: true });
  const file = join(SAMPLES, 'screenshot-chat-1170x2532.png');
  const font = 'DejaVu-Sans';
  execFileSync('convert', [
    '-size', '1170x2532', 'xc:#f2f2f7',
    '-font', font,
    // status bar
    '-fill', '#000000', '-pointsize', '44', '-annotate', '+90+95', '9:41',
    '-draw', 'roundrectangle 960,62 1060,102 10,10',
    // header
    '-fill', '#ffffff', '-draw', 'rectangle 0,140 1170,320',
    '-fill', '#000000', '-pointsize', '52', '-annotate', '+380+250', 'Support chat',
    // customer bubble with a "photo" of a box with a dent
    '-fill', '#0a84ff', '-draw', 'roundrectangle 330,420 1110,1380 40,40',
    '-fill', '#c8a165', '-draw', 'rectangle 380,470 1060,1180',
    '-fill', '#a57f45', '-draw', 'polygon 380,470 560,470 470,640',
    '-fill', '#8a6a38', '-draw', 'rectangle 380,800 1060,840',
    '-fill', '#ffffff', '-pointsize', '44', '-annotate', '+380+1270', 'The parcel arrived like this.',
    '-annotate', '+380+1330', 'The lamp inside is broken.',
    // agent bubble
    '-fill', '#e5e5ea', '-draw', 'roundrectangle 60,1460 860,1660 40,40',
    '-fill', '#000000', '-annotate', '+110+1545', 'Sorry to hear that! Could you', '-annotate', '+110+1605', 'send the original photo?',
    // input bar
    '-fill', '#ffffff', '-draw', 'rectangle 0,2330 1170,2532',
    '-fill', '#8e8e93', '-annotate', '+90+2440', 'Message',
    '-strip', '-define', 'png:exclude-chunks=date,time', '-define', 'png:compression-level=9',
    file,
  ]);
}

writeFixtures();
writeScreenshotSample();
console.log(`Fixtures written to ${OUT}; screenshot sample written to ${SAMPLES}`);
