/**
 * The one list of detectors the engine runs, in order. Adding a signal is adding a module
 * under lib/detectors/ and a line here.
 */
import type { Detector } from './detector';
import { generatorMetadata } from '../detectors/provenance/generator';
import { iptcSourceType } from '../detectors/provenance/iptc';
import { invisibleWatermark } from '../detectors/provenance/watermark';
import { c2paProvenance } from '../detectors/provenance/c2pa';
import { cameraMetadata } from '../detectors/metadata/camera';
import { dimensions } from '../detectors/metadata/dimensions';
import { jpegDetector } from '../detectors/metadata/jpeg';
import { editHistory } from '../detectors/metadata/edit-history';
import { thumbnail } from '../detectors/metadata/thumbnail';
import { errorLevel } from '../detectors/pixels/ela';
import { noiseConsistency } from '../detectors/pixels/noise';
import { spectralFingerprint } from '../detectors/pixels/spectrum';
import { claimTimeline } from '../detectors/claim/timeline';
import { claimHistory } from '../detectors/claim/history';
import { serialOnPhoto } from '../detectors/claim/serial';
import { seenBefore } from '../detectors/reuse/seen-before';
import { knownBad } from '../detectors/reuse/known-bad';
import { yaraRules } from '../detectors/rules/yara';
import { nprModel } from '../detectors/model/npr';

export const DETECTORS: readonly Detector[] = [
  c2paProvenance,
  generatorMetadata,
  iptcSourceType,
  invisibleWatermark,
  cameraMetadata,
  dimensions,
  jpegDetector,
  editHistory,
  thumbnail,
  errorLevel,
  noiseConsistency,
  spectralFingerprint,
  nprModel,
  claimTimeline,
  serialOnPhoto,
  knownBad,
  seenBefore,
  claimHistory,
  yaraRules,
];

