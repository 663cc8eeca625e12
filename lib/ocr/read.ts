/**
 * Reads the text in a picture with PaddleOCR's PP-OCRv4 models: the DB detector on a copy
 * of the picture at a bounded working resolution (longer side DETECTION_LONG_SIDE, whatever
 * the photo's size), then the CTC recogniser on each text box, cut straight (rectified) out
 * of the full-resolution picture at the recogniser's 48-pixel line height. The work is
 * bounded: one detector run, at most `maxLines` recogniser runs of at most MAX_LINE_WIDTH
 * pixels each, and a deadline after which the lines not yet read are left out.
 */
import type { OcrModels, Pixels } from '../engine/host';
import { ctcGreedyDecode } from './ctc';
import { boxesFromProbabilityMap, detectionInput, type Point, type TextBox } from './detect';

/** Longer side of the detector's input (PaddleOCR's default limit): about 0.7 MP whatever the photo's size. */
export const DETECTION_LONG_SIDE = 960;
/** The recogniser's line height. */
const LINE_HEIGHT = 48;
/** Narrowest recogniser input; shorter lines are padded (PaddleOCR's 320 for a 48-px line). */
const MIN_LINE_WIDTH = 320;
/** Widest recogniser input; longer boxes are squeezed to it. */
const MAX_LINE_WIDTH = 1600;
/** A line read with less confidence is tried upside down too. */
const RETRY_BELOW = 0.6;

export interface OcrLine {
  text: string;
  /** Mean character probability, 0..1. */
  confidence: number;
  /** Corners in picture pixels, clockwise from the top-left in reading direction. */
  box: [Point, Point, Point, Point];
}

export interface OcrResult {
  lines: OcrLine[];
  /** Text boxes the detector found (lines read may be fewer: limit or deadline). */
  boxesFound: number;
  /** True when the deadline stopped reading before every box was read. */
  partial: boolean;
  detectionSize: { width: number; height: number };
  detectMs: number;
  recognizeMs: number;
}

export interface ReadOptions {
  /** Most lines recognised (largest boxes first). */
  maxLines?: number;
  /** performance.now() value after which no further line is started. */
  deadline?: number;
  /** Lines with lower confidence are left out of the result. */
  minConfidence?: number;
  detectionLongSide?: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Text lines in `pixels`, in reading order (top to bottom, then left to right). */
export async function readText(pixels: Pixels, models: OcrModels, options: ReadOptions = {}): Promise<OcrResult> {
  const maxLines = options.maxLines ?? 40;
  const minConfidence = options.minConfidence ?? 0.5;
  const started = performance.now();
  const det = detectionInput(pixels, options.detectionLongSide ?? DETECTION_LONG_SIDE);
  const out = await models.detection.run({ x: { data: det.data, dims: [1, 3, det.height, det.width] } });
  const map = Object.values(out)[0];
  if (!map || map.dims.length !== 4) throw new Error('The text detector returned no probability map');
  const [mapH, mapW] = [map.dims[2], map.dims[3]];
  const boxes = boxesFromProbabilityMap(map.data, mapW, mapH)
    .map((b) => toPicture(b, det.scaleX * (det.width / mapW), det.scaleY * (det.height / mapH)))
    .filter((b) => sideLengths(b.points).height >= 4);
  const detectMs = performance.now() - started;

  // The largest boxes first, so a deadline or the line limit drops the smallest text.
  const chosen = [...boxes].sort((a, b) => area(b.points) - area(a.points)).slice(0, maxLines);
  const lines: OcrLine[] = [];
  let partial = chosen.length < boxes.length;
  const recStarted = performance.now();
  for (const box of chosen) {
    if (options.deadline !== undefined && performance.now() > options.deadline) {
      partial = true;
      break;
    }
    const line = await recognise(pixels, box, models);
    if (line && line.text.trim() && line.confidence >= minConfidence) lines.push(line);
  }
  const recognizeMs = performance.now() - recStarted;
  lines.sort((a, b) => centre(a.box)[1] - centre(b.box)[1] || centre(a.box)[0] - centre(b.box)[0]);
  return {
    lines,
    boxesFound: boxes.length,
    partial,
    detectionSize: { width: det.width, height: det.height },
    detectMs: round2(detectMs),
    recognizeMs: round2(recognizeMs),
  };
}

/** Reads one box, turned as needed: vertical boxes both ways, faint readings upside down too. */
async function recognise(pixels: Pixels, box: TextBox, models: OcrModels): Promise<OcrLine | undefined> {
  const [p0, p1, p2, p3] = box.points;
  const { width, height } = sideLengths(box.points);
  const forward: Quad = { points: [p0, p1, p2, p3] };
  const reversed: Quad = { points: [p2, p3, p0, p1] };
  // Text running up or down the picture (a photo taken sideways) can be read either way round.
  const steep = Math.abs(p1[1] - p0[1]) > Math.abs(p1[0] - p0[0]);
  const vertical = steep || height > 1.5 * width;
  let best: OcrLine | undefined;
  for (const quad of vertical ? [forward, reversed] : [forward]) {
    const line = await readQuad(pixels, quad, models);
    if (!best || line.confidence > best.confidence) best = line;
  }
  if (!vertical && best && best.confidence < RETRY_BELOW) {
    const turned = await readQuad(pixels, reversed, models);
    if (turned.confidence > best.confidence) best = turned;
  }
  return best;
}

interface Quad {
  points: [Point, Point, Point, Point];
}

/**
 * One recogniser run on the quad's content. For boxes taller than wide, the text runs along
 * the long side: the quad is read with its long side as the line.
 */
async function readQuad(pixels: Pixels, quad: Quad, models: OcrModels): Promise<OcrLine> {
  let [p0, p1, p2, p3] = quad.points;
  if (dist(p0, p3) > 1.5 * dist(p0, p1)) [p0, p1, p2, p3] = [p3, p0, p1, p2];
  const input = lineInput(pixels, p0, p1, p3);
  const out = await models.recognition.run({ x: { data: input.data, dims: [1, 3, LINE_HEIGHT, input.width] } });
  const probs = Object.values(out)[0];
  if (!probs || probs.dims.length !== 3) throw new Error('The text recogniser returned no sequence');
  const decoded = ctcGreedyDecode(probs.data, probs.dims[1], probs.dims[2], models.dictionary);
  return { text: decoded.text, confidence: Math.round(decoded.confidence * 1000) / 1000, box: quad.points.map(roundPoint) as OcrLine['box'] };
}

/**
 * The recogniser's input for the parallelogram with corner `o`, text direction o→a and line
 * height o→b: sampled straight from the full-resolution picture (bilinear, with up to 4×4
 * samples per output pixel when shrinking), planar B, G, R scaled to −1..1, padded on the right
 * to at least MIN_LINE_WIDTH.
 */
export function lineInput(src: Pixels, o: Point, a: Point, b: Point): { data: Float32Array; width: number } {
  const along: Point = [a[0] - o[0], a[1] - o[1]];
  const across: Point = [b[0] - o[0], b[1] - o[1]];
  const textW = Math.hypot(along[0], along[1]);
  const textH = Math.max(1, Math.hypot(across[0], across[1]));
  const contentW = Math.max(8, Math.min(MAX_LINE_WIDTH, Math.ceil((LINE_HEIGHT * textW) / textH)));
  const width = Math.max(MIN_LINE_WIDTH, contentW);
  const plane = LINE_HEIGHT * width;
  const data = new Float32Array(3 * plane); // zeros: PaddleOCR's padding
  const samples = Math.max(1, Math.min(4, Math.ceil(textH / LINE_HEIGHT), Math.ceil(textW / contentW)));
  const rgb = [0, 0, 0];
  for (let y = 0; y < LINE_HEIGHT; y++) {
    for (let x = 0; x < contentW; x++) {
      let r = 0, g = 0, bl = 0;
      for (let sy = 0; sy < samples; sy++) {
        const v = (y + (sy + 0.5) / samples) / LINE_HEIGHT;
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / contentW;
          bilinear(src, o[0] + u * along[0] + v * across[0], o[1] + u * along[1] + v * across[1], rgb);
          r += rgb[0];
          g += rgb[1];
          bl += rgb[2];
        }
      }
      const n = samples * samples * 255;
      const i = y * width + x;
      data[i] = (bl / n - 0.5) / 0.5;
      data[plane + i] = (g / n - 0.5) / 0.5;
      data[2 * plane + i] = (r / n - 0.5) / 0.5;
    }
  }
  return { data, width };
}

/** RGB at a sub-pixel position (pixel centres at +0.5), edges clamped. */
function bilinear(src: Pixels, x: number, y: number, out: number[]): void {
  const fx = Math.min(Math.max(x - 0.5, 0), src.width - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), src.height - 1);
  const x0 = Math.floor(fx), y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, src.width - 1), y1 = Math.min(y0 + 1, src.height - 1);
  const tx = fx - x0, ty = fy - y0;
  const d = src.data;
  const i00 = (y0 * src.width + x0) * 4, i10 = (y0 * src.width + x1) * 4;
  const i01 = (y1 * src.width + x0) * 4, i11 = (y1 * src.width + x1) * 4;
  for (let c = 0; c < 3; c++) {
    const top = d[i00 + c] + (d[i10 + c] - d[i00 + c]) * tx;
    const bottom = d[i01 + c] + (d[i11 + c] - d[i01 + c]) * tx;
    out[c] = top + (bottom - top) * ty;
  }
}

function toPicture(box: TextBox, sx: number, sy: number): TextBox {
  return { score: box.score, points: box.points.map(([x, y]) => [x * sx, y * sy] as Point) as TextBox['points'] };
}

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const roundPoint = ([x, y]: Point): Point => [Math.round(x), Math.round(y)];
const centre = (pts: readonly Point[]): Point => [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];

function sideLengths(pts: readonly Point[]): { width: number; height: number } {
  return { width: dist(pts[0], pts[1]), height: dist(pts[0], pts[3]) };
}

function area(pts: readonly Point[]): number {
  const { width, height } = sideLengths(pts);
  return width * height;
}
