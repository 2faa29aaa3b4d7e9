/**
 * The bytes of request bodies held in memory, per token and over everyone, against two caps
 * (`BANANA_MAX_BUFFERED_PER_PERSON_MB`, `BANANA_MAX_BUFFERED_MB`). `budgeted-body.ts` takes and gives them back
 * as bodies arrive and requests end.
 */

/** Which cap a body would pass: the person's own, or everyone's together. */
export type OverBudget = 'person' | 'total';

/** The bytes held, per key (a token id) and in all. */
export interface BodyBudget {
  /** Takes `bytes` for `key`; or, taking nothing, says which cap they would pass. */
  take(key: string, bytes: number): OverBudget | null;
  give(key: string, bytes: number): void;
}

/** An empty budget with a cap per key and one over everyone, in bytes. */
export function createBodyBudget(options: { total: number; perKey: number }): BodyBudget {
  const held = new Map<string, number>();
  let total = 0;
  return {
    take(key, bytes) {
      const mine = held.get(key) ?? 0;
      if (mine + bytes > options.perKey) return 'person';
      if (total + bytes > options.total) return 'total';
      held.set(key, mine + bytes);
      total += bytes;
      return null;
    },
    give(key, bytes) {
      const left = (held.get(key) ?? 0) - bytes;
      if (left > 0) held.set(key, left);
      else held.delete(key);
      total -= bytes;
    },
  };
}
