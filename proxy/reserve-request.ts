/**
 * The reservation step of `POST /v1/generate`: the request is held against the person's limits in the store, in
 * one transaction, before any work is done for it; a refusal is the limit's error in plain words.
 */
import type { AppContext } from './app-context.js';
import type { PlannedReservation } from './generate-plan.js';
import { limitError } from './limit-error.js';
import type { ReserveRequest } from './store/store.js';

/** Reserves the request, or throws the refusal (`limit-error.ts`). */
export async function reserveRequest(
  ctx: AppContext,
  planned: PlannedReservation,
  estimatedCostUsd: number,
  cacheHit?: ReserveRequest['cacheHit'],
): Promise<void> {
  const now = ctx.clock.now();
  const reservation = await ctx.store.reserve({
    ...planned,
    estimatedCostUsd,
    now,
    // Left by an instance that stopped mid-request: settled first, so they stop holding quota.
    staleBefore: now - ctx.reservationTtlMs,
    ...(cacheHit ? { cacheHit } : {}),
  });
  if (!reservation.ok) throw limitError(reservation.refusal, now);
}
