/**
 * provenance.iptc: the IPTC digital source type written into XMP — generative AI (http),
 * AI-edited composite (https form) and camera capture fixtures, the element form of the
 * XMP property, and the vocabulary matching of sourceTypeTerms().
 */
import { describe, expect, it } from 'vitest';
import { iptcSourceType, sourceTypeTerms, SOURCE_TYPES } from '../../../lib/detectors/provenance/iptc';
import { fakeInput, ids, runDetector } from '../helpers';

const VOCAB = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

describe('provenance.iptc', () => {
  it('trainedAlgorithmicMedia (http form) is decisive AI', async () => {
    const findings = await runDetector(iptcSourceType, 'iptc-trained-algorithmic.jpg');
    expect(ids(findings)).toEqual(['provenance.iptc.trainedAlgorithmicMedia']);
    expect(findings[0]).toMatchObject({
      points: 'ai',
      decisive: true,
      title: SOURCE_TYPES.trainedAlgorithmicMedia.title,
      data: { digitalSourceType: `${VOCAB}trainedAlgorithmicMedia`, foundIn: 'XMP metadata' },
    });
  });

  it('compositeWithTrainedAlgorithmicMedia (https form) is decisive AI editing', async () => {
    const findings = await runDetector(iptcSourceType, 'iptc-composite-https.jpg');
    expect(ids(findings)).toEqual(['provenance.iptc.compositeWithTrainedAlgorithmicMedia']);
    expect(findings[0]).toMatchObject({ points: 'ai', decisive: true, title: 'Labelled as edited with generative AI' });
    // Reported with the canonical vocabulary URI whatever form the file used.
    expect(findings[0].data?.digitalSourceType).toBe(`${VOCAB}compositeWithTrainedAlgorithmicMedia`);
  });

  it('digitalCapture supports authenticity but is not decisive', async () => {
    const findings = await runDetector(iptcSourceType, 'iptc-digital-capture.jpg');
    expect(ids(findings)).toEqual(['provenance.iptc.digitalCapture']);
    expect(findings[0].points).toBe('authentic');
    expect(findings[0].decisive).toBeFalsy();
  });

  it.each(['plain.jpg', 'camera-exif.jpg', 'a1111-parameters.png'])('finds nothing in %s', async (file) => {
    expect(await runDetector(iptcSourceType, file)).toEqual([]);
  });

  it('reads the element form of the property from the raw XMP packet', async () => {
    const packet =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">' +
      `<Iptc4xmpExt:DigitalSourceType>${VOCAB}trainedAlgorithmicMedia</Iptc4xmpExt:DigitalSourceType>` +
      '</rdf:Description></rdf:RDF></x:xmpmeta>';
    const findings = await iptcSourceType.run(fakeInput({ xmpPacket: packet }));
    expect(ids(findings)).toEqual(['provenance.iptc.trainedAlgorithmicMedia']);
  });

  it('reads a value exifr parsed when there is no raw packet', async () => {
    const findings = await iptcSourceType.run(fakeInput({ metadata: { Iptc4xmpExt: { DigitalSourceType: `${VOCAB}screenCapture` } } }));
    expect(ids(findings)).toEqual(['provenance.iptc.screenCapture']);
    expect(findings[0].points).toBe('neutral');
  });

  it('reports each term once when exifr and the packet agree', async () => {
    const findings = await iptcSourceType.run(
      fakeInput({
        metadata: { Iptc4xmpExt: { DigitalSourceType: `${VOCAB}digitalCapture` } },
        xmpPacket: `<x:xmpmeta><rdf:Description Iptc4xmpExt:DigitalSourceType="${VOCAB}digitalCapture"/></x:xmpmeta>`,
      }),
    );
    expect(ids(findings)).toEqual(['provenance.iptc.digitalCapture']);
  });
});

describe('sourceTypeTerms()', () => {
  it('accepts the http and https vocabulary URIs and the bare term', () => {
    expect(
      sourceTypeTerms([
        `${VOCAB}trainedAlgorithmicMedia`,
        'https://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
        'digitalCapture',
        ' humanEdits ',
      ]),
    ).toEqual(['trainedAlgorithmicMedia', 'compositeWithTrainedAlgorithmicMedia', 'digitalCapture', 'humanEdits']);
  });

  it('ignores unknown terms, non-strings and duplicates', () => {
    expect(sourceTypeTerms([`${VOCAB}madeUpTerm`, undefined, 42, null, 'digitalCapture', `${VOCAB}digitalCapture`])).toEqual(['digitalCapture']);
  });
});
