/**
 * What Settings' **Test connection** says (ui/actions/test-connection.ts): from what `GET /health` and
 * `GET /v1/usage/me` answered with the typed URL and token, which part is wrong (the URL, network access, the token
 * or the proxy itself) in plain words, or "Connected: …" with what is left today. Pure.
 */
import type { AppError } from './errors.js';
import type { HealthResponse, UsageMeResponse } from './proxy-schema.js';
import type { Result } from './result.js';

/** The part a failed check points at; null when the connection works. */
export type ConnectionPart = 'url' | 'network' | 'token' | 'proxy' | null;

/** The outcome of Test connection. */
export interface ConnectionReport {
  ok: boolean;
  part: ConnectionPart;
  message: string;
}

/** What the checks found, in order: health first; reachability and usage only when they were asked. */
export interface ConnectionFacts {
  /** The proxy's base URL, as typed (without trailing slashes). */
  base: string;
  /** Whether a team token was typed. */
  hasToken: boolean;
  /** Whether Figma lets this build call `base` at all (core/build-may-reach.ts). */
  mayReach: boolean;
  /** Figma's words for a URL this build may not call (core/build-may-reach.ts `notAllowedMessage`). */
  notAllowedMessage: string;
  health: Result<HealthResponse>;
  /** After a network failure of /health: whether anything answers there without CORS; null when not asked. */
  answersWithoutCors: boolean | null;
  /** `GET /v1/usage/me` with the token; null when it was not asked (health failed, or no token). */
  usage: Result<UsageMeResponse> | null;
}

const MODE_WORDS: Record<HealthResponse['mode'], string> = {
  offline: 'offline double',
  gemini: 'Gemini API',
  vertex: 'Vertex AI',
};

/** The report for what the checks found. */
export function reportConnection(facts: ConnectionFacts): ConnectionReport {
  const { base, health } = facts;
  if (!health.ok) return healthFailure(facts, health.error);
  const mode = MODE_WORDS[health.value.mode];
  if (!facts.hasToken) {
    return fail(
      'token',
      `The proxy at ${base} answers (${mode}), but no team token is typed. Paste the one your admin gave you.`,
    );
  }
  const usage = facts.usage;
  if (!usage) return fail('token', `The proxy at ${base} answers (${mode}); the team token was not checked.`);
  if (!usage.ok) {
    const { code, message } = usage.error;
    if (code === 'unauthorized' || code === 'forbidden') {
      return fail(
        'token',
        `The proxy at ${base} answers (${mode}), but it refused this team token. Check it, or ask your admin for a new one.`,
      );
    }
    return fail('proxy', `The proxy at ${base} answers (${mode}), but could not say what you have left: ${message}`);
  }
  return { ok: true, part: null, message: `Connected: ${mode}, ${imagesLeftToday(usage.value)}.` };
}

/** "12 images left today", "no daily image limit". */
export function imagesLeftToday(usage: UsageMeResponse): string {
  const left = usage.day.remainingImages;
  if (left === null) return 'no daily image limit';
  return `${left} image${left === 1 ? '' : 's'} left today`;
}

function healthFailure(facts: ConnectionFacts, error: AppError): ConnectionReport {
  const { base } = facts;
  if (error.code === 'proxy_unreachable') {
    if (!facts.mayReach) return fail('network', facts.notAllowedMessage);
    if (facts.answersWithoutCors) {
      return fail(
        'network',
        `Something answers at ${base}, but not to Figma's panel: it does not allow calls from any origin (CORS). ` +
          'Check the URL is your Banana Studio proxy, or ask your admin to check its CORS.',
      );
    }
    return fail(
      'url',
      `Nothing answers at ${base}. Check the URL, that the proxy is running, and that this computer is online.`,
    );
  }
  if (error.code === 'not_found' || error.code === 'upstream_error' || error.code === 'bad_request') {
    return fail(
      'url',
      `Something answers at ${base}, but it is not a Banana Studio proxy. Check the URL: it is the proxy's own ` +
        'address, e.g. https://banana.example.com, without /v1.',
    );
  }
  if (error.code === 'upstream_timeout')
    return fail('proxy', `The proxy at ${base} did not answer in time. Try again.`);
  return fail('proxy', `The proxy at ${base} answered with an error: ${error.message}`);
}

function fail(part: Exclude<ConnectionPart, null>, message: string): ConnectionReport {
  return { ok: false, part, message };
}
