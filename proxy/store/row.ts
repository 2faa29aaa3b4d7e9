/**
 * A row as both stores' drivers return it, and the one conversion every table needs: `node:sqlite` hands back
 * numbers, `pg` hands back `BIGINT` columns as strings, so each store reads columns through `Number` and the shared
 * row mappers (`usage-rows.ts`, `token-rows.ts`, `cache-rows.ts`) serve both.
 */

/** Column name to value, as `node:sqlite`'s `get`/`all` and `pg`'s `rows` give them. */
export type Row = Readonly<Record<string, unknown>>;

/** A nullable numeric column: null stays null (no limit, never used, not revoked). */
export function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
