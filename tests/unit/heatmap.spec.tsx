// @vitest-environment happy-dom
/**
 * components/Heatmap.tsx: the heat map view renders a labelled canvas, a keyboard-operable
 * opacity slider whose value and aria-valuetext follow changes, a legend with the lowest and
 * highest values as text, and renders every text from the evidence as text (never HTML);
 * the spectrum view and the EvidenceVisual switch.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidenceVisual, HeatmapView, SpectrumView, heatColour, HEAT_STOPS } from '../../components/Heatmap';
import type { Heatmap, Spectrum } from '../../lib/engine/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOSTILE = '<img src=x onerror="alert(1)"> error per area';

const map: Heatmap = {
  kind: 'heatmap',
  width: 4,
  height: 4,
  values: Array.from({ length: 16 }, (_, i) => i * 0.25 + 0.5),
  min: 0.5,
  max: 4.25,
  label: HOSTILE,
};

const spectrum: Spectrum = { kind: 'spectrum', size: 4, values: Array.from({ length: 16 }, (_, i) => i), label: 'Spectrum <b>label</b>' };

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(node: React.ReactNode) {
  act(() => root.render(node));
}

function setRange(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('HeatmapView', () => {
  it('renders a labelled canvas, the legend with min and max, and data as text', () => {
    render(<HeatmapView map={map} imageUrl="data:image/png;base64,iVBORw0KGgo=" width={200} />);
    const canvas = container.querySelector('canvas')!;
    expect(canvas).not.toBeNull();
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toContain(HOSTILE);
    expect(canvas.getAttribute('aria-label')).toContain('0.5');
    expect(canvas.getAttribute('width')).toBe('200');
    expect(container.querySelector('.heat-min')!.textContent).toContain('0.5');
    expect(container.querySelector('.heat-max')!.textContent).toContain('4.25');
    expect(container.querySelector('figcaption')!.textContent).toBe(HOSTILE);
    expect(container.querySelector('figure img')).toBeNull();
  });

  it('the opacity slider is a labelled native range input and changes the opacity', () => {
    render(<HeatmapView map={map} initialOpacity={0.6} />);
    const slider = container.querySelector<HTMLInputElement>('input[type="range"]')!;
    expect(slider).not.toBeNull();
    const label = container.querySelector(`label[for="${slider.id}"]`);
    expect(label?.textContent).toBe('Map opacity');
    expect(slider.tabIndex).not.toBe(-1);
    expect(slider.value).toBe('60');
    expect(slider.getAttribute('aria-valuetext')).toBe('60%');
    setRange(slider, '25');
    expect(slider.value).toBe('25');
    expect(slider.getAttribute('aria-valuetext')).toBe('25%');
    expect(container.querySelector('output')!.textContent).toBe('25%');
  });

  it('follows the aspect ratio it is given while there is no thumbnail', () => {
    render(<HeatmapView map={map} width={300} aspect={1.5} />);
    expect(container.querySelector('canvas')!.getAttribute('height')).toBe('200');
  });
});

describe('SpectrumView and EvidenceVisual', () => {
  it('renders the spectrum with its label as text', () => {
    render(<SpectrumView spectrum={spectrum} />);
    expect(container.querySelector('canvas')!.getAttribute('aria-label')).toContain('Spectrum <b>label</b>');
    expect(container.querySelector('figcaption')!.textContent).toBe('Spectrum <b>label</b>');
    expect(container.querySelector('b')).toBeNull();
  });

  it('picks the view by kind', () => {
    render(<EvidenceVisual visual={spectrum} />);
    expect(container.querySelector('figure.spectrum')).not.toBeNull();
    render(<EvidenceVisual visual={map} />);
    expect(container.querySelector('figure.heatmap')).not.toBeNull();
  });
});

describe('heatColour', () => {
  it('runs from the first to the last stop and clamps', () => {
    expect(heatColour(0)).toEqual([...HEAT_STOPS[0]]);
    expect(heatColour(1)).toEqual([...HEAT_STOPS[HEAT_STOPS.length - 1]]);
    expect(heatColour(-3)).toEqual([...HEAT_STOPS[0]]);
    expect(heatColour(Number.NaN)).toEqual([...HEAT_STOPS[0]]);
  });
});
