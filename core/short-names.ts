/**
 * Short labels for layers named alike: the results of one batch read "Poster — warmer light · variant 1",
 * "… · variant 2", so a narrow panel that cuts names off shows them all the same. When every name shares the part
 * before its last " · ", the labels are what follows it ("variant 1"); otherwise the names as they are. Pure.
 */

const SEPARATOR = ' · ';

/** The labels for `names`, in order: their distinct ends when they share a base, else the names themselves. */
export function shortNames(names: readonly string[]): string[] {
  const split = names.map((name) => {
    const at = name.lastIndexOf(SEPARATOR);
    return at < 0 ? null : { base: name.slice(0, at), end: name.slice(at + SEPARATOR.length) };
  });
  const first = split[0];
  const shared = names.length > 1 && first && split.every((part) => part !== null && part.base === first.base);
  const ends = shared ? split.map((part) => part!.end) : [];
  return shared && new Set(ends).size === ends.length && ends.every((end) => end !== '') ? ends : [...names];
}
