/**
 * Test tooling: embeds the invisible-watermark 'dwtDct' mark the way Stable Diffusion's
 * scripts do (imwatermark EmbedMaxDct.encode with its defaults), so the detector can be
 * tested without shipping generated images.
 *
 * Steps, as in the library:
 * - BGR → YUV with OpenCV's 8-bit fixed-point formula; every pixel makes this byte round trip.
 * - On the top-left region cropped to a multiple of 4: one-level Haar DWT of U (in pywt's own
 *   float64 steps, so argmax ties and rounding come out the same); in each 4×4
 *   block of LL (row-major, block k carries bit k mod n) the largest-magnitude coefficient
 *   except index 0 becomes (⌊|c|/36⌋ + 0.25 + 0.5·bit)·36, sign kept.
 * - Inverse Haar with the horizontal and vertical detail bands swapped (the library passes
 *   (cA, (cV, cH, cD)) to idwt2, which transposes every 2×2 pixel block of U; LL is unaffected),
 *   truncation to a byte as numpy's assignment into the uint8 array does (clamped here instead
 *   of wrapping), then YUV → BGR with OpenCV's fixed-point formula, saturated to 0-255.
 * Output matched OpenCV 4.6 + PyWavelets 1.1 running the library's steps byte for byte on the
 * test images.
 * `order` 'rgb' reproduces encoders that hand RGB arrays to the library as if they were BGR.
 * Not used by the extension or the CLI.
 */
import type { Pixels } from '../../lib/engine/host';
import type { ChannelOrder } from '../../lib/detectors/provenance/watermark';

const SCALE = 36;
const BLOCK = 4;
const SHIFT = 14;
const HALF = 1 << (SHIFT - 1);
const BIAS = (128 << SHIFT) + HALF;
// OpenCV color_yuv constants (BT.601, ·2^14).
const R2Y = 4899;
const G2Y = 9617;
const B2Y = 1868;
const B2UI = 8061;
const R2VI = 14369;
const U2BI = 33292;
const U2GI = -6472;
const V2GI = -9519;
const V2RI = 18678;

const sat = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);
/** pywt's Haar filter pair on two samples, with its tap 1/√2 as a double. */
const TAP = Math.SQRT1_2;
const lo = (p: number, q: number): number => p * TAP + q * TAP;
const hi = (p: number, q: number): number => p * TAP - q * TAP;
/** numpy's float → uint8 assignment truncates; out-of-range values are clamped here, not wrapped. */
const toByte = (v: number): number => sat(Math.trunc(v));

/** Returns a watermarked copy of `src`; `bits` are 0/1 values, most significant bit first. */
export function embedWatermark(src: Pixels, bits: ArrayLike<number>, order: ChannelOrder = 'bgr'): Pixels {
  const { width, height } = src;
  const n = width * height;
  const data = new Uint8ClampedArray(src.data);
  // Channel offsets in RGBA of what the library takes for blue and red.
  const bOff = order === 'bgr' ? 2 : 0;
  const rOff = order === 'bgr' ? 0 : 2;

  const Y = new Uint8Array(n);
  const U = new Uint8Array(n);
  const V = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const b = data[p + bOff];
    const g = data[p + 1];
    const r = data[p + rOff];
    const y = (b * B2Y + g * G2Y + r * R2Y + HALF) >> SHIFT;
    Y[i] = y;
    U[i] = sat(((b - y) * B2UI + BIAS) >> SHIFT);
    V[i] = sat(((r - y) * R2VI + BIAS) >> SHIFT);
  }

  const h4 = (height >> 2) << 2;
  const w4 = (width >> 2) << 2;
  const llW = w4 >> 1;
  const llH = h4 >> 1;
  const A = new Float64Array(llW * llH);
  const H = new Float64Array(llW * llH);
  const Vd = new Float64Array(llW * llH);
  const D = new Float64Array(llW * llH);
  // pywt.dwt2(…, 'haar') in its own float64 steps: along columns (a with c, b with d), then rows.
  for (let y = 0; y < llH; y++) {
    for (let x = 0; x < llW; x++) {
      const i0 = 2 * y * width + 2 * x;
      const a = U[i0];
      const b = U[i0 + 1];
      const c = U[i0 + width];
      const d = U[i0 + width + 1];
      const k = y * llW + x;
      A[k] = lo(lo(a, c), lo(b, d));
      H[k] = lo(hi(a, c), hi(b, d));
      Vd[k] = hi(lo(a, c), lo(b, d));
      D[k] = hi(hi(a, c), hi(b, d));
    }
  }

  let num = 0;
  for (let by = 0; by < Math.floor(llH / BLOCK); by++) {
    for (let bx = 0; bx < Math.floor(llW / BLOCK); bx++) {
      const bit = bits[num % bits.length] ? 1 : 0;
      num++;
      let pos = 1;
      let best = -1;
      for (let idx = 1; idx < BLOCK * BLOCK; idx++) {
        const v = Math.abs(A[(by * BLOCK + (idx >> 2)) * llW + bx * BLOCK + (idx & 3)]);
        if (v > best) {
          best = v;
          pos = idx;
        }
      }
      const k = (by * BLOCK + (pos >> 2)) * llW + bx * BLOCK + (pos & 3);
      const val = A[k];
      const target = (Math.floor(Math.abs(val) / SCALE) + 0.25 + 0.5 * bit) * SCALE;
      A[k] = val >= 0 ? target : -target;
    }
  }

  // pywt.idwt2((A, (V, H, D)), 'haar'): the library swaps the H and V bands; rows first, then columns.
  for (let y = 0; y < llH; y++) {
    for (let x = 0; x < llW; x++) {
      const k = y * llW + x;
      const hSlot = Vd[k];
      const vSlot = H[k];
      const l0 = lo(A[k], vSlot);
      const l1 = hi(A[k], vSlot);
      const m0 = lo(hSlot, D[k]);
      const m1 = hi(hSlot, D[k]);
      const i0 = 2 * y * width + 2 * x;
      U[i0] = toByte(lo(l0, m0));
      U[i0 + width] = toByte(hi(l0, m0));
      U[i0 + 1] = toByte(lo(l1, m1));
      U[i0 + width + 1] = toByte(hi(l1, m1));
    }
  }

  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const y = Y[i];
    const u = U[i] - 128;
    const v = V[i] - 128;
    data[p + bOff] = sat(y + ((u * U2BI + HALF) >> SHIFT));
    data[p + 1] = sat(y + ((v * V2GI + u * U2GI + HALF) >> SHIFT));
    data[p + rOff] = sat(y + ((v * V2RI + HALF) >> SHIFT));
  }
  return { width, height, data };
}

/** Small seeded PRNG (mulberry32), so test images are the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Smooth random texture: a grid of random values every `cell` pixels, bilinearly interpolated. */
function valueNoise(width: number, height: number, cell: number, rand: () => number): Float32Array {
  const gw = Math.ceil(width / cell) + 2;
  const gh = Math.ceil(height / cell) + 2;
  const grid = Float32Array.from({ length: gw * gh }, () => rand() * 2 - 1);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const gy = y / cell;
    const y0 = Math.floor(gy);
    const fy = gy - y0;
    for (let x = 0; x < width; x++) {
      const gx = x / cell;
      const x0 = Math.floor(gx);
      const fx = gx - x0;
      const top = grid[y0 * gw + x0] * (1 - fx) + grid[y0 * gw + x0 + 1] * fx;
      const bottom = grid[(y0 + 1) * gw + x0] * (1 - fx) + grid[(y0 + 1) * gw + x0 + 1] * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/**
 * A photo-like test image from a seed: smooth colour gradients, a few soft-edged objects of
 * other colours, surface texture (value noise at two scales, tinted per channel) and
 * sensor-like per-pixel noise.
 */
export function naturalTestImage(width: number, height: number, seed: number, texture = 1): Pixels {
  const rand = seededRandom(seed);
  const gauss = (): number => (rand() + rand() + rand() + rand() - 2) * 1.732;
  const waves = [0, 1, 2].map(() =>
    Array.from({ length: 4 }, () => ({
      fx: (rand() * 3 * Math.PI) / width,
      fy: (rand() * 3 * Math.PI) / height,
      phase: rand() * 2 * Math.PI,
      amp: 10 + rand() * 25,
    })),
  );
  const base = [0, 1, 2].map(() => 70 + rand() * 110);
  const blobs = Array.from({ length: 6 }, () => ({
    cx: rand() * width,
    cy: rand() * height,
    rx: (0.08 + rand() * 0.2) * width,
    ry: (0.08 + rand() * 0.2) * height,
    colour: [rand() * 255, rand() * 255, rand() * 255],
    soft: 0.15 + rand() * 0.3,
  }));
  const coarse = valueNoise(width, height, 24, rand);
  const fine = [valueNoise(width, height, 5, rand), valueNoise(width, height, 7, rand), valueNoise(width, height, 6, rand)];
  const tint = [0, 1, 2].map(() => 0.5 + rand());
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const rgb = [0, 1, 2].map((c) => waves[c].reduce((s, w) => s + w.amp * Math.sin(w.fx * x + w.fy * y + w.phase), base[c]));
      for (const b of blobs) {
        const d = Math.hypot((x - b.cx) / b.rx, (y - b.cy) / b.ry);
        const inside = Math.min(1, Math.max(0, (1 - d) / b.soft));
        if (inside > 0) for (let c = 0; c < 3; c++) rgb[c] = rgb[c] * (1 - inside) + b.colour[c] * inside;
      }
      const luma = gauss() * 3 + coarse[i] * 12 * texture;
      const p = i * 4;
      for (let c = 0; c < 3; c++) data[p + c] = Math.round(rgb[c] + luma + fine[c][i] * 14 * tint[c] * texture + gauss() * 1.5);
      data[p + 3] = 255;
    }
  }
  return { width, height, data };
}

/**
 * A test image made with integer arithmetic only (random colours on a 16-pixel grid, blended
 * bilinearly, plus noise), so its pixels are identical on every platform and Node version:
 * the reference readings recorded from the Python library stay valid.
 */
export function integerTestImage(width: number, height: number, seed: number): Pixels {
  const rand = seededRandom(seed);
  const cell = 16;
  const gw = Math.floor(width / cell) + 2;
  const gh = Math.floor(height / cell) + 2;
  const grid = Uint8Array.from({ length: gw * gh * 3 }, () => Math.floor(rand() * 256));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const gy = Math.floor(y / cell);
    const fy = y % cell;
    for (let x = 0; x < width; x++) {
      const gx = Math.floor(x / cell);
      const fx = x % cell;
      const p = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const at = (ix: number, iy: number): number => grid[(iy * gw + ix) * 3 + c];
        const v =
          at(gx, gy) * (cell - fx) * (cell - fy) +
          at(gx + 1, gy) * fx * (cell - fy) +
          at(gx, gy + 1) * (cell - fx) * fy +
          at(gx + 1, gy + 1) * fx * fy;
        data[p + c] = (v >> 8) + Math.floor(rand() * 9) - 4;
      }
      data[p + 3] = 255;
    }
  }
  return { width, height, data };
}
