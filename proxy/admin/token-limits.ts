/**
 * Limits as an admin writes them, over HTTP (JSON numbers or null) and on the command line (`--daily-images 50`,
 * `--monthly-usd none`). One schema for both, so the CLI and the admin page accept exactly the same values.
 */
import { z } from 'zod';
import type { TokenLimits } from '../../core/usage-summary.js';

const MAX_IMAGES = 1_000_000;
const MAX_USD = 1_000_000;
const MAX_RPM = 100_000;

/** Limit fields to change; a null value removes that limit, an absent one leaves it as it is. */
export const limitsPatchSchema = z.strictObject({
  dailyImages: z
    .number({ error: 'dailyImages must be a whole number or null' })
    .int('dailyImages must be a whole number')
    .min(0)
    .max(MAX_IMAGES)
    .nullable()
    .optional(),
  monthlyUsd: z.number({ error: 'monthlyUsd must be a number or null' }).min(0).max(MAX_USD).nullable().optional(),
  rpm: z
    .number({ error: 'rpm must be a whole number or null' })
    .int('rpm must be a whole number')
    .min(1, 'rpm must be at least 1')
    .max(MAX_RPM)
    .nullable()
    .optional(),
});
export type LimitsPatch = z.infer<typeof limitsPatchSchema>;

/** Body of `POST /admin/api/tokens`. */
export const createTokenSchema = limitsPatchSchema.extend({
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is empty').max(64, 'name is longer than 64'),
});

/** The patch as store limits, leaving out what was not given. */
export function limitsFrom(patch: LimitsPatch): Partial<TokenLimits> {
  const out: Partial<TokenLimits> = {};
  if (patch.dailyImages !== undefined) out.dailyImages = patch.dailyImages;
  if (patch.monthlyUsd !== undefined) out.monthlyUsd = patch.monthlyUsd;
  if (patch.rpm !== undefined) out.rpm = patch.rpm;
  return out;
}

/** A command-line value: a number, or `none` / `off` / `unlimited` for no limit. Null when not a number. */
export function parseLimitArg(raw: string): number | null | 'invalid' {
  if (/^(none|off|unlimited)$/i.test(raw.trim())) return null;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : 'invalid';
}
