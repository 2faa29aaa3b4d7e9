import type { TokenRecord } from '../store/store.js';

/** A token record as the admin API and `npm run admin -- … --json` print it: times as ISO strings. */
export function tokenJson(record: TokenRecord) {
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    limits: record.limits,
    createdAt: iso(record.createdAt),
    revokedAt: iso(record.revokedAt),
    lastUsedAt: iso(record.lastUsedAt),
  };
}
