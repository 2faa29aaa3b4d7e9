/**
 * How long a live request can hold its reservation at most: the longest it may wait for an upstream slot, plus
 * the longest per-model timeout (retries run inside it), plus a minute for the rest (reading the answer, caching
 * it, writing the row). A reservation older than this was left by an instance that died mid-request (killed,
 * crashed, lost its machine): it is settled as `interrupted` and stops holding quota.
 */
import type { ModelRegistry } from '../core/models.js';
import type { ProxyConfig } from './proxy-config.js';

const SETTLE_MARGIN_MS = 60_000;

export function reservationTtlMs(registry: ModelRegistry, config: ProxyConfig): number {
  const longest = Math.max(
    120,
    ...registry.models.flatMap((m) => Object.values(m.timeoutSeconds).filter((s): s is number => s !== undefined)),
  );
  return config.maxQueueWaitMs + longest * 1000 * config.timeoutScale + SETTLE_MARGIN_MS;
}
