/**
 * Removes secrets (the Gemini key) from text the proxy passes on: not only exact copies but any piece of 8
 * characters or more, in any letter case, so a key quoted cut short ("AIzaSyB3…"), upper-cased by some layer, or
 * split across two messages is still caught. Secrets shorter than 8 characters are matched whole, in any case.
 */

/** Shortest piece of a secret that is redacted on its own: long enough to say nothing about a random key. */
export const MIN_SECRET_PIECE = 8;
const PLACEHOLDER = '[redacted]';

export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = redactPieces(out, secret);
  }
  return out;
}

/** Lower case one UTF-16 unit at a time, so indices stay those of the original text. */
function fold(text: string): string {
  let out = '';
  for (const unit of text) {
    const lower = unit.toLowerCase();
    out += lower.length === unit.length ? lower : unit;
  }
  return out;
}

function redactPieces(text: string, secret: string): string {
  const haystack = fold(text);
  const needle = fold(secret);
  const piece = Math.min(MIN_SECRET_PIECE, needle.length);
  const starts = new Set<string>();
  for (let i = 0; i + piece <= needle.length; i++) starts.add(needle.slice(i, i + piece));
  let out = '';
  let copied = 0;
  for (let i = 0; i + piece <= haystack.length;) {
    if (!starts.has(haystack.slice(i, i + piece))) {
      i++;
      continue;
    }
    // Grow the match while it is still a piece of the secret.
    let end = i + piece;
    while (end < haystack.length && needle.includes(haystack.slice(i, end + 1))) end++;
    out += text.slice(copied, i) + PLACEHOLDER;
    copied = end;
    i = end;
  }
  return out + text.slice(copied);
}
