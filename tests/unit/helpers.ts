/** Shared helpers of the unit tests: fixture paths and bytes, and running one detector on a file. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Detector, Finding } from '../../lib/engine/detector';
import type { EngineHost } from '../../lib/engine/host';
import { nodeHost } from '../../lib/engine/host-node';
import { createInput, type AnalysisInput, type Metadata } from '../../lib/engine/inputs';
import { sniffFormat, type FormatInfo } from '../../lib/engine/format';
import type { PngTextChunk } from '../../lib/engine/png-text';
import type { ClaimContext } from '../../lib/engine/types';
import { DEFAULT_CLAIM_POLICY } from '../../lib/settings/defaults';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'images');
export const SAMPLES = join(ROOT, 'samples');

export const fixturePath = (name: string): string => join(FIXTURES, name);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

/** Runs one detector on a fixture file, through the same shared inputs the engine builds. */
export async function runDetector(detector: Detector, name: string, context: ClaimContext = {}, host: EngineHost = nodeHost): Promise<Finding[]> {
  const bytes = fixture(name);
  return detector.run(createInput(bytes, context, sniffFormat(bytes), host));
}

export const ids = (findings: readonly { id: string }[]): string[] => findings.map((f) => f.id);

/** An AnalysisInput built from parts, for detector edge cases no fixture file needs to carry. */
export function fakeInput(parts: {
  info?: Partial<FormatInfo>;
  pngText?: PngTextChunk[];
  metadata?: Metadata;
  xmpPacket?: string;
  context?: ClaimContext;
}): AnalysisInput {
  const fail = async (): Promise<never> => {
    throw new Error('pixels are not available in this test');
  };
  return {
    bytes: new Uint8Array(0),
    context: parts.context ?? {},
    info: { format: 'png', width: 60, height: 40, ...parts.info },
    host: nodeHost,
    stageTimings: {},
    policy: DEFAULT_CLAIM_POLICY,
    knownBad: [],
    metadataProblem: undefined,
    teamRules: '',
    pdq: fail,
    sha256: async () => '0'.repeat(64),
    metadata: async () => parts.metadata ?? {},
    xmpPacket: async () => parts.xmpPacket,
    pngText: async () => parts.pngText ?? [],
    pixels: fail,
    workingPixels: fail,
  };
}
