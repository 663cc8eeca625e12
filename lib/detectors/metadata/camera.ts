/**
 * metadata.camera — whether the file records the camera that took it (EXIF Make/Model and
 * capture time), and whether it is a screenshot. Presence supports a genuine photo but can
 * be faked; absence is common for innocent reasons (messaging apps strip EXIF).
 */
import { defineDetector, type Finding } from '../../engine/detector';
import { decodeUserComment, exifWallClock } from '../../engine/exif-text';
import { clip } from '../../engine/limits';

const str = (v: unknown) => (typeof v === 'string' ? v.replace(/\0+$/, '').trim() : undefined);


/** Resolutions of common phone and desktop screens, either orientation. */
const SCREEN_SIZES = new Set(
  [
    [1170, 2532], [1179, 2556], [1284, 2778], [1290, 2796], [1125, 2436], [1242, 2688], [828, 1792],
    [750, 1334], [1242, 2208], [1080, 2400], [1080, 2340], [1440, 3200], [1440, 3120], [1080, 1920],
    [720, 1600], [1920, 1080], [2560, 1440], [1366, 768], [1440, 900], [2880, 1800], [3024, 1964],
    [2560, 1600], [3840, 2160], [1536, 864], [1280, 720],
  ].flatMap(([w, h]) => [`${w}x${h}`, `${h}x${w}`]),
);

export const cameraMetadata = defineDetector({
  id: 'metadata.camera',
  family: 'metadata',
  async run(input) {
    const meta = await input.metadata();
    const make = str(meta.ifd0?.Make);
    const model = str(meta.ifd0?.Model);
    const software = str(meta.ifd0?.Software) ?? str(meta.xmp?.CreatorTool);
    const captured = (exifWallClock(meta.exif?.DateTimeOriginal) ?? exifWallClock(meta.exif?.CreateDate))?.text;
    const lens = str(meta.exif?.LensModel);
    const gps = meta.gps && (meta.gps.GPSLatitude !== undefined || meta.gps.latitude !== undefined);
    const comment = decodeUserComment(meta.exif?.UserComment ?? meta.userComment) ?? str(meta.exif?.UserComment);
    const findings: Finding[] = [];

    const { width, height, format } = input.info;
    const screenshotLabel = [comment, software, str(meta.xmp?.UserComment)].some((t) => t && /screenshot/i.test(t));
    const screenSized = SCREEN_SIZES.has(`${width}x${height}`) && !make;
    if (screenshotLabel || (screenSized && format === 'png')) {
      findings.push({
        id: 'metadata.camera.screenshot',
        points: 'neutral',
        title: 'Looks like a screenshot, not the original photo',
        detail:
          (screenshotLabel ? 'The file is labelled as a screenshot. ' : `The image is ${width}×${height} pixels, the exact size of a common phone or computer screen, and has no camera details. `) +
          'Screenshots hide the original file and its camera details. Customers often screenshot innocently; if the claim depends on this picture, ask for the original photo.',
        data: { width, height, ...(software ? { software: clip(software, 200) } : {}) },
      });
    }

    if (make || model) {
      const camera = [make, model && make && model.startsWith(make) ? model.slice(make.length).trim() : model].filter(Boolean).join(' ');
      findings.push({
        id: captured ? 'metadata.camera.present' : 'metadata.camera.no-capture-time',
        points: captured ? 'authentic' : 'neutral',
        title: captured ? `Camera details present: ${clip(camera, 80)}` : `Camera named (${clip(camera, 80)}) but no capture time`,
        detail: captured
          ? `The file records the camera (${clip(camera, 80)}) and when the picture was taken (${captured}). Genuine camera and phone photos normally carry this, AI images almost never do. It can be copied or edited, so it supports the photo without proving it.`
          : 'The file names a camera but not when the picture was taken. Cameras normally record both; some apps keep only part of the details when saving.',
        data: {
          make, model, captured, lens,
          gps: gps ? 'present' : 'absent',
          ...(software ? { software: clip(software, 200) } : {}),
        },
      });
    } else {
      findings.push({
        id: 'metadata.camera.absent',
        points: 'neutral',
        title: 'No camera details in the file',
        detail:
          'The file does not say which camera took it or when. AI-generated images never carry these details, ' +
          'but messaging apps (WhatsApp, Messenger), screenshots, web forms and many editors remove them from genuine photos too, so on its own this proves nothing.',
        data: { format, ...(software ? { software: clip(software, 200) } : {}) },
      });
    }
    return findings;
  },
});
