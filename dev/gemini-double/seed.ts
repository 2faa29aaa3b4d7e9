/**
 * Deterministic randomness for the double: the same prompt always gives the same colours, pattern and thought
 * signature, so the same request answers with byte-identical bytes.
 */

/** FNV-1a over the UTF-16 code units of a text: a 32-bit hash, stable across runs and machines. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small seeded generator (mulberry32) returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` deterministic bytes from a seed. */
export function seededBytes(seed: number, length: number): Uint8Array {
  const random = seededRandom(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** Base64 characters of the block a long signature repeats: 3,072 seeded bytes, so the block ends on a boundary. */
const SIGNATURE_BLOCK_CHARS = 4096;

/**
 * A deterministic base64 signature `chars` long (a multiple of 4): a seeded 3,072-byte block, base64-encoded and
 * repeated. Cheap at any length (one small block, then string repeats), and still different for every seed.
 */
export function seededSignature(seed: number, chars: number): string {
  const block = Buffer.from(seededBytes(seed, (SIGNATURE_BLOCK_CHARS / 4) * 3)).toString('base64');
  return block.repeat(Math.ceil(chars / SIGNATURE_BLOCK_CHARS)).slice(0, chars);
}
