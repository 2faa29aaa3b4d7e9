/**
 * The refusals of a body that does not fit (`budgeted-body.ts`): over the body limit (413, sizes in words), over
 * the person's share of memory (429, only them) or over everyone's (503), the last two with a short `Retry-After`.
 */
import type { AppContext } from './app-context.js';
import type { OverBudget } from './body-budget.js';
import { ProxyError } from './proxy-error.js';

const MIB = 1024 * 1024;

/**
 * The refusal of a body over the body limit (413), the person's share (429) or everyone's (503). `declared` is
 * the request's `Content-Length` when it sent one, so the 413 can name the request's own size.
 */
export function bodyRefusal(ctx: AppContext, over: OverBudget | 'body', declared: number | null = null): ProxyError {
  const retry = { headers: { 'Retry-After': '5' } };
  switch (over) {
    case 'body':
      return new ProxyError('request_too_large', bodyTooLargeMessage(declared, ctx.config.maxBodyBytes));
    case 'person':
      return new ProxyError(
        'limit_reached',
        `Your requests being uploaded right now would hold more than ${Math.round(ctx.config.maxBufferedPerPersonBytes / MIB)} MB, your share of the proxy's memory. Wait for them to finish, then try again.`,
        retry,
      );
    case 'total':
      return new ProxyError(
        'proxy_busy',
        'The team proxy is receiving too many large requests at once right now. Try again in a few seconds.',
        retry,
      );
  }
}

/**
 * The 413 text for a body over the limit, both sizes in megabytes (MiB, as `BANANA_MAX_BODY_MB` counts them): the
 * request's own size when its `Content-Length` says it, else only the limit. The whole body is budgeted, history
 * and thought signatures included; no single part has a cap of its own (docs/live-replay.md "Size").
 */
export function bodyTooLargeMessage(contentLength: number | null, maxBodyBytes: number): string {
  const limit = `${mebibytes(maxBodyBytes)} MB`;
  const size =
    contentLength !== null && Number.isFinite(contentLength) && contentLength > maxBodyBytes
      ? `The request is ${mebibytes(contentLength)} MB; this proxy takes at most ${limit}.`
      : `The request is larger than ${limit}, the most this proxy takes.`;
  return `${size} Use a smaller frame, a lower export scale or fewer reference images.`;
}

/**
 * Bytes in MiB, as `BANANA_MAX_BODY_MB` counts them: whole numbers as they are, others to one decimal. (Image
 * limits are decimal megabytes, as Google states them: core/input-limits.ts.)
 */
function mebibytes(bytes: number): string {
  const mb = bytes / 1048576;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}
