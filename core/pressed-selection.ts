/**
 * The designer stays in control of the selection: a result becomes the selection (and is scrolled to) only when the
 * selection is still what it was when Generate was pressed. For a batch of variants the same rule holds per batch:
 * once its first result is selected, the selection is the batch's results so far, and each later one joins them
 * only while that is still so. Anything else means the designer has moved on, and is left alone.
 */

/**
 * Whether the selection may move to a new result: `current` (the ids selected now) is `pressed` (the ids selected at
 * the press), or `placed` (the ids of the batch's results placed so far, when there are any), in any order. With no
 * `pressed` (an older panel that does not send it) the result is selected, as before.
 */
export function selectionStillPressed(
  current: readonly string[],
  pressed: readonly string[] | undefined,
  placed: readonly string[] = [],
): boolean {
  if (pressed === undefined) return true;
  return sameIds(current, pressed) || (placed.length > 0 && sameIds(current, placed));
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((id) => setB.has(id));
}
