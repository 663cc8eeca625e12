/**
 * metadata.edit-history — what the file says about being edited: software named in EXIF
 * Software, XMP CreatorTool, the XMP history (xmpMM:History softwareAgent), IPTC
 * OriginatingProgram, JPEG comments and Adobe Camera Raw settings; the AI-edit labels phone
 * galleries write; and capture/modify timestamps that do not fit a camera original.
 * Owns the editor name list (EDITORS) and the timestamp rules; never reads pixels.
 *
 * Phone AI-edit labels recognised, and where they are documented:
 * - Google Photos (Magic Editor, Magic Eraser, Zoom Enhance): IPTC metadata with the Credit
 *   "Edited with Google AI" ("Made by Google AI" for Pixel Studio/Gemini images) and a
 *   DigitalSourceType (Google blog "More transparency for AI edits in Google Photos",
 *   Oct 2024; the Credit wording as the Photos app shows it, reported by FoneArena).
 * - Apple Photos Clean Up (iOS 18.1+): Credit "Apple Photos Clean Up" and the source type
 *   "Edited using Generative AI" (Mynavi News, 29 Jul 2025; iOS 18.1 beta 3 reports, Oct 2024).
 * - Samsung Gallery: data blocks of the Samsung trailer after the JPEG end (ExifTool
 *   Samsung.pm, "Samsung trailer" tags): 'PhotoEditor_Re_Edit_Data' (0x0ba1, re-edit data of
 *   the Gallery photo editor), 'Intelligent_PhotoEditor_Data' (0x0b51), 'Remaster_Info'
 *   (0x0bf0) and 'PEg_Info' (0x0d91, a JSON record whose genImageVersion field names a
 *   generated image); inside the re-edit JSON, a non-zero "genAIType" has been reported on
 *   Galaxy AI edits by open-source metadata checkers. Samsung documents none of this, so a
 *   Samsung block never decides the verdict on its own.
 * A label "decides" only when the file also says generative AI explicitly (an IPTC
 * DigitalSourceType of trainedAlgorithmicMedia or compositeWithTrainedAlgorithmicMedia).
 *
 * Timestamp parameters (EDIT_HISTORY_PARAMS):
 * - modifiedAfterSeconds 60: cameras write ModifyDate equal to DateTimeOriginal or a second or
 *   two later; more than a minute means software saved the file later.
 * - earliestPlausible 1995-01-01: consumer digital cameras with EXIF dates start in 1995-96.
 *   Zero dates ("0000:00:00", read as year 1899) mean "clock not set" and are ignored.
 * - futureSlackMs 36 h: EXIF times carry no time zone unless OffsetTime is set, so a photo
 *   taken "tomorrow" can be today somewhere else.
 * - maxTrailerScan 32 MB: how far after the picture the Samsung block names are searched
 *   (a motion photo's video sits there too); the file limit is 64 MB.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { Metadata } from '../../engine/inputs';
import { indexOfBytes, jpegStructure } from '../../engine/jpeg-structure';
import { clip } from '../../engine/limits';
import { list, msg, say, type MessageKey, type MessageList, type MessageParam } from '../../i18n/messages';

export type EditorKind = 'editor' | 'ai-editor' | 'maker-software';

export interface EditorPattern {
  name: string;
  pattern: RegExp;
  kind: EditorKind;
}

/**
 * Editing programs and apps by the names they write. Order matters: the first pattern
 * that matches a text names it (Lightroom before Photoshop, since Lightroom writes
 * "Adobe Photoshop Lightroom").
 */
export const EDITORS: readonly EditorPattern[] = [
  { name: 'Adobe Lightroom', pattern: /lightroom/i, kind: 'editor' },
  { name: 'Adobe Camera Raw', pattern: /camera raw/i, kind: 'editor' },
  { name: 'Adobe Photoshop Express', pattern: /photoshop express/i, kind: 'editor' },
  { name: 'Adobe Photoshop', pattern: /photoshop/i, kind: 'editor' },
  { name: 'Adobe Firefly', pattern: /firefly/i, kind: 'ai-editor' },
  { name: 'GIMP', pattern: /\bgimp\b/i, kind: 'editor' },
  { name: 'Canva', pattern: /\bcanva\b/i, kind: 'editor' },
  { name: 'Picsart', pattern: /picsart/i, kind: 'editor' },
  { name: 'Meitu', pattern: /meitu|美图/i, kind: 'editor' },
  { name: 'Snapseed', pattern: /snapseed/i, kind: 'editor' },
  { name: 'Affinity Photo', pattern: /affinity/i, kind: 'editor' },
  { name: 'Pixelmator', pattern: /pixelmator/i, kind: 'editor' },
  { name: 'Facetune', pattern: /facetune/i, kind: 'editor' },
  { name: 'Fotor', pattern: /\bfotor\b/i, kind: 'editor' },
  { name: 'Remini', pattern: /\bremini\b/i, kind: 'ai-editor' },
  { name: 'Lensa', pattern: /\blensa\b/i, kind: 'ai-editor' },
  { name: 'Topaz Photo AI / Gigapixel', pattern: /topaz|gigapixel/i, kind: 'ai-editor' },
  { name: 'Photoroom', pattern: /photoroom/i, kind: 'ai-editor' },
  { name: 'Lama Cleaner / IOPaint', pattern: /lama[ -]?cleaner|iopaint/i, kind: 'ai-editor' },
  { name: 'Cleanup.pictures', pattern: /cleanup\.pictures/i, kind: 'ai-editor' },
  { name: 'Luminar', pattern: /luminar/i, kind: 'editor' },
  { name: 'Polarr', pattern: /polarr/i, kind: 'editor' },
  { name: 'VSCO', pattern: /\bvsco\b/i, kind: 'editor' },
  { name: 'PhotoDirector', pattern: /photodirector/i, kind: 'editor' },
  { name: 'PhotoScape', pattern: /photoscape/i, kind: 'editor' },
  { name: 'Photopea', pattern: /photopea/i, kind: 'editor' },
  { name: 'Paint.NET', pattern: /paint\.net/i, kind: 'editor' },
  { name: 'Corel PaintShop Pro', pattern: /paint ?shop|corel/i, kind: 'editor' },
  { name: 'ACDSee', pattern: /acdsee|acd systems/i, kind: 'editor' },
  { name: 'Capture One', pattern: /capture one/i, kind: 'editor' },
  { name: 'DxO PhotoLab', pattern: /\bdxo\b/i, kind: 'editor' },
  { name: 'darktable', pattern: /darktable/i, kind: 'editor' },
  { name: 'RawTherapee', pattern: /rawtherapee/i, kind: 'editor' },
  { name: 'Picasa', pattern: /picasa/i, kind: 'editor' },
  // The camera maker's own desktop programs: they re-save (rotate, export), rarely retouch.
  {
    name: 'camera maker’s desktop software',
    pattern: /finepix viewer|camedia master|photo desk|zoombrowser|digital photo professional|viewnx|capture nx|imagebrowser|playmemories|picture project|olympus (studio|viewer)|silkypix/i,
    kind: 'maker-software',
  },
];

export interface EditorHit {
  name: string;
  kind: EditorKind;
  /** Where it was named: 'EXIF Software', 'XMP CreatorTool', 'XMP history' ... */
  source: string;
  text: string;
}

export function findEditors(text: string | undefined, source: string): EditorHit[] {
  if (!text) return [];
  const hit = EDITORS.find((e) => e.pattern.test(text));
  return hit ? [{ name: hit.name, kind: hit.kind, source, text: clip(text, 200) }] : [];
}

/** AI-edit labels written by phone galleries (see the header for the sources). */
const AI_CREDITS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'Google Photos AI editing (Magic Editor / Magic Eraser / Zoom Enhance)', pattern: /edited with google ai/i },
  { name: 'Google AI image (Pixel Studio / Gemini)', pattern: /made (with|by) google ai/i },
  { name: 'Apple Photos Clean Up', pattern: /apple photos clean ?up|modified with clean ?up/i },
];

/** Samsung trailer block names (ExifTool Samsung.pm) and what they say. */
const SAMSUNG_BLOCKS: readonly { name: string; label: string; kind: EditorKind }[] = [
  { name: 'PEg_Info', label: 'Samsung Gallery generative edit record (PEg_Info)', kind: 'ai-editor' },
  { name: 'Intelligent_PhotoEditor_Data', label: 'Samsung Gallery intelligent photo editor data', kind: 'editor' },
  { name: 'PhotoEditor_Re_Edit_Data', label: 'Samsung Gallery photo editor re-edit data', kind: 'editor' },
  { name: 'Remaster_Info', label: 'Samsung Gallery Remaster (automatic AI enhancement)', kind: 'editor' },
];

const GENERATIVE_SOURCE = /(compositeWith)?trainedAlgorithmicMedia/i;

/** The findings' texts (catalogue: metadata.edit-history.*). */
const TEXT = {
  editor: (names: MessageParam[], list: MessageParam) => say('metadata.edit-history.editor', { names: joined('comma', names), list }),
  aiEditor: (names: MessageParam[], list: MessageParam, decisive: boolean) =>
    say('metadata.edit-history.ai-editor', {
      names: joined('comma', names),
      list,
      extent: msg(decisive ? 'metadata.edit-history.ai-editor.declared' : 'metadata.edit-history.ai-editor.undeclared'),
    }),
  makerSoftware: (list: MessageParam) => say('metadata.edit-history.maker-software', { list }),
  modified: (minutes: number, captured: string, modified: string) =>
    say('metadata.edit-history.modified-after-capture', { span: describeSpan(minutes), captured, modified }),
  timezone: (original: string, saved: string) => say('metadata.edit-history.timezone-mismatch', { original, saved }),
  future: (date: string) => say('metadata.edit-history.future', { date }),
  tooEarly: (date: string) => say('metadata.edit-history.too-early', { date }),
};

/** Names and sources that are descriptions rather than product names, and their catalogue entries. */
const WORDED: Readonly<Record<string, MessageKey>> = {
  'camera maker’s desktop software': 'metadata.edit-history.name.makerSoftware',
  'Google Photos AI editing (Magic Editor / Magic Eraser / Zoom Enhance)': 'metadata.edit-history.name.googlePhotosAi',
  'Google AI image (Pixel Studio / Gemini)': 'metadata.edit-history.name.googleAiImage',
  'Samsung Gallery generative edit record (PEg_Info)': 'metadata.edit-history.name.samsungGenerative',
  'Samsung Gallery intelligent photo editor data': 'metadata.edit-history.name.samsungIntelligent',
  'Samsung Gallery photo editor re-edit data': 'metadata.edit-history.name.samsungReEdit',
  'Samsung Gallery Remaster (automatic AI enhancement)': 'metadata.edit-history.name.samsungRemaster',
  'Samsung Galaxy AI edit (genAIType)': 'metadata.edit-history.name.samsungGenAi',
  'XMP edit history': 'metadata.edit-history.source.xmpHistory',
  'JPEG comment': 'metadata.edit-history.source.jpegComment',
  'XMP develop settings (crs)': 'metadata.edit-history.source.crs',
  'Samsung trailer': 'metadata.edit-history.source.samsungTrailer',
};

/** A name or source as the texts say it: the catalogue's words for a description, a product name as it is. */
function worded(text: string): MessageParam {
  return Object.hasOwn(WORDED, text) ? msg(WORDED[text]) : text;
}

/** A list of names; a single name stays a plain value. */
const joined = (join: MessageList['join'], items: MessageParam[]): MessageParam => (items.length === 1 ? items[0] : list(join, items));

function describeSpan(minutes: number): MessageParam {
  if (minutes < 120) return msg('metadata.edit-history.span.minutes', { count: Math.round(minutes) });
  const hours = minutes / 60;
  if (hours < 48) return msg('metadata.edit-history.span.hours', { count: Math.round(hours) });
  const days = hours / 24;
  if (days < 730) return msg('metadata.edit-history.span.days', { count: Math.round(days) });
  return msg('metadata.edit-history.span.years', { count: Math.round(days / 365) });
}

export const EDIT_HISTORY_PARAMS = {
  modifiedAfterSeconds: 60,
  earliestPlausible: Date.UTC(1995, 0, 1),
  futureSlackMs: 36 * 3600 * 1000,
  /** Years before this are EXIF zero dates ("0000:00:00 00:00:00"), not real dates. */
  zeroDateBeforeYear: 1901,
  maxTrailerScan: 32 * 1024 * 1024,
} as const;

const str = (v: unknown) => (typeof v === 'string' ? v.replace(/\0+$/, '').trim() || undefined : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function historyAgents(meta: Metadata, packet: string | undefined): string[] {
  const agents = new Set<string>();
  for (const entry of asArray(meta.xmpMM?.History)) {
    if (entry && typeof entry === 'object') {
      const agent = str((entry as Record<string, unknown>).softwareAgent);
      if (agent) agents.add(agent);
    } else {
      const text = str(entry);
      if (text) agents.add(text);
    }
  }
  if (packet) {
    for (const m of packet.matchAll(/softwareAgent(?:="([^"]{1,200})"|>([^<]{1,200})<)/g)) agents.add((m[1] ?? m[2]).trim());
  }
  return [...agents];
}

function xmpValue(packet: string | undefined, name: string): string | undefined {
  if (!packet) return undefined;
  const attr = new RegExp(`${name}="([^"]{1,300})"`).exec(packet);
  if (attr) return attr[1];
  const element = new RegExp(`<${name}>\\s*(?:<rdf:(?:Alt|Seq|Bag)>\\s*<rdf:li[^>]*>)?([^<]{1,300})<`).exec(packet);
  return element?.[1].trim();
}

const enc = new TextEncoder();

/** Samsung trailer block names present after the JPEG end (bounded scan). */
function samsungBlocks(bytes: Uint8Array): string[] {
  const s = jpegStructure(bytes);
  if (s.eoiOffset === undefined || s.trailingBytes < 8) return [];
  const tail = bytes.subarray(s.eoiOffset + 2, s.eoiOffset + 2 + EDIT_HISTORY_PARAMS.maxTrailerScan);
  const end = tail.subarray(Math.max(0, tail.length - 8));
  const text = String.fromCharCode(...end);
  if (!text.endsWith('SEFT') && !text.endsWith('QDIOBS')) return [];
  const found: string[] = [];
  for (const block of SAMSUNG_BLOCKS) {
    if (indexOfBytes(tail, enc.encode(block.name)) >= 0) found.push(block.name);
  }
  if (found.includes('PhotoEditor_Re_Edit_Data')) {
    // The re-edit JSON carries a "genAIType" number; non-zero has been reported on Galaxy AI edits.
    const i = indexOfBytes(tail, enc.encode('"genAIType"'));
    if (i >= 0) {
      const m = /^"genAIType"\s*:\s*(\d+)/.exec(new TextDecoder().decode(tail.subarray(i, i + 32)));
      if (m && m[1] !== '0') found.push('genAIType');
    }
  }
  return found;
}


/**
 * An EXIF date as its wall-clock reading expressed in UTC milliseconds. exifr revives EXIF
 * dates as local-time Dates of the machine running the analysis, so the local fields are
 * read back: the same file gives the same numbers in every time zone.
 */
function asTime(v: unknown): number | undefined {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    return Date.UTC(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), v.getMinutes(), v.getSeconds());
  }
  if (typeof v === 'string') {
    const m = /^(\d{4}):(\d\d):(\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(v);
    if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  }
  return undefined;
}

/** "+02:00" → minutes east of UTC. */
function offsetMinutes(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^([+-])(\d\d):(\d\d)/.exec(v.trim()) : null;
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]);
}

const isoMinute = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

function timestampFindings(meta: Metadata, now: number): Finding[] {
  const findings: Finding[] = [];
  const p = EDIT_HISTORY_PARAMS;
  const original = asTime(meta.exif?.DateTimeOriginal);
  const modified = asTime(meta.ifd0?.ModifyDate);
  const offOriginal = str(meta.exif?.OffsetTimeOriginal);
  const offModified = str(meta.exif?.OffsetTime);
  const isZero = (t: number | undefined) => t !== undefined && new Date(t).getUTCFullYear() < p.zeroDateBeforeYear;

  if (original !== undefined && !isZero(original)) {
    if (original > now + p.futureSlackMs) {
      findings.push({
        id: 'metadata.edit-history.implausible-date',
        points: 'edited',
        ...TEXT.future(isoMinute(original)),
        data: { dateTimeOriginal: isoMinute(original), problem: 'future' },
      });
    } else if (original < p.earliestPlausible) {
      findings.push({
        id: 'metadata.edit-history.implausible-date',
        points: 'neutral',
        ...TEXT.tooEarly(isoMinute(original)),
        data: { dateTimeOriginal: isoMinute(original), problem: 'before 1995' },
      });
    }
  }

  if (original !== undefined && modified !== undefined && !isZero(original) && !isZero(modified)) {
    // Local wall-clock times; when both zones are known, compare in UTC.
    const a = offOriginal && offModified ? original - (offsetMinutes(offOriginal) ?? 0) * 60_000 : original;
    const b = offOriginal && offModified ? modified - (offsetMinutes(offModified) ?? 0) * 60_000 : modified;
    const seconds = (b - a) / 1000;
    if (seconds > p.modifiedAfterSeconds) {
      findings.push({
        id: 'metadata.edit-history.modified-after-capture',
        points: 'edited',
        ...TEXT.modified(seconds / 60, isoMinute(original), isoMinute(modified)),
        data: { dateTimeOriginal: isoMinute(original), modifyDate: isoMinute(modified), secondsLater: Math.round(seconds) },
      });
    }
  }

  const oa = offsetMinutes(offOriginal);
  const ob = offsetMinutes(offModified);
  if (oa !== undefined && ob !== undefined && oa !== ob) {
    findings.push({
      id: 'metadata.edit-history.timezone-mismatch',
      points: 'edited',
      ...TEXT.timezone(offOriginal!, offModified!),
      data: { offsetTimeOriginal: offOriginal, offsetTime: offModified },
    });
  }
  return findings;
}

export const editHistory = defineDetector({
  id: 'metadata.edit-history',
  family: 'metadata',
  async run(input) {
    const meta = await input.metadata();
    const packet = await input.xmpPacket();
    const hits: EditorHit[] = [];
    hits.push(...findEditors(str(meta.ifd0?.Software), 'EXIF Software'));
    hits.push(...findEditors(str(meta.xmp?.CreatorTool) ?? xmpValue(packet, 'xmp:CreatorTool'), 'XMP CreatorTool'));
    for (const agent of historyAgents(meta, packet)) hits.push(...findEditors(agent, 'XMP edit history'));
    hits.push(...findEditors(str(meta.iptc?.OriginatingProgram), 'IPTC OriginatingProgram'));
    if (input.info.format === 'jpeg') {
      for (const comment of jpegStructure(input.bytes).comments) hits.push(...findEditors(comment, 'JPEG comment'));
    }
    if (meta.crs || (packet && /xmlns:crs=/.test(packet))) {
      hits.push({ name: 'Adobe Camera Raw', kind: 'editor', source: 'XMP develop settings (crs)', text: 'Camera Raw / Lightroom develop settings' });
    }

    const credit = str(meta.photoshop?.Credit) ?? str(meta.iptc?.Credit) ?? xmpValue(packet, 'photoshop:Credit');
    const sourceType =
      str(meta.Iptc4xmpExt?.DigitalSourceType) ?? str(meta.iptc?.DigitalSourceType) ?? xmpValue(packet, 'Iptc4xmpExt:DigitalSourceType');
    const generativeDeclared = !!sourceType && GENERATIVE_SOURCE.test(sourceType);
    for (const c of AI_CREDITS) {
      if (credit && c.pattern.test(credit)) hits.push({ name: c.name, kind: 'ai-editor', source: 'IPTC Credit', text: clip(credit, 200) });
    }
    if (input.info.format === 'jpeg') {
      const blocks = samsungBlocks(input.bytes);
      for (const block of SAMSUNG_BLOCKS) {
        if (blocks.includes(block.name)) hits.push({ name: block.label, kind: block.kind, source: 'Samsung trailer', text: block.name });
      }
      if (blocks.includes('genAIType')) {
        hits.push({ name: 'Samsung Galaxy AI edit (genAIType)', kind: 'ai-editor', source: 'Samsung trailer', text: 'PhotoEditor_Re_Edit_Data genAIType ≠ 0' });
      }
    }

    const findings: Finding[] = [];
    const byKind = (kind: EditorKind) => {
      const seen = new Map<string, EditorHit[]>();
      for (const h of hits.filter((x) => x.kind === kind)) seen.set(h.name, [...(seen.get(h.name) ?? []), h]);
      return seen;
    };
    const describe = (m: Map<string, EditorHit[]>): MessageParam =>
      joined(
        'semicolon',
        [...m.entries()].map(([name, hs]) =>
          msg('metadata.edit-history.foundIn', { name: worded(name), sources: joined('and', [...new Set(hs.map((h) => h.source))].map(worded)) }),
        ),
      );
    const names = (m: Map<string, EditorHit[]>) => [...m.keys()].map(worded);
    const dataOf = (m: Map<string, EditorHit[]>) => ({
      software: [...m.keys()],
      sources: [...m.values()].flat().map((h) => `${h.source}: ${h.text}`),
    });

    const ai = byKind('ai-editor');
    if (ai.size) {
      findings.push({
        id: 'metadata.edit-history.ai-editor',
        points: 'ai',
        decisive: generativeDeclared,
        ...TEXT.aiEditor(names(ai), describe(ai), generativeDeclared),
        data: { ...dataOf(ai), ...(sourceType ? { digitalSourceType: clip(sourceType, 200) } : {}) },
      });
    }
    const editors = byKind('editor');
    if (editors.size) {
      findings.push({
        id: 'metadata.edit-history.editor',
        points: 'edited',
        ...TEXT.editor(names(editors), describe(editors)),
        data: dataOf(editors),
      });
    }
    const maker = byKind('maker-software');
    if (maker.size && !editors.size) {
      findings.push({
        id: 'metadata.edit-history.maker-software',
        points: 'neutral',
        ...TEXT.makerSoftware(describe(maker)),
        data: dataOf(maker),
      });
    }
    findings.push(...timestampFindings(meta, Date.now()));
    return findings;
  },
});
