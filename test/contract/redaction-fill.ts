/**
 * Fills what a published recording cut out. A source that redacted a field left a marker in its place,
 * `"<redacted live image data; length=439196>"` or `"<redacted thought signature; length=597616>"`; the replay
 * puts in content of the recorded length instead: a real, decodable JPEG for image data (its length is whatever
 * the JPEG is, reported next to the recorded one), and a base64 signature of exactly the recorded length. Every
 * other byte of the recording is served as published (test/contract/recordings/README.md).
 */
import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';

/** One filled marker: what it stood for, the length the source recorded, and the length served. */
export interface Substitution {
  what: 'image data' | 'thought signature';
  recordedLength: number;
  usedLength: number;
  /** The exact text served in the marker's place. */
  value: string;
}

const MARKER = /"<redacted ([^;"]+); length=(\d+)>"/g;

/** The recording's text with every redaction marker replaced, and what was put in. Unknown markers throw. */
export function fillRedactions(text: string): { text: string; substitutions: Substitution[] } {
  const substitutions: Substitution[] = [];
  const filled = text.replace(MARKER, (_marker, described: string, length: string) => {
    const recordedLength = Number(length);
    const substitution = /image data/.test(described)
      ? { what: 'image data' as const, value: stillJpegBase64() }
      : /thought signature/.test(described)
        ? { what: 'thought signature' as const, value: signatureOfLength(recordedLength) }
        : null;
    if (!substitution) throw new Error(`no fill for a redacted "${described}"`);
    substitutions.push({ ...substitution, recordedLength, usedLength: substitution.value.length });
    return JSON.stringify(substitution.value);
  });
  return { text: filled, substitutions };
}

/** Width and height of the JPEG put in for redacted image data: Gemini's 1K 1:1 size (config/models.json). */
export const FILL_JPEG_SIZE = { width: 1024, height: 1024 };

let jpegCache: string | null = null;

/**
 * A 1024×1024 baseline JPEG (jpeg-js, quality 90) of a gradient with fine grain, base64: 453,200 characters, the
 * grain chosen so that it comes near the 439,196 of the recorded Gemini 3.1 Flash answer.
 */
function stillJpegBase64(): string {
  if (jpegCache) return jpegCache;
  const { width, height } = FILL_JPEG_SIZE;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const grain = ((x * 7919) ^ (y * 104_729)) % 12;
      data[at] = (x >> 2) + grain;
      data[at + 1] = (y >> 2) + grain;
      data[at + 2] = ((x + y) >> 3) + grain;
      data[at + 3] = 255;
    }
  }
  jpegCache = Buffer.from(jpeg.encode({ data, width, height }, 90).data).toString('base64');
  return jpegCache;
}

/** Deterministic standard base64 of exactly `length` characters (a multiple of 4, as padded base64 is). */
export function signatureOfLength(length: number): string {
  if (length % 4 !== 0) throw new Error(`a padded base64 string cannot be ${length} characters long`);
  const bytes = Buffer.alloc((length / 4) * 3);
  for (let block = 0; block * 32 < bytes.length; block++) {
    createHash('sha256')
      .update(`banana-signature-${block}`)
      .digest()
      .copy(bytes, block * 32);
  }
  return bytes.toString('base64');
}
