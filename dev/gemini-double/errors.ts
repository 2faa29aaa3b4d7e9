/**
 * Google's error bodies, as the Gemini and Vertex REST APIs send them. Texts come from real captures listed in
 * docs/gemini-platform.md#error-bodies and docs/gemini-platform.md#a-429-with-retryinfo; the few Google never
 * documented (bad ratio, bad size, too many images) are marked.
 */

/** One `google.rpc.Status` as JSON: the body is always `{ error: … }`. */
export interface GoogleError {
  code: number;
  message: string;
  status: string;
  details?: unknown[];
}

/** The whole error body. */
export interface GoogleErrorBody {
  error: GoogleError;
}

/** HTTP statuses a `[double:NNN]` trigger can ask for. */
export const TRIGGER_ERROR_STATUSES = [400, 403, 429, 500, 503, 504] as const;
export type TriggerErrorStatus = (typeof TRIGGER_ERROR_STATUSES)[number];

/** True for a value shaped like {@link GoogleErrorBody}. */
export function isGoogleErrorBody(value: unknown): value is GoogleErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value;
}

function body(code: number, status: string, message: string, details?: unknown[]): GoogleErrorBody {
  return { error: details ? { code, message, status, details } : { code, message, status } };
}

const BAD_REQUEST = 'type.googleapis.com/google.rpc.BadRequest';

/** 400 INVALID_ARGUMENT, with a BadRequest field violation when a field is to blame (Google's usual shape). */
export function invalidArgument(message: string, field?: string): GoogleErrorBody {
  const details = field ? [{ '@type': BAD_REQUEST, fieldViolations: [{ field, description: message }] }] : undefined;
  return body(400, 'INVALID_ARGUMENT', message, details);
}

/** 400 for an image Google cannot read, or `[double:400]` ([FX:googleai/streaming-failure-image-rejected.txt]). */
export function badArgument(): GoogleErrorBody {
  return body(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.');
}

/** 400 for a body that is not JSON; Google names the parser's complaint. */
export function invalidJson(): GoogleErrorBody {
  const message = 'Invalid JSON payload received. Unexpected token.';
  return body(400, 'INVALID_ARGUMENT', message, [
    { '@type': BAD_REQUEST, fieldViolations: [{ description: message }] },
  ]);
}

/** 400 for a body over the inline limit ("Request payload size exceeds the limit: N bytes."). */
export function payloadTooLarge(limit: number): GoogleErrorBody {
  return body(400, 'INVALID_ARGUMENT', `Request payload size exceeds the limit: ${limit} bytes.`);
}

/** 400 API_KEY_INVALID: a bad key is 400, not 401 ([FX:googleai/unary-failure-api-key.txt]). */
export function apiKeyInvalid(service: string): GoogleErrorBody {
  const message = 'API key not valid. Please pass a valid API key.';
  return body(400, 'INVALID_ARGUMENT', message, [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service },
    },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
  ]);
}

/** 403 for a call with no key at all. */
export function unregisteredCaller(): GoogleErrorBody {
  return body(
    403,
    'PERMISSION_DENIED',
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );
}

/** 401 for a Vertex project call without `Authorization: Bearer …`. */
export function unauthenticated(): GoogleErrorBody {
  return body(
    401,
    'UNAUTHENTICATED',
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'CREDENTIALS_MISSING',
        domain: 'googleapis.com',
        metadata: { service: 'aiplatform.googleapis.com' },
      },
    ],
  );
}

/** 403 SERVICE_DISABLED ([FX:googleai/unary-failure-generativelanguage-api-not-enabled.json]). */
export function serviceDisabled(): GoogleErrorBody {
  const url =
    'https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=12345678';
  return body(
    403,
    'PERMISSION_DENIED',
    `Generative Language API has not been used in project 12345678 before or it is disabled. Enable it by visiting ${url} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`,
    [
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [{ description: 'Google developers console API activation', url }],
      },
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'SERVICE_DISABLED',
        domain: 'googleapis.com',
        metadata: { service: 'generativelanguage.googleapis.com', consumer: 'projects/12345678' },
      },
    ],
  );
}

/** 404 for an unknown model on the Gemini API ([FX:googleai/unary-failure-unknown-model.txt]). */
export function modelNotFound(model: string, version: string): GoogleErrorBody {
  return body(
    404,
    'NOT_FOUND',
    `models/${model} is not found for API version ${version}, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
  );
}

/** 404 for an unknown model on Vertex, which names the publisher model path instead. */
export function publisherModelNotFound(resource: string): GoogleErrorBody {
  return body(
    404,
    'NOT_FOUND',
    `Publisher Model \`${resource}\` was not found or your project does not have access to it. Please ensure you are using a valid model version. For more information, see: https://cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versions`,
  );
}

/** 404 NOT_FOUND for a resource (a batch job) that does not exist: Google's usual wording for a missing entity. */
export function entityNotFound(): GoogleErrorBody {
  return body(404, 'NOT_FOUND', 'Requested entity was not found.');
}

/** 404 for a path the API does not serve. */
export function pathNotFound(path: string): GoogleErrorBody {
  return body(404, 'NOT_FOUND', `The requested URL ${path} was not found on this server.`);
}

/**
 * 429 with QuotaFailure, Help and RetryInfo, as in docs/gemini-platform.md#a-429-with-retryinfo. `retryDelay` is a
 * Duration like "2s".
 */
export function quotaExceeded(model: string, retryDelay: string): GoogleErrorBody {
  return body(
    429,
    'RESOURCE_EXHAUSTED',
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
    [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [
          {
            quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
            quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
            quotaDimensions: { location: 'global', model },
          },
        ],
      },
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [
          {
            description: 'Learn more about Gemini API quotas',
            url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
          },
        ],
      },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
    ],
  );
}

/** 500 INTERNAL, the text every public log shows. */
export function internalError(): GoogleErrorBody {
  return body(
    500,
    'INTERNAL',
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  );
}

/** 503 UNAVAILABLE: "The model is overloaded." */
export function overloaded(): GoogleErrorBody {
  return body(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
}

/** 504 DEADLINE_EXCEEDED. */
export function deadlineExceeded(): GoogleErrorBody {
  return body(504, 'DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.');
}

/** The body a `[double:NNN]` or `[double:flaky-NNN]` trigger answers with. */
export function errorForStatus(status: TriggerErrorStatus, model: string, retryDelay: string): GoogleErrorBody {
  switch (status) {
    case 400:
      return badArgument();
    case 403:
      return serviceDisabled();
    case 429:
      return quotaExceeded(model, retryDelay);
    case 500:
      return internalError();
    case 503:
      return overloaded();
    case 504:
      return deadlineExceeded();
  }
}
