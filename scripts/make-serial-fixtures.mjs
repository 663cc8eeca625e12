#!/usr/bin/env node
/**
 * Generates tests/fixtures/serial/*.jpg: photo-like pictures of a product label with a printed
 * serial number, for the OCR serial check. Each picture is an HTML page (a seeded, noisy
 * "cardboard and table" background drawn on a canvas, a white label with model name, serial
 * number and barcode-like bars, a light noise layer over everything) rendered by Debian's
 * Chromium through Playwright and saved as a JPEG screenshot. Deterministic: the same seed gives
 * the same background.
 *
 *   node scripts/make-serial-fixtures.mjs            # writes tests/fixtures/serial/
 *   node scripts/make-serial-fixtures.mjs --large DIR  # also a 4000×3000 (12 MP) picture into DIR (timing only, not committed)
 */
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'tests', 'fixtures', 'serial');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The serial number printed on every label (the tests expect this value). */
export const SERIAL = 'CLA-4821-7730-QZ';

/**
 * The variants: size of the picture, JPEG quality, and the label's placement.
 * `scale` sizes the label (1 = serial glyphs about 30 px high), `transform` tilts it.
 */
const VARIANTS = [
  { file: 'serial-clean.jpg', width: 1280, height: 960, quality: 90, seed: 11, label: { x: 330, y: 250, scale: 1 } },
  {
    file: 'serial-rotated.jpg',
    width: 1280,
    height: 960,
    quality: 88,
    seed: 23,
    label: { x: 300, y: 260, scale: 1, transform: 'perspective(900px) rotateY(16deg) rotateX(6deg) rotateZ(-6deg)' },
  },
  { file: 'serial-q75.jpg', width: 1280, height: 960, quality: 75, seed: 37, label: { x: 420, y: 320, scale: 0.9 } },
  { file: 'serial-small.jpg', width: 1600, height: 1200, quality: 85, seed: 41, label: { x: 900, y: 640, scale: 0.5 } },
  { file: 'no-label.jpg', width: 1280, height: 960, quality: 85, seed: 53, label: null },
];

function page({ width, height, seed, label }) {
  const labelHtml = label
    ? `<div class="label" style="left:${label.x}px;top:${label.y}px;transform:${label.transform ?? ''} scale(${label.scale});">
        <div class="brand">ProWerk</div>
        <div class="row">Model: PD-4500 Cordless Drill</div>
        <div class="row small">18V DC 2.0Ah &middot; Made in Germany</div>
        <div class="bars" id="bars"></div>
        <div class="serial">S/N: ${SERIAL}</div>
      </div>`
    : `<div class="sticker" style="left:520px;top:380px;">FRAGILE</div>`;
  return `<!doctype html><html><head><style>
    html,body{margin:0;padding:0;overflow:hidden;width:${width}px;height:${height}px;background:#000}
    canvas{position:absolute;left:0;top:0}
    .label{position:absolute;transform-origin:0 0;width:560px;padding:22px 28px;background:#f7f6f1;border-radius:6px;
      box-shadow:4px 6px 14px rgba(0,0,0,.45);font-family:'DejaVu Sans',Arial,sans-serif;color:#161616}
    .brand{font-weight:bold;font-size:30px;letter-spacing:1px}
    .row{font-size:22px;margin-top:6px}.small{font-size:16px;color:#333}
    .bars{display:flex;height:70px;margin:14px 0 8px;gap:0}
    .bars i{display:block;background:#111;height:100%}
    .serial{font-family:'DejaVu Sans Mono',monospace;font-size:34px;font-weight:bold;letter-spacing:1px}
    .sticker{position:absolute;padding:14px 30px;background:#d33;color:#fff;font:bold 44px 'DejaVu Sans',Arial;transform:rotate(-4deg)}
  </style></head><body>
  <canvas id="bg" width="${width}" height="${height}"></canvas>
  ${labelHtml}
  <canvas id="grain" width="${width}" height="${height}" style="opacity:.18"></canvas>
  <script>
    let s = ${seed};
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const bg = document.getElementById('bg').getContext('2d');
    const W = ${width}, H = ${height};
    // A table top, a cardboard box, soft light.
    const table = bg.createLinearGradient(0, 0, W, H);
    table.addColorStop(0, '#6b4f36'); table.addColorStop(1, '#3d2b1c');
    bg.fillStyle = table; bg.fillRect(0, 0, W, H);
    for (let i = 0; i < 60; i++) { bg.strokeStyle = 'rgba(30,18,8,' + (0.05 + rnd() * 0.1) + ')'; bg.lineWidth = 1 + rnd() * 3;
      bg.beginPath(); const y = rnd() * H; bg.moveTo(0, y); bg.bezierCurveTo(W / 3, y + rnd() * 40 - 20, 2 * W / 3, y + rnd() * 40 - 20, W, y + rnd() * 30 - 15); bg.stroke(); }
    bg.fillStyle = '#b88b57'; bg.beginPath(); bg.moveTo(W * 0.12, H * 0.1); bg.lineTo(W * 0.9, H * 0.14); bg.lineTo(W * 0.86, H * 0.92); bg.lineTo(W * 0.1, H * 0.88); bg.closePath(); bg.fill();
    bg.fillStyle = 'rgba(120,85,45,.5)'; bg.fillRect(W * 0.12, H * 0.47, W * 0.76, H * 0.05);
    for (let i = 0; i < 25; i++) { bg.fillStyle = 'rgba(' + (90 + rnd() * 60) + ',' + (60 + rnd() * 40) + ',30,' + (0.05 + rnd() * 0.12) + ')';
      bg.beginPath(); bg.ellipse(rnd() * W, rnd() * H, 20 + rnd() * 120, 10 + rnd() * 60, rnd() * 3, 0, 7); bg.fill(); }
    const light = bg.createRadialGradient(W * 0.35, H * 0.3, 50, W * 0.5, H * 0.5, W * 0.8);
    light.addColorStop(0, 'rgba(255,245,220,.18)'); light.addColorStop(1, 'rgba(0,0,0,.35)');
    bg.fillStyle = light; bg.fillRect(0, 0, W, H);
    // Sensor-like grain over everything, label included.
    const g = document.getElementById('grain').getContext('2d');
    const img = g.createImageData(W, H);
    for (let i = 0; i < img.data.length; i += 4) { const v = 128 + (rnd() - 0.5) * 120; img.data[i] = v; img.data[i + 1] = v; img.data[i + 2] = v; img.data[i + 3] = 255; }
    g.putImageData(img, 0, 0);
    document.getElementById('grain').style.mixBlendMode = 'overlay';
    const bars = document.getElementById('bars');
    if (bars) for (let i = 0; i < 64; i++) { const b = document.createElement('i'); b.style.width = (1 + Math.floor(rnd() * 4)) + 'px';
      b.style.marginRight = (1 + Math.floor(rnd() * 4)) + 'px'; bars.append(b); }
  </script></body></html>`;
}

async function main() {
  const args = process.argv.slice(2);
  const largeAt = args.indexOf('--large');
  const variants = [...VARIANTS];
  if (largeAt >= 0) {
    const dir = args[largeAt + 1];
    if (!dir) throw new Error('--large needs a folder');
    variants.push({ file: join(dir, 'serial-12mp.jpg'), width: 4000, height: 3000, quality: 90, seed: 61, label: { x: 1300, y: 1000, scale: 2.4 } });
  }
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    for (const v of variants) {
      const p = await browser.newPage({ viewport: { width: v.width, height: v.height }, deviceScaleFactor: 1 });
      await p.setContent(page(v));
      await p.waitForTimeout(100);
      const jpeg = await p.screenshot({ type: 'jpeg', quality: v.quality, fullPage: false });
      await p.close();
      const path = v.file.startsWith('/') ? v.file : join(OUT, v.file);
      writeFileSync(path, jpeg);
      console.log(`${path}: ${v.width}×${v.height}, q${v.quality}, ${jpeg.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

await main();
