/**
 * Builds lib/detectors/metadata/quant-catalogue.json: which JPEG quantisation tables (as
 * hashes of the luma+chroma tables, lib/detectors/metadata/jpeg.ts tablesHash) come from
 * which camera makes, which were seen only in AI/edited/stripped files, and which makes
 * never wrote standard IJG tables. Reads the labelled corpus:
 *
 *   npx tsx scripts/build-quant-catalogue.ts [../shared/corpus/manifest.csv]
 *
 * A camera file counts as unmodified ("native") when it names a make, its frame size agrees
 * with the EXIF pixel size (±16 px), it is baseline (not progressive), it has no Adobe APP14
 * segment and its Software/CreatorTool names no editor (edit-history.ts EDITORS). Standard
 * and near-standard IJG tables (jpeg.ts isGenericTables) are never catalogued: every library
 * and many hardware encoders write them, so they identify no maker.
 * A make is listed in ownTableMakes when at least MIN_FILES native files of it exist and none
 * uses standard tables.
 *
 * Files of the sources that `claimlens eval` holds out (cli/eval.ts HELD_OUT_SOURCES) are
 * left out, so the held-out numbers stay honest for the table signals too.
 *
 * Prints a leave-one-out check: for each native file, whether its tables would be called
 * "another maker's tables" if that file were not in the catalogue (the risk of
 * tables-mismatch-camera on a new photo of a model the corpus lacks).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import exifr from 'exifr';
import { findApp, frameLumaChroma, parseJpegStructure } from '../lib/engine/jpeg-structure';
import { estimateQuality, isGenericTables, normaliseMake, tablesHash, JPEG_PARAMS } from '../lib/detectors/metadata/jpeg';
import { findEditors } from '../lib/detectors/metadata/edit-history';
import { HELD_OUT_SOURCES } from '../cli/eval';

const MIN_FILES = 3;
const EXIFR_OPTIONS = { tiff: true, exif: true, xmp: true, mergeOutput: true, silentErrors: true };
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = resolve(process.argv[2] ?? join(root, '..', 'shared', 'corpus', 'manifest.csv'));
const OUT = join(root, 'lib', 'detectors', 'metadata', 'quant-catalogue.json');

interface Row {
  file: string;
  label: string;
  camera_make?: string;
  source_repo?: string;
}

interface Seen {
  file: string;
  label: string;
  make?: string;
  native: boolean;
  hash?: string;
  standard: boolean;
  generic: boolean;
}

const rows = parse(readFileSync(manifestPath), { columns: true, skip_empty_lines: true }) as Row[];
const seen: Seen[] = [];
let heldOut = 0;
for (const row of rows) {
  if (!/\.jpe?g$/i.test(row.file)) continue;
  if (row.source_repo && HELD_OUT_SOURCES.includes(row.source_repo)) {
    heldOut++;
    continue;
  }
  const bytes = new Uint8Array(readFileSync(join(dirname(manifestPath), row.file)));
  const s = parseJpegStructure(bytes);
  const { luma, chroma } = frameLumaChroma(s);
  if (!luma) continue;
  const meta = (await exifr.parse(bytes, EXIFR_OPTIONS).catch(() => undefined)) as
    | Record<string, unknown>
    | undefined;
  const make = normaliseMake(typeof meta?.Make === 'string' ? meta.Make : row.camera_make);
  const software = [meta?.Software, meta?.CreatorTool].filter((x): x is string => typeof x === 'string');
  const edited = software.some((t) => findEditors(t, '').length > 0);
  const ew = typeof meta?.ExifImageWidth === 'number' ? meta.ExifImageWidth : undefined;
  const eh = typeof meta?.ExifImageHeight === 'number' ? meta.ExifImageHeight : undefined;
  const fw = s.frame?.width ?? 0;
  const fh = s.frame?.height ?? 0;
  const tol = JPEG_PARAMS.resizeTolerance;
  const close = (a: number, b: number) => Math.abs(a - b) <= tol;
  const resized = !!(ew && eh) && !(close(ew, fw) && close(eh, fh)) && !(close(ew, fh) && close(eh, fw));
  const native =
    (row.label === 'real-camera' || row.label === 'c2pa') &&
    !!make &&
    !resized &&
    !edited &&
    s.frame?.process !== 'progressive' &&
    !findApp(s, 0xee, 'Adobe');
  const est = estimateQuality(luma, chroma);
  seen.push({ file: row.file, label: row.label, make, native, hash: tablesHash(luma, chroma), standard: est.standard, generic: isGenericTables(est) });
}

const makes: Record<string, Set<string>> = {};
const other: Record<string, Set<string>> = {};
const otherLabel = (s: Seen) =>
  s.label.startsWith('ai-') ? 'ai' : s.label === 'real-photo-stripped' ? 'stripped' : 'edited';
for (const s of seen) {
  if (s.generic || !s.hash) continue;
  if (s.native) (makes[s.hash] ??= new Set()).add(s.make!);
  else (other[s.hash] ??= new Set()).add(otherLabel(s));
}
for (const hash of Object.keys(other)) if (makes[hash]) delete other[hash];

const perMake = new Map<string, { files: number; standard: number }>();
for (const s of seen.filter((x) => x.native)) {
  const m = perMake.get(s.make!) ?? { files: 0, standard: 0 };
  m.files++;
  if (s.standard) m.standard++;
  perMake.set(s.make!, m);
}
const ownTableMakes = [...perMake.entries()].filter(([, m]) => m.files >= MIN_FILES && m.standard === 0).map(([k]) => k).sort();

const sorted = (r: Record<string, Set<string>>) =>
  Object.fromEntries(Object.keys(r).sort().map((k) => [k, [...r[k]].sort()]));
const out = {
  about:
    'JPEG quantisation-table fingerprints (tablesHash of luma+chroma) from the ClaimLens development corpus. makes: tables of unmodified camera files by make; other: tables seen only in AI, edited or stripped files; ownTableMakes: makes never seen writing standard IJG tables (at least 3 files). Built by scripts/build-quant-catalogue.ts.',
  source: 'corpus manifest.csv (development set)',
  ownTableMakes,
  makes: sorted(makes),
  other: sorted(other),
};
writeFileSync(OUT, `${JSON.stringify(out, null, 1)}\n`);

console.log(`JPEG files: ${seen.length} (${heldOut} of held-out sources left out), native camera files: ${seen.filter((s) => s.native).length}`);
console.log(`table hashes: ${Object.keys(out.makes).length} camera, ${Object.keys(out.other).length} other`);
console.log('makes (native files / with standard tables):');
for (const [k, m] of [...perMake.entries()].sort()) console.log(`  ${k}: ${m.files} / ${m.standard}`);
console.log(`ownTableMakes: ${ownTableMakes.join(', ')}`);
console.log('leave-one-out (a native file whose tables only other makes share):');
let risky = 0;
for (const s of seen.filter((x) => x.native && !x.generic)) {
  const others = seen.filter((o) => o !== s && o.native && o.hash === s.hash).map((o) => o.make!);
  if (others.length && !others.includes(s.make!)) {
    risky++;
    console.log(`  ${s.file}: ${s.make} vs ${[...new Set(others)].join(', ')}`);
  }
}
const singles = seen.filter((x) => x.native && !x.generic && !seen.some((o) => o !== x && o.native && o.hash === x.hash)).length;
console.log(`  ${risky} would be called mismatched; ${singles} have tables no other file shares (no verdict either way)`);
console.log(`wrote ${OUT}`);
