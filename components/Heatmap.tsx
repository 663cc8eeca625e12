/**
 * Views of an evidence item's `visual`: a Heatmap drawn over the claim image's thumbnail on a
 * canvas, with an opacity slider and a colour legend (lowest and highest value as text), and
 * a Spectrum drawn in grey levels. `EvidenceVisual` picks the view for either kind.
 *
 * Every text comes from the evidence or from VISUAL_TEXTS and is rendered as React text. The
 * colour scale (viridis stops) is ordered in lightness, so it reads in grey and for the common
 * colour-vision deficiencies. Without a 2D canvas context (tests, very old engines) the canvas
 * stays blank and the texts still describe the map.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Heatmap, Spectrum } from '@/lib/engine/types';

export const VISUAL_TEXTS = {
  opacity: 'Map opacity',
  low: 'Low',
  high: 'High',
  mapAlt: (label: string, min: string, max: string) => `${label}. Values from ${min} to ${max}; brighter areas are higher.`,
  spectrumAlt: (label: string) => `${label}.`,
  spectrumLegend: 'Dark = weak, bright = strong. The centre holds coarse detail, the edges the finest.',
} as const;

/** Viridis, five stops from low to high. */
export const HEAT_STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** Colour of a value in 0–1 on HEAT_STOPS. */
export function heatColour(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (HEAT_STOPS.length - 1);
  const i = Math.min(HEAT_STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = HEAT_STOPS[i];
  const b = HEAT_STOPS[i + 1];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

export const formatValue = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '—');

const LEGEND_GRADIENT = `linear-gradient(to right, ${HEAT_STOPS.map(([r, g, b]) => `rgb(${r} ${g} ${b})`).join(', ')})`;

function context2d(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  try {
    return canvas?.getContext('2d') ?? null;
  } catch {
    return null;
  }
}

export interface HeatmapViewProps {
  map: Heatmap;
  /** Thumbnail of the analysed image (data: or blob: URL), drawn under the map. */
  imageUrl?: string;
  /** Drawn width in CSS pixels; the height follows the thumbnail's aspect ratio (or `aspect`). */
  width?: number;
  /** Width ÷ height of the image, used until (or without) a thumbnail. */
  aspect?: number;
  /** Starting map opacity, 0–1. */
  initialOpacity?: number;
}

export function HeatmapView({ map, imageUrl, width = 320, aspect, initialOpacity = 0.6 }: HeatmapViewProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sliderId = useId();
  const [opacity, setOpacity] = useState(Math.round(Math.min(1, Math.max(0, initialOpacity)) * 100));
  const [image, setImage] = useState<HTMLImageElement | null>(null);

  useEffect(() => {
    setImage(null);
    if (!imageUrl) return;
    const img = new Image();
    let live = true;
    img.onload = () => {
      if (live) setImage(img);
    };
    img.src = imageUrl;
    return () => {
      live = false;
    };
  }, [imageUrl]);

  const ratio = image && image.naturalWidth && image.naturalHeight ? image.naturalWidth / image.naturalHeight : aspect && aspect > 0 ? aspect : map.width / map.height;
  const height = Math.max(1, Math.round(width / ratio));

  useEffect(() => {
    const ctx = context2d(canvasRef.current);
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    ctx.globalAlpha = 1;
    if (image) ctx.drawImage(image, 0, 0, width, height);
    ctx.globalAlpha = opacity / 100;
    const range = map.max - map.min || 1;
    for (let y = 0; y < map.height; y++) {
      const y0 = Math.round((y * height) / map.height);
      const y1 = Math.round(((y + 1) * height) / map.height);
      for (let x = 0; x < map.width; x++) {
        const x0 = Math.round((x * width) / map.width);
        const x1 = Math.round(((x + 1) * width) / map.width);
        const [r, g, b] = heatColour((map.values[y * map.width + x] - map.min) / range);
        ctx.fillStyle = `rgb(${r} ${g} ${b})`;
        ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
      }
    }
    ctx.globalAlpha = 1;
  }, [map, image, opacity, width, height]);

  const min = formatValue(map.min);
  const max = formatValue(map.max);
  return (
    <figure className="visual heatmap">
      <canvas ref={canvasRef} width={width} height={height} role="img" aria-label={VISUAL_TEXTS.mapAlt(map.label, min, max)} style={{ width, height, display: 'block' }} />
      <figcaption className="visual-label">{map.label}</figcaption>
      <div className="heat-legend">
        <span className="heat-min">
          <span className="sr-only">{VISUAL_TEXTS.low}: </span>
          {min}
        </span>
        <span className="heat-scale" aria-hidden="true" style={{ display: 'inline-block', width: 120, height: 10, margin: '0 6px', background: LEGEND_GRADIENT }} />
        <span className="heat-max">
          <span className="sr-only">{VISUAL_TEXTS.high}: </span>
          {max}
        </span>
      </div>
      <div className="heat-opacity">
        <label htmlFor={sliderId}>{VISUAL_TEXTS.opacity}</label>{' '}
        <input
          id={sliderId}
          type="range"
          min={0}
          max={100}
          step={5}
          value={opacity}
          aria-valuetext={`${opacity}%`}
          onChange={(e) => setOpacity(Number(e.currentTarget.value))}
        />{' '}
        <output htmlFor={sliderId}>{opacity}%</output>
      </div>
    </figure>
  );
}

export interface SpectrumViewProps {
  spectrum: Spectrum;
  /** Drawn side in CSS pixels. */
  size?: number;
}

export function SpectrumView({ spectrum, size = 160 }: SpectrumViewProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = context2d(canvasRef.current);
    if (!ctx) return;
    const n = spectrum.size;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of spectrum.values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo || 1;
    for (let y = 0; y < n; y++) {
      const y0 = Math.round((y * size) / n);
      const y1 = Math.round(((y + 1) * size) / n);
      for (let x = 0; x < n; x++) {
        const x0 = Math.round((x * size) / n);
        const x1 = Math.round(((x + 1) * size) / n);
        const v = spectrum.values[y * n + x];
        const g = Number.isFinite(v) ? Math.round((255 * (v - lo)) / range) : 0;
        ctx.fillStyle = `rgb(${g} ${g} ${g})`;
        ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
      }
    }
  }, [spectrum, size]);
  return (
    <figure className="visual spectrum">
      <canvas ref={canvasRef} width={size} height={size} role="img" aria-label={VISUAL_TEXTS.spectrumAlt(spectrum.label)} style={{ width: size, height: size, display: 'block' }} />
      <figcaption className="visual-label">{spectrum.label}</figcaption>
      <p className="visual-legend">{VISUAL_TEXTS.spectrumLegend}</p>
    </figure>
  );
}

/** The view for an evidence item's visual, whichever kind it is. */
export function EvidenceVisual({ visual, imageUrl, width }: { visual: Heatmap | Spectrum; imageUrl?: string; width?: number }) {
  return visual.kind === 'heatmap' ? <HeatmapView map={visual} imageUrl={imageUrl} width={width} /> : <SpectrumView spectrum={visual} size={width ? Math.min(width, 240) : undefined} />;
}
