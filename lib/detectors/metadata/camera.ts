/**
 * metadata.camera — whether the file records the camera that took it (EXIF Make/Model and
 * capture time), and whether it is a screenshot. Presence supports a genuine photo but can
 * be faked; absence is common for innocent reasons (messaging apps strip EXIF).
 */
import { defineDetector, type Finding } from '../../engine/detector';
import { decodeUserComment, exifWallClock } from '../../engine/exif-text';
import { clip } from '../../engine/limits';
import { msg, say } from '../../i18n/messages';

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
        ...say('metadata.camera.screenshot', {
          why: screenshotLabel ? msg('metadata.camera.screenshot.labelled') : msg('metadata.camera.screenshot.screenSize', { width, height }),
        }),
        data: { width, height, ...(software ? { software: clip(software, 200) } : {}) },
      });
    }

    if (make || model) {
      const camera = [make, model && make && model.startsWith(make) ? model.slice(make.length).trim() : model].filter(Boolean).join(' ');
      findings.push({
        id: captured ? 'metadata.camera.present' : 'metadata.camera.no-capture-time',
        points: captured ? 'authentic' : 'neutral',
        ...say(captured ? 'metadata.camera.present' : 'metadata.camera.no-capture-time', { camera: clip(camera, 80), captured: captured ?? '' }),
        data: {
          make: make && clip(make, 200),
          model: model && clip(model, 200),
          captured: captured && clip(captured, 40),
          lens: lens && clip(lens, 200),
          gps: gps ? 'present' : 'absent',
          ...(software ? { software: clip(software, 200) } : {}),
        },
      });
    } else {
      findings.push({
        id: 'metadata.camera.absent',
        points: 'neutral',
        ...say('metadata.camera.absent'),
        data: { format, ...(software ? { software: clip(software, 200) } : {}) },
      });
    }
    return findings;
  },
});
