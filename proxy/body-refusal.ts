/**
 * The refusals of a body that does not fit (`budgeted-body.ts`): over the body limit (413), over the person's share
 * of memory (429, only them) or over everyone's (503), the last two with a short `Retry-After`.
 */
import type { AppContext } from './app-context.js';
import type { OverBudget } from './body-budget.js';
import { bodyTooLargeMessage } from './generate-input.js';
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
